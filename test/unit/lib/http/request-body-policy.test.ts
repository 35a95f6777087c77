import { ApiError } from '../../../../lib/errors/api-error';
import { assertAcceptableBody } from '../../../../lib/http/request-body-policy';

function refusal(body: string, contentType: string | undefined, maxBodyBytes = 64): ApiError | undefined {
  try {
    assertAcceptableBody({ body, headers: contentType === undefined ? {} : { 'content-type': contentType } }, maxBodyBytes);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('assertAcceptableBody', () => {
  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['Application/JSON; Charset="UTF-8"'],
    ['application/merge-patch+json'],
  ])('accepts a JSON body sent as %s', (contentType) => {
    expect(refusal('{"region":"ap-guangzhou"}', contentType)).toBeUndefined();
  });

  it.each([[''], ['   \n'], ['\t']])('accepts a blank body %j without a Content-Type', (body) => {
    expect(refusal(body, undefined)).toBeUndefined();
  });

  it.each([
    [undefined, 'is required with a body, as application/json'],
    ['', 'is required with a body, as application/json'],
    ['text/plain', 'must be application/json'],
    ['application/x-www-form-urlencoded', 'must be application/json'],
    ['application/jsonp', 'must be application/json'],
    ['application/json; charset=latin1', 'must use charset utf-8'],
  ])('answers 415 naming Content-Type for %j', (contentType, message) => {
    const error = refusal('{}', contentType);
    expect(error?.status).toBe(415);
    expect(error?.code).toBe('UnsupportedMediaType');
    expect(error?.fields).toEqual([{ field: 'Content-Type', message }]);
  });

  it('answers 413 naming body when the UTF-8 size passes the limit, whatever the Content-Type', () => {
    const error = refusal(`{"a":"${'x'.repeat(60)}"}`, 'text/plain');
    expect(error?.status).toBe(413);
    expect(error?.code).toBe('RequestEntityTooLarge');
    expect(error?.fields).toEqual([{ field: 'body', message: 'must be at most 64 bytes' }]);
  });

  it('counts bytes, not characters: 17 four-byte characters are 68 bytes, 32 two-byte ones exactly 64', () => {
    expect(refusal('😀'.repeat(17), 'application/json')?.status).toBe(413);
    expect(refusal('é'.repeat(32), 'application/json')?.status).toBeUndefined();
  });
});
