/**
 * The one error family every failure is turned into before it leaves a function. An `ApiError` knows
 * its HTTP status, its contract code and whether its message may be shown (`expose`, as middy's
 * HttpError: anything below 500 and the upstream-caused 5xx are exposed; our own faults are not).
 */

/** One offending input, as the contract's 400 lists them. */
export interface FieldProblem {
  /** The parameter's name as the caller wrote it (`region`, `limit`, `systemDisk.diskSize`). */
  readonly field: string;
  readonly message: string;
}

/** The contract's error envelope (api-contract.md "Errors"). */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields?: readonly FieldProblem[];
  };
  readonly requestId: string;
}

export interface ApiErrorOptions {
  readonly fields?: readonly FieldProblem[];
  /** The upstream `RequestId`, when the failure came back from the CVM API. */
  readonly upstreamRequestId?: string;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly expose?: boolean;
  readonly cause?: unknown;
}

const GENERIC_INTERNAL_MESSAGE = 'The function failed unexpectedly. The request id identifies the failure in the logs.';

/**
 * @example
 * throw new ApiError(400, 'InvalidParameter', 'The request has invalid parameters.', {
 *   fields: [{ field: 'region', message: 'is required' }],
 * });
 */
class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly fields: readonly FieldProblem[] | undefined;
  readonly upstreamRequestId: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly expose: boolean;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fields = options.fields;
    this.upstreamRequestId = options.upstreamRequestId || undefined;
    this.headers = options.headers ?? {};
    this.expose = options.expose ?? status < 500;
  }

  /**
   * The contract body. `requestId` is the upstream RequestId when there is one, else `fallbackRequestId`
   * (our own invocation id). An unexposed error shows a generic message.
   */
  toBody(fallbackRequestId: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.expose ? this.message : GENERIC_INTERNAL_MESSAGE,
        ...(this.fields === undefined || this.fields.length === 0 ? {} : { fields: this.fields }),
      },
      requestId: this.upstreamRequestId ?? fallbackRequestId,
    };
  }
}

/** Our own validation of the request failed (400 `InvalidParameter`, with the offending fields). */
class ValidationError extends ApiError {
  override readonly name = 'ValidationError';

  constructor(fields: readonly FieldProblem[]) {
    const names = fields.map((problem) => problem.field).join(', ');
    super(400, 'InvalidParameter', `Invalid request parameters: ${names}.`, { fields });
  }
}

/** A failure with no better description: a bug or an unexpected throw. Never exposes its cause. */
class InternalError extends ApiError {
  override readonly name = 'InternalError';

  constructor(cause: unknown) {
    super(500, 'InternalError', 'Unexpected failure.', { cause, expose: false });
  }
}

/**
 * Whatever was thrown, as an `ApiError`: an `ApiError` stays itself; anything else is an unexposed 500.
 *
 * @example
 * toApiError(new TypeError('x')).status // 500
 */
function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new InternalError(error);
}

export { ApiError, InternalError, ValidationError, toApiError };
