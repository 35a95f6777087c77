import { statusForUpstreamCode } from '../../../../lib/errors/upstream-status';

describe('statusForUpstreamCode', () => {
  it.each([
    ['InvalidParameter', 400],
    ['InvalidParameter.InvalidParameterCoexistImageIdsFilters', 400],
    ['InvalidParameterValue', 400],
    ['InvalidParameterValue.ZoneNotSupported', 400],
    ['MissingParameter', 400],
    ['LimitExceeded', 400],
    ['LimitExceeded.InstanceQuota', 400],
    ['InvalidFilter', 400],
    ['InvalidFilterValue.LimitExceeded', 400],
    ['InvalidZone.MismatchRegion', 400],
    ['InvalidImageId.Malformed', 400],
    ['InvalidInstanceType.Malformed', 400],
    ['InvalidInstanceId.Malformed', 400],
    ['UnsupportedRegion', 400],
    ['InvalidRegion.NotFound', 400],
    ['AuthFailure', 401],
    ['AuthFailure.SecretIdNotFound', 401],
    ['AuthFailure.SignatureFailure', 401],
    ['AuthFailure.UnauthorizedOperation', 401],
    ['UnauthorizedOperation', 403],
    ['UnauthorizedOperation.PermissionDenied', 403],
    ['ResourceNotFound', 404],
    ['ResourceNotFound.NoDefaultCbs', 404],
    ['InvalidInstanceId.NotFound', 404],
    ['UnsupportedOperation', 409],
    ['UnsupportedOperation.InstanceStateStopped', 409],
    ['RequestLimitExceeded', 429],
    ['RequestLimitExceeded.UinLimitExceeded', 429],
    ['InternalError', 502],
    ['InternalError.TradeUnknownError', 502],
    ['FailedOperation', 502],
    ['SomethingNobodyDocumented', 502],
  ])('maps %s to %i', (code, status) => {
    expect(statusForUpstreamCode(code)).toBe(status);
  });

  it('matches whole segments, not any prefix', () => {
    expect(statusForUpstreamCode('AuthFailureX')).toBe(502);
    expect(statusForUpstreamCode('InvalidParameterish')).toBe(502);
  });
});
