import type { ActionDefinition } from './action';
import { describeImages } from './describe-images';
import { describeInstanceTypeConfigs } from './describe-instance-type-configs';
import { describeInstances } from './describe-instances';
import { describeInstancesStatus } from './describe-instances-status';
import { describeRegions } from './describe-regions';
import { describeZones } from './describe-zones';
import { rebootInstances, startInstances, stopInstances, terminateInstances } from './instance-operations';
import { runInstances } from './run-instances';

/** Dispatch table keyed by `X-TC-Action`. */
export const ACTIONS: ReadonlyMap<string, ActionDefinition> = new Map<string, ActionDefinition>([
  ['DescribeRegions', describeRegions],
  ['DescribeZones', describeZones],
  ['DescribeImages', describeImages],
  ['DescribeInstanceTypeConfigs', describeInstanceTypeConfigs],
  ['RunInstances', runInstances],
  ['DescribeInstances', describeInstances],
  ['DescribeInstancesStatus', describeInstancesStatus],
  ['StartInstances', startInstances],
  ['StopInstances', stopInstances],
  ['RebootInstances', rebootInstances],
  ['TerminateInstances', terminateInstances],
]);
