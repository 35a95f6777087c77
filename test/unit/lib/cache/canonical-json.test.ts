import { canonicalJson } from '../../../../lib/cache/canonical-json';

describe('canonicalJson', () => {
  it('writes object keys sorted at every depth', () => {
    expect(canonicalJson({ region: 'ap-guangzhou', limit: 10, filter: { b: 1, a: [{ d: 2, c: 3 }] } })).toBe(
      '{"filter":{"a":[{"c":3,"d":2}],"b":1},"limit":10,"region":"ap-guangzhou"}',
    );
  });

  it('gives equal text for the same input in any parameter order, and different text for different input', () => {
    expect(canonicalJson({ query: { zone: 'z', region: 'r' }, body: {} })).toBe(canonicalJson({ body: {}, query: { region: 'r', zone: 'z' } }));
    expect(canonicalJson({ query: { region: 'r' } })).not.toBe(canonicalJson({ query: { region: 'r', zone: 'z' } }));
  });

  it('leaves out undefined members, as JSON does, and keeps array order', () => {
    expect(canonicalJson({ region: 'r', zone: undefined, ids: ['b', 'a'] })).toBe('{"ids":["b","a"],"region":"r"}');
  });
});
