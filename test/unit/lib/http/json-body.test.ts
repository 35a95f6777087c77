import { ValidationError } from '../../../../lib/errors/api-error';
import { methodHasBody, parseJsonBody } from '../../../../lib/http/json-body';

describe('parseJsonBody', () => {
  it.each([
    ['{"region":"ap-guangzhou","instanceIds":["ins-1"]}', { region: 'ap-guangzhou', instanceIds: ['ins-1'] }],
    ['', {}],
    ['  \n', {}],
  ])('parses %j', (text, parsed) => {
    expect(parseJsonBody(text)).toEqual(parsed);
  });

  it.each([
    ['{"region":', 'must be valid JSON'],
    ['[1,2]', 'must be a JSON object'],
    ['"text"', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
  ])('refuses %j with a 400 naming body: %s', (text, message) => {
    expect(() => parseJsonBody(text)).toThrow(ValidationError);
    try {
      parseJsonBody(text);
    } catch (error) {
      expect((error as ValidationError).fields).toEqual([{ field: 'body', message }]);
    }
  });
});

describe('methodHasBody', () => {
  it.each([
    ['POST', true],
    ['PUT', true],
    ['PATCH', true],
    ['DELETE', true],
    ['GET', false],
    ['HEAD', false],
  ])('%s → %s', (method, expected) => {
    expect(methodHasBody(method)).toBe(expected);
  });
});
