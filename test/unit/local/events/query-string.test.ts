import { parseQueryString } from '../../../../local/events/query-string';

describe('parseQueryString', () => {
  it.each([
    ['', {}],
    ['region=ap-guangzhou', { region: 'ap-guangzhou' }],
    ['a=1&b=2', { a: '1', b: '2' }],
    ['name=hello+world', { name: 'hello world' }],
    ['name=%E5%B9%BF%E5%B7%9E', { name: '广州' }],
    ['key=a%26b%3Dc', { key: 'a&b=c' }],
    ['flag', { flag: '' }],
    ['empty=', { empty: '' }],
    ['r=1&r=2', { r: ['1', '2'] }],
    ['r=1&r=2&r=3', { r: ['1', '2', '3'] }],
    ['r=1&x=0&r=2', { r: ['1', '2'], x: '0' }],
  ])('parses %j', (raw, expected) => {
    expect(parseQueryString(raw)).toEqual(expected);
  });
});
