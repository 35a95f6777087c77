/**
 * The zone for a create that names none (api-contract.md "Request inputs"): the first zone of the
 * region, in DescribeZones order (§4.3), that is AVAILABLE and sells the instance type
 * (DescribeInstanceTypeConfigs filtered by `instance-type`, one value per filter, §4.5).
 */
import type { CvmSession } from '../../lib/cvm/cvm-session';
import { ValidationError } from '../../lib/errors/api-error';

/**
 * @example
 * await pickZone(cvm, 'ap-guangzhou', 'S5.MEDIUM2') // 'ap-guangzhou-3'
 */
async function pickZone(cvm: CvmSession, region: string, instanceType: string): Promise<string> {
  const [typeConfigs, zones] = await Promise.all([
    cvm.call(
      { action: 'DescribeInstanceTypeConfigs', region },
      (client) => client.DescribeInstanceTypeConfigs({ Filters: [{ Name: 'instance-type', Values: [instanceType] }] }),
      { retry: 'safe-read' },
    ),
    cvm.call({ action: 'DescribeZones', region }, (client) => client.DescribeZones(), { retry: 'safe-read' }),
  ]);
  const sellingZones = new Set((typeConfigs.InstanceTypeConfigSet ?? []).map((config) => config.Zone));
  const chosen = (zones.ZoneSet ?? []).find((zone) => zone.ZoneState === 'AVAILABLE' && sellingZones.has(zone.Zone));
  if (chosen?.Zone === undefined) {
    throw new ValidationError([
      { field: 'instanceType', message: `is not sold in any available zone of ${region}; choose another type or region` },
    ]);
  }
  return chosen.Zone;
}

export { pickZone };
