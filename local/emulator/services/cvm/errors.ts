import { CvmApiError } from './service';

/**
 * One constructor per wire error code the CVM service answers, each composing a message from the
 * offending value in the style of the real API (moto's `exceptions.py`). Messages name parameters and
 * ids, never credentials or passwords.
 */

export function missingParameter(name: string): CvmApiError {
  return new CvmApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
}

export function invalidParameter(name: string, expected: string): CvmApiError {
  return new CvmApiError('InvalidParameter', `The value type of parameter \`${name}\` is not valid: expected ${expected}.`);
}

export function unknownParameter(name: string): CvmApiError {
  return new CvmApiError('UnknownParameter', `The parameter \`${name}\` is not recognized.`);
}

export function invalidParameterValue(name: string, reason: string): CvmApiError {
  return new CvmApiError('InvalidParameterValue', `The value of parameter \`${name}\` is invalid: ${reason}.`);
}

export function limitExceeded(name: string, limit: number, actual: number): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue.LimitExceeded',
    `The value of parameter \`${name}\` exceeds the limit: at most ${limit} allowed, ${actual} given.`,
  );
}

export function rangeError(name: string, min: number, max: number, actual: number): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue.Range',
    `The value of parameter \`${name}\` must be between ${min} and ${max}; ${actual} given.`,
  );
}

export function invalidFilter(name: string): CvmApiError {
  return new CvmApiError('InvalidFilter', `The filter \`${name}\` is not supported by this action.`);
}

export function filterValueLimitExceeded(name: string, limit: number): CvmApiError {
  return new CvmApiError(
    'InvalidFilterValue.LimitExceeded',
    `The filter \`${name}\` has too many values: at most ${limit} allowed.`,
  );
}

export function filterCountLimitExceeded(limit: number, actual: number): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue.LimitExceeded',
    `Too many filters: at most ${limit} allowed, ${actual} given.`,
  );
}

export function idsAndFiltersCoexist(idsName: string): CvmApiError {
  const code =
    idsName === 'ImageIds' ? 'InvalidParameter.InvalidParameterCoexistImageIdsFilters' : 'InvalidParameter';
  return new CvmApiError(code, `The parameters \`${idsName}\` and \`Filters\` cannot be specified at the same time.`);
}

export function imageIdMalformed(imageId: string): CvmApiError {
  return new CvmApiError('InvalidImageId.Malformed', `The image id \`${imageId}\` is malformed.`);
}

export function imageNotFound(imageId: string): CvmApiError {
  return new CvmApiError('InvalidImageId.NotFound', `The image \`${imageId}\` does not exist in this region.`);
}

export function instanceTypeMalformed(instanceType: string): CvmApiError {
  return new CvmApiError('InvalidInstanceType.Malformed', `The instance type \`${instanceType}\` is malformed.`);
}

export function instanceTypeNotFound(instanceType: string): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue.InstanceTypeNotFound',
    `The instance type \`${instanceType}\` does not exist.`,
  );
}

export function instanceTypeUnavailable(instanceType: string, zone: string): CvmApiError {
  return new CvmApiError(
    'ResourceUnavailable.InstanceType',
    `The instance type \`${instanceType}\` is not sold in zone \`${zone}\`.`,
  );
}

export function zoneSoldOut(zone: string): CvmApiError {
  return new CvmApiError('ResourceInsufficient.AvailabilityZoneSoldOut', `The zone \`${zone}\` is sold out.`);
}

export function zoneMismatchRegion(zone: string, region: string): CvmApiError {
  return new CvmApiError('InvalidZone.MismatchRegion', `The zone \`${zone}\` does not belong to region \`${region}\`.`);
}

export function imageTypeMismatch(imageId: string, architecture: string, instanceType: string): CvmApiError {
  return new CvmApiError(
    'InvalidParameterValue.InvalidImageForGivenInstanceType',
    `The image \`${imageId}\` (${architecture}) cannot be used with instance type \`${instanceType}\`.`,
  );
}

export function instanceIdMalformed(instanceId: string): CvmApiError {
  return new CvmApiError('InvalidInstanceId.Malformed', `The instance id \`${instanceId}\` is malformed.`);
}

export function instanceNotFound(instanceIds: readonly string[]): CvmApiError {
  return new CvmApiError('InvalidInstanceId.NotFound', `The instances \`${instanceIds.join(', ')}\` do not exist.`);
}

export function clientTokenTooLong(length: number): CvmApiError {
  return new CvmApiError(
    'InvalidClientToken.TooLong',
    `The ClientToken is ${length} characters long; at most 64 ASCII characters are allowed.`,
  );
}

export function invalidPassword(reason: string): CvmApiError {
  return new CvmApiError('InvalidPassword', `The password does not meet the rules: ${reason}.`);
}

export function parameterCombination(reason: string): CvmApiError {
  return new CvmApiError('InvalidParameterCombination', reason);
}

export function instanceStateUnsupported(code: string, instanceId: string, state: string): CvmApiError {
  return new CvmApiError(code, `The instance \`${instanceId}\` is in state \`${state}\`, which does not allow this operation.`);
}

export function instancesProtected(instanceIds: readonly string[]): CvmApiError {
  return new CvmApiError(
    'UnsupportedOperation.InstancesProtected',
    `The instances \`${instanceIds.join(', ')}\` have API termination protection enabled.`,
  );
}

export function mixedPricingModel(): CvmApiError {
  return new CvmApiError(
    'UnsupportedOperation.InstanceMixedPricingModel',
    'The instances to terminate must all use the same charge type.',
  );
}

export function stopChargingUnsupported(instanceId: string, chargeType: string): CvmApiError {
  return new CvmApiError(
    'UnsupportedOperation.StoppedModeStopCharging',
    `The instance \`${instanceId}\` (${chargeType}) cannot be stopped with StoppedMode STOP_CHARGING.`,
  );
}
