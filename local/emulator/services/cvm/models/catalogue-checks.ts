import type { InstanceTypeDefinition } from '../../../catalogue/instance-types';
import type { ZoneDefinition } from '../../../catalogue/zones';
import {
  instanceTypeMalformed,
  instanceTypeNotFound,
  invalidParameterValue,
  zoneMismatchRegion,
} from '../errors';
import { CvmApiError } from '../service';
import type { CatalogueState } from './catalogue';

const INSTANCE_TYPE_FORMAT = /^[A-Z][A-Za-z0-9]*\.[A-Z0-9]+$/;

/** `InvalidInstanceType.Malformed` unless the name looks like `<FAMILY>.<SIZE>` (e.g. `S5.LARGE8`). */
export function checkInstanceTypeFormat(instanceType: string): void {
  if (!INSTANCE_TYPE_FORMAT.test(instanceType)) throw instanceTypeMalformed(instanceType);
}

/** A known instance type, or `InvalidInstanceType.Malformed` / `InvalidParameterValue.InstanceTypeNotFound`. */
export function requireInstanceType(catalogue: CatalogueState, instanceType: string): InstanceTypeDefinition {
  checkInstanceTypeFormat(instanceType);
  const definition = catalogue.instanceType(instanceType);
  if (definition === undefined) throw instanceTypeNotFound(instanceType);
  return definition;
}

/**
 * A zone of the region. A zone of another region (or not named after this one) is
 * `InvalidZone.MismatchRegion`; an unknown zone named after this region is
 * `InvalidParameterValue.ZoneNotSupported`.
 */
export function requireZone(catalogue: CatalogueState, region: string, zone: string, parameter: string): ZoneDefinition {
  const definition = catalogue.zone(region, zone);
  if (definition !== undefined) return definition;
  if (catalogue.zoneExistsAnywhere(zone) || !zone.startsWith(`${region}-`)) throw zoneMismatchRegion(zone, region);
  throw new CvmApiError(
    'InvalidParameterValue.ZoneNotSupported',
    `The zone \`${zone}\` given in \`${parameter}\` is not supported in region \`${region}\`.`,
  );
}

/** Checks an enum-valued parameter. */
export function requireOneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw invalidParameterValue(name, `\`${value}\` is not one of ${allowed.join(', ')}`);
  return match;
}
