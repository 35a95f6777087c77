/**
 * The contract's status table for upstream error codes (api-contract.md "Errors"), as data. Tencent
 * codes are hierarchical (`Prefix.Suffix`, reference §3.2): a row matches a code equal to `code` or
 * starting with `code.`; the first matching row wins, so specific rows sit above their families.
 */

export interface UpstreamStatusRow {
  readonly code: string;
  readonly status: number;
}

const upstreamStatusTable: readonly UpstreamStatusRow[] = [
  // More specific than the `Invalid*` input families below: the resource is absent, not malformed.
  { code: 'InvalidInstanceId.NotFound', status: 404 },
  { code: 'ResourceNotFound', status: 404 },
  { code: 'InvalidParameter', status: 400 },
  { code: 'InvalidParameterValue', status: 400 },
  { code: 'MissingParameter', status: 400 },
  { code: 'LimitExceeded', status: 400 },
  // Other per-action input codes of §4 (`InvalidFilter`, `InvalidZone.MismatchRegion`,
  // `InvalidImageId.Malformed`, `UnsupportedRegion` …) are the caller's input, hence 400 as well.
  { code: 'InvalidFilter', status: 400 },
  { code: 'InvalidFilterValue', status: 400 },
  { code: 'InvalidRegion', status: 400 },
  { code: 'InvalidZone', status: 400 },
  { code: 'InvalidImageId', status: 400 },
  { code: 'InvalidInstanceType', status: 400 },
  { code: 'InvalidInstanceId', status: 400 },
  { code: 'UnsupportedRegion', status: 400 },
  // RunInstances' own input codes (§4.6): a rule the body broke that only the upstream can check
  // (password classes per OS, prepaid periods, key pairs, security groups, private IPs, quotas).
  { code: 'InvalidPassword', status: 400 },
  { code: 'InvalidPeriod', status: 400 },
  { code: 'InvalidClientToken', status: 400 },
  { code: 'InvalidInstanceName', status: 400 },
  { code: 'InvalidKeyPairId', status: 400 },
  { code: 'InvalidSecurityGroupId', status: 400 },
  { code: 'InvalidSgId', status: 400 },
  { code: 'VpcIpIsUsed', status: 400 },
  { code: 'VpcAddrNotInSubNet', status: 400 },
  { code: 'InstancesQuotaLimitExceeded', status: 400 },
  { code: 'AuthFailure', status: 401 },
  { code: 'UnauthorizedOperation', status: 403 },
  { code: 'UnsupportedOperation', status: 409 },
  // Another task is running on the instance (Start/Stop/Reboot/Terminate error lists, §4.9–§4.12): like
  // an `UnsupportedOperation.InstanceState*`, the instance's current state forbids the call.
  { code: 'OperationDenied.InstanceOperationInProgress', status: 409 },
  { code: 'MutexOperation', status: 409 },
  // The request is valid but cannot be served now: the zone or the type is sold out or not sold there
  // (RunInstances, §4.6). Not our fault (a 502 would invite blind retries); the caller must choose again.
  { code: 'ResourceUnavailable', status: 409 },
  { code: 'ResourceInsufficient', status: 409 },
  { code: 'ResourcesSoldOut', status: 409 },
  { code: 'RequestLimitExceeded', status: 429 },
  { code: 'InternalError', status: 502 },
];

/** Unknown codes are the upstream's business we cannot interpret: a bad gateway answer. */
const UNKNOWN_UPSTREAM_CODE_STATUS = 502;

function matches(row: UpstreamStatusRow, code: string): boolean {
  return code === row.code || code.startsWith(`${row.code}.`);
}

/**
 * @example
 * statusForUpstreamCode('AuthFailure.SecretIdNotFound') // 401
 * statusForUpstreamCode('SomethingNew') // 502
 */
function statusForUpstreamCode(code: string): number {
  return upstreamStatusTable.find((row) => matches(row, code))?.status ?? UNKNOWN_UPSTREAM_CODE_STATUS;
}

export { statusForUpstreamCode, upstreamStatusTable };
