import * as z from 'zod/mini';
import { upstreamText } from './fields';

/**
 * Every failure's body (api-contract.md "Errors"), whoever answers it: a function (lib/errors/api-error.ts)
 * or the harness standing in for API Gateway (local/harness/error-reply.ts). The type agrees with
 * lib/errors' `ErrorBody`.
 */
const errorResponse = z.strictObject({
  error: z.strictObject({
    code: upstreamText('The upstream error code, or ours (InvalidParameter, MissingCredentials, NotFound …)', 'InvalidParameter'),
    message: upstreamText('What went wrong, never repeating a secret', 'Invalid request parameters: region.'),
    fields: z.optional(
      z.array(
        z.strictObject({
          field: upstreamText('The offending parameter, as the caller named it', 'region'),
          message: upstreamText('What is wrong with it', 'is required'),
        }),
      ),
    ),
  }),
  requestId: upstreamText('The upstream RequestId when the failure came from the CVM API, else the invocation id', '6ef60bec-0242-43af-bb20-270359fb54a7'),
});

export { errorResponse };
