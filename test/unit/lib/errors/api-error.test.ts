import { ApiError, InternalError, ValidationError, toApiError } from '../../../../lib/errors/api-error';

describe('ApiError', () => {
  it('renders the contract envelope with our request id when there is no upstream one', () => {
    const error = new ApiError(401, 'MissingCredentials', 'Credentials are required.');
    expect(error.toBody('req-1')).toEqual({ error: { code: 'MissingCredentials', message: 'Credentials are required.' }, requestId: 'req-1' });
    expect(error.expose).toBe(true);
  });

  it('prefers the upstream RequestId and lists the offending fields', () => {
    const error = new ApiError(400, 'InvalidParameterValue', 'bad region', {
      fields: [{ field: 'region', message: 'unknown' }],
      upstreamRequestId: 'up-1',
    });
    expect(error.toBody('req-1')).toEqual({
      error: { code: 'InvalidParameterValue', message: 'bad region', fields: [{ field: 'region', message: 'unknown' }] },
      requestId: 'up-1',
    });
  });

  it('treats an empty upstream RequestId (transport failures, §3.3) as none', () => {
    expect(new ApiError(502, 'UpstreamUnreachable', 'x', { upstreamRequestId: '' }).toBody('req-2').requestId).toBe('req-2');
  });

  it('hides the message of an unexposed error and keeps its cause', () => {
    const cause = new Error('secret detail');
    const error = new ApiError(500, 'InternalError', 'secret detail', { cause });
    expect(error.expose).toBe(false);
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error.toBody('req-3'))).not.toContain('secret detail');
  });

  it('omits an empty field list', () => {
    expect(new ApiError(400, 'X', 'y', { fields: [] }).toBody('r').error).toEqual({ code: 'X', message: 'y' });
  });
});

describe('ValidationError', () => {
  it('is a 400 InvalidParameter naming every field', () => {
    const error = new ValidationError([
      { field: 'region', message: 'is required' },
      { field: 'limit', message: 'must be a whole number from 1 to 100' },
    ]);
    expect(error.status).toBe(400);
    expect(error.toBody('r')).toEqual({
      error: {
        code: 'InvalidParameter',
        message: 'Invalid request parameters: region, limit.',
        fields: [
          { field: 'region', message: 'is required' },
          { field: 'limit', message: 'must be a whole number from 1 to 100' },
        ],
      },
      requestId: 'r',
    });
  });
});

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    const error = new ApiError(404, 'ResourceNotFound', 'gone');
    expect(toApiError(error)).toBe(error);
  });

  it.each([[new TypeError('x is undefined')], ['a string'], [undefined]])('makes %p an unexposed 500', (thrown) => {
    const error = toApiError(thrown);
    expect(error).toBeInstanceOf(InternalError);
    expect(error.status).toBe(500);
    expect(error.toBody('r').error.message).toBe('The function failed unexpectedly. The request id identifies the failure in the logs.');
  });
});
