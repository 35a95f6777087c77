import { createHash } from 'node:crypto';
import { ifNoneMatchMatches, strongEtag } from '../../../../lib/cache/etag';

describe('strongEtag', () => {
  it('is a quoted SHA-256 of the exact body text', () => {
    const body = '{"totalCount":"19"}';
    expect(strongEtag(body)).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);
    expect(strongEtag('a')).not.toBe(strongEtag('a '));
  });
});

describe('ifNoneMatchMatches', () => {
  const etag = '"abc"';

  it.each([
    [undefined, false],
    ['', false],
    ['"abc"', true],
    ['"xyz"', false],
    ['"xyz", "abc"', true],
    ['"xyz","abc"', true],
    ['W/"abc"', true],
    ['*', true],
    ['abc', false],
  ])('If-None-Match %j → %s', (header, matches) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(matches);
  });
});
