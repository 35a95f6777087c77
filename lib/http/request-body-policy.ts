/**
 * What a request body must be before it is parsed: no larger than the deployment allows (413), and
 * declared as JSON when there is one (415). Deployed there is no harness in front of the function, so
 * the function enforces this itself; API Gateway only caps a synchronous event at 6 MB (reference §6.7).
 */
import { ApiError } from '../errors/api-error';
import type { HttpRequest } from './http-request';

/** `application/json`, or a structured `+json` type (RFC 6839 §3.1), with optional parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

function bodyTooLarge(maxBodyBytes: number): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `The request body is larger than ${maxBodyBytes} bytes.`, {
    fields: [{ field: 'body', message: `must be at most ${maxBodyBytes} bytes` }],
  });
}

function unsupportedMediaType(reason: string): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `The request body must be JSON: Content-Type ${reason}.`, {
    fields: [{ field: 'Content-Type', message: reason }],
  });
}

/** The charset parameter must be UTF-8 when given (RFC 8259 §8.1: JSON between systems is UTF-8). */
function charsetProblem(parameters: readonly string[]): string | undefined {
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=', 2).map((part) => part.trim().toLowerCase());
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8') return 'must use charset utf-8';
  }
  return undefined;
}

function contentTypeProblem(contentType: string | undefined): string | undefined {
  if (contentType === undefined || contentType.trim() === '') return 'is required with a body, as application/json';
  const [mediaType = '', ...parameters] = contentType.split(';');
  if (!JSON_MEDIA_TYPE.test(mediaType.trim().toLowerCase())) return 'must be application/json';
  return charsetProblem(parameters);
}

/**
 * Throws the 413 or 415 a body deserves; a blank body passes whatever its Content-Type.
 *
 * @example
 * assertAcceptableBody(request, 65_536); // request.body '{"region":"ap-guangzhou"}', Content-Type application/json: passes
 */
function assertAcceptableBody(request: Pick<HttpRequest, 'headers' | 'body'>, maxBodyBytes: number): void {
  // A character is 1–4 bytes: only bodies that may be over the limit are measured exactly.
  if (request.body.length * 4 > maxBodyBytes && Buffer.byteLength(request.body, 'utf8') > maxBodyBytes) {
    throw bodyTooLarge(maxBodyBytes);
  }
  // Blank is no body (lib/http/json-body.ts reads it as `{}`): nothing to declare.
  if (request.body.trim() === '') return;
  const problem = contentTypeProblem(request.headers['content-type']);
  if (problem !== undefined) throw unsupportedMediaType(problem);
}

export { assertAcceptableBody };
