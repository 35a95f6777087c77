import type { ActionDefinition } from './action';
import { describeRegions } from './describe-regions';
import { describeZones } from './describe-zones';

/** Dispatch table keyed by `X-TC-Action`. */
export const ACTIONS: ReadonlyMap<string, ActionDefinition> = new Map<string, ActionDefinition>([
  ['DescribeRegions', describeRegions],
  ['DescribeZones', describeZones],
]);
