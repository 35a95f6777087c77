/**
 * Reads `Authorization: Basic base64(secretId:secretKey)` (RFC 7617), the way to pass credentials
 * without putting the SecretKey in a URL.
 */
import { ApiError } from '../errors/api-error';

export interface BasicCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** The base64 text as sent: it encodes the SecretKey, so it is scrubbed from logs like the key. */
  readonly encoded: string;
}

const BASIC_SCHEME = /^basic\s+(\S+)\s*$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function invalidHeader(reason: string): ApiError {
  return new ApiError(401, 'InvalidAuthorizationHeader', `The Authorization header ${reason}; send Basic base64(secretId:secretKey).`, {
    fields: [{ field: 'Authorization', message: reason }],
  });
}

/**
 * @example
 * parseBasicAuthorization('Basic ' + Buffer.from('AKIDexample:secret').toString('base64'))
 * // { secretId: 'AKIDexample', secretKey: 'secret', encoded: 'QUtJRGV4YW1wbGU6c2VjcmV0' }
 */
function parseBasicAuthorization(header: string): BasicCredentials {
  const encoded = BASIC_SCHEME.exec(header)?.[1];
  if (encoded === undefined) throw invalidHeader('does not use the Basic scheme');
  if (!BASE64.test(encoded)) throw invalidHeader('is not valid base64');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) throw invalidHeader('does not hold secretId:secretKey');
  return { secretId: decoded.slice(0, separator), secretKey: decoded.slice(separator + 1), encoded };
}

export { parseBasicAuthorization };
