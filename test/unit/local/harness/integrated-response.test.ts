import { checkIntegratedResponse } from '../../../../local/harness/integrated-response';

describe('checkIntegratedResponse', () => {
  it('accepts the documented integrated response (reference §6.4)', () => {
    const check = checkIntegratedResponse({
      isBase64Encoded: false,
      statusCode: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });

    expect(check).toEqual({
      valid: true,
      reply: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from('{"a":1}') },
    });
  });

  it('decodes a base64 body when isBase64Encoded is true', () => {
    const check = checkIntegratedResponse({ isBase64Encoded: true, statusCode: 200, headers: {}, body: '//4AgA==' });

    expect(check.valid && check.reply.body).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  });

  it('treats absent headers, body and flag as empty, empty and false', () => {
    expect(checkIntegratedResponse({ statusCode: 204 })).toEqual({
      valid: true,
      reply: { statusCode: 204, headers: {}, body: Buffer.alloc(0) },
    });
  });

  it('drops framing headers the gateway sets itself', () => {
    const check = checkIntegratedResponse({
      statusCode: 200,
      headers: { 'Content-Length': '999', 'transfer-encoding': 'chunked', 'X-Kept': 'yes' },
      body: 'ok',
    });

    expect(check.valid && check.reply.headers).toEqual({ 'X-Kept': 'yes' });
  });

  it.each([
    ['a string', '{"statusCode":200}', 'the return value is not an object'],
    ['null', null, 'the return value is not an object'],
    ['an array', [200], 'the return value is not an object'],
    ['no statusCode', { body: '' }, 'statusCode: must be an integer'],
    ['a string statusCode', { statusCode: '200' }, 'statusCode: must be an integer'],
    ['a fractional statusCode', { statusCode: 200.5 }, 'statusCode: must be an integer'],
    ['statusCode 99', { statusCode: 99 }, 'statusCode: must be between 100 and 599'],
    ['statusCode 600', { statusCode: 600 }, 'statusCode: must be between 100 and 599'],
    ['an object body', { statusCode: 200, body: { a: 1 } }, 'body: must be a string'],
    ['a number header', { statusCode: 200, headers: { 'X-N': 1 } }, 'headers.X-N: must be a string'],
    ['a string flag', { statusCode: 200, isBase64Encoded: 'true' }, 'isBase64Encoded: must be a boolean'],
    ['a header with a newline', { statusCode: 200, headers: { 'X-A': 'a\r\nb' } }, 'headers.X-A: is not a valid HTTP header'],
    ['a header name with a space', { statusCode: 200, headers: { 'X A': 'a' } }, 'headers.X A: is not a valid HTTP header'],
    [
      'a flagged body that is not base64',
      { statusCode: 200, isBase64Encoded: true, body: 'not base64!' },
      'body: isBase64Encoded is true but the body is not base64',
    ],
  ])('refuses %s, naming the field', (_case, value, problem) => {
    expect(checkIntegratedResponse(value)).toEqual({ valid: false, problems: [problem] });
  });
});
