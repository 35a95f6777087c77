import { ApiError } from '../../../../lib/errors/api-error';
import { parseBasicAuthorization } from '../../../../lib/credentials/basic-authorization';

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function failureOf(header: string): ApiError {
  try {
    parseBasicAuthorization(header);
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected an ApiError');
}

describe('parseBasicAuthorization', () => {
  it('decodes secretId:secretKey and keeps the encoded text for scrubbing', () => {
    const encoded = encode('AKIDLOCALEMULATORDEMOKEY000000000000:LocalEmulatorDemoSecretKey000000');
    expect(parseBasicAuthorization(`Basic ${encoded}`)).toEqual({
      secretId: 'AKIDLOCALEMULATORDEMOKEY000000000000',
      secretKey: 'LocalEmulatorDemoSecretKey000000',
      encoded,
    });
  });

  it('accepts the scheme in any case and a key that itself contains a colon', () => {
    expect(parseBasicAuthorization(`bAsIc ${encode('id:key:with:colons')}`)).toMatchObject({ secretId: 'id', secretKey: 'key:with:colons' });
  });

  it.each([
    ['Bearer abc.def', 'does not use the Basic scheme'],
    ['Basic', 'does not use the Basic scheme'],
    ['Basic a b', 'does not use the Basic scheme'],
    ['Basic !!!notbase64', 'is not valid base64'],
    [`Basic ${encode('no-colon-here')}`, 'does not hold secretId:secretKey'],
  ])('refuses %j with a 401 that says why: %s', (header, reason) => {
    const error = failureOf(header);
    expect(error.status).toBe(401);
    expect(error.code).toBe('InvalidAuthorizationHeader');
    expect(error.fields).toEqual([{ field: 'Authorization', message: reason }]);
  });

  it('never repeats the header in its message', () => {
    const header = `Basic ${encode('AKIDx:TopSecretValue99')}X`;
    const error = failureOf(header);
    expect(error.message).not.toContain('TopSecret');
    expect(error.message).not.toContain(header.slice(6));
  });
});
