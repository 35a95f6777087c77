/**
 * The document's shared parts: how to authenticate (api-contract.md "Request inputs") and one response
 * per failure status, all with the contract's error body (api-contract.md "Errors").
 */
import type { ErrorStatus } from '../../functions/route-schemas';
import type { HeaderObject, ParameterObject, ReferenceObject, ResponseObject, SecuritySchemeObject } from './openapi-types';

const ERROR_SCHEMA_NAME = 'ErrorResponse';
const JSON_MEDIA_TYPE = 'application/json';

/** Names in `components.securitySchemes`. */
const SECURITY = { basic: 'basicAuth', querySecretId: 'secretIdQuery', querySecretKey: 'secretKeyQuery' } as const;

const securitySchemes: Readonly<Record<string, SecuritySchemeObject>> = {
  [SECURITY.basic]: {
    type: 'http',
    scheme: 'basic',
    description: 'Authorization: Basic base64(secretId:secretKey) — keeps the SecretKey out of URLs.',
  },
  [SECURITY.querySecretId]: {
    type: 'apiKey',
    in: 'query',
    name: 'secretId',
    description: 'SecretId in the query string, as the seed’s curl commands send it (with secretKey).',
  },
  [SECURITY.querySecretKey]: {
    type: 'apiKey',
    in: 'query',
    name: 'secretKey',
    description: 'SecretKey in the query string (with secretId). A deployment may refuse it (403 QueryCredentialsRefused).',
  },
};

const SESSION_TOKEN_PARAMETER = 'SessionToken';
const IF_NONE_MATCH_PARAMETER = 'IfNoneMatch';
const NOT_MODIFIED_RESPONSE = 'NotModified';

const parameters: Readonly<Record<string, ParameterObject>> = {
  [SESSION_TOKEN_PARAMETER]: {
    name: 'X-TC-Token',
    in: 'header',
    required: false,
    description: 'Session token, for temporary keys only.',
    schema: { type: 'string' },
  },
  [IF_NONE_MATCH_PARAMETER]: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The ETag of an answer already held: while it is still current the answer is 304 without a body.',
    schema: { type: 'string' },
  },
};

/** Headers of an answer that went through the response cache (lib/cache/route-cache.ts). */
const cacheHeaders: Readonly<Record<string, HeaderObject>> = {
  ETag: { description: 'Strong validator of the body; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: '`private, max-age=<seconds>` while the answer is kept, else `no-store`.', schema: { type: 'string' } },
};

const notModified: ResponseObject = {
  description: 'The If-None-Match ETag is still current: no body, keep using the answer held.',
  headers: cacheHeaders,
};

interface ErrorResponseDefinition {
  readonly name: string;
  readonly description: string;
  readonly headers?: Readonly<Record<string, HeaderObject>>;
}

/** Per status, what causes it (api-contract.md "Errors"). */
const errorResponseDefinitions: Readonly<Record<ErrorStatus | 405, ErrorResponseDefinition>> = {
  400: {
    name: 'BadRequest',
    description:
      'Invalid input: our validation (code InvalidParameter, with `fields` naming each offending parameter), or upstream InvalidParameter*, MissingParameter, InvalidParameterValue*, LimitExceeded*.',
  },
  401: {
    name: 'Unauthorized',
    description: 'No credentials (MissingCredentials), malformed ones (InvalidCredentials, InvalidAuthorizationHeader), or upstream AuthFailure.*.',
  },
  403: {
    name: 'Forbidden',
    description:
      'Upstream UnauthorizedOperation*, credentials refused by the deployment’s policy (QueryCredentialsRefused), or a browser origin not allowed (OriginNotAllowed).',
  },
  404: { name: 'NotFound', description: 'Unknown route (NotFound), or upstream ResourceNotFound* / InvalidInstanceId.NotFound.' },
  405: {
    name: 'MethodNotAllowed',
    description: 'The path exists but not for this method (MethodNotAllowed); Allow lists the methods it has.',
    headers: { Allow: { description: 'The methods the path answers, e.g. GET, OPTIONS.', required: true, schema: { type: 'string' } } },
  },
  409: { name: 'Conflict', description: 'Upstream UnsupportedOperation.* caused by the instances’ state.' },
  413: { name: 'PayloadTooLarge', description: 'The request body exceeds the size limit (RequestEntityTooLarge).' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not JSON (UnsupportedMediaType): send Content-Type: application/json.' },
  429: {
    name: 'TooManyRequests',
    description: 'Upstream RequestLimitExceeded* after retries.',
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string' } } },
  },
  500: { name: 'InternalError', description: 'An unexpected failure of the function or the harness; the message is generic and requestId finds it in the logs.' },
  502: {
    name: 'BadGateway',
    description: 'Upstream InternalError*, an unknown upstream code, an unreadable upstream answer, or a function that failed (FunctionError, InvalidScfResponse).',
  },
  504: { name: 'GatewayTimeout', description: 'The CVM API or the function did not answer in time.' },
};

function errorResponseRef(status: ErrorStatus | 405): ReferenceObject {
  return { $ref: `#/components/responses/${errorResponseDefinitions[status].name}` };
}

/** Every shared response: one per failure status, and the cache's 304. */
function sharedResponses(): Record<string, ResponseObject> {
  const failures = Object.fromEntries(
    Object.values(errorResponseDefinitions).map((definition) => [
      definition.name,
      {
        description: definition.description,
        ...(definition.headers === undefined ? {} : { headers: definition.headers }),
        content: { [JSON_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } } },
      },
    ]),
  );
  return { ...failures, [NOT_MODIFIED_RESPONSE]: notModified };
}

export {
  ERROR_SCHEMA_NAME,
  IF_NONE_MATCH_PARAMETER,
  JSON_MEDIA_TYPE,
  NOT_MODIFIED_RESPONSE,
  SECURITY,
  SESSION_TOKEN_PARAMETER,
  cacheHeaders,
  errorResponseDefinitions,
  errorResponseRef,
  parameters,
  securitySchemes,
  sharedResponses,
};
