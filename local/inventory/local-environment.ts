import { parseCredentials } from '../emulator/accounts';
import { UsageError } from './arguments';

/**
 * The variables a local inventory run gives the function, over serverless.yml's (which name the
 * deployed COS bucket):
 * - `CVM_ENDPOINT`: the emulator started for the run, or the one the shell points at;
 * - the role credentials SCF would inject (reference §6.6): the shell's `TENCENTCLOUD_*`, else,
 *   against an emulator started for the run, its first configured key pair;
 * - `INVENTORY_STORE`: the shell's, else the local directory `.inventory/`; with `cos` against the
 *   emulator and no `INVENTORY_COS_ENDPOINT`, the emulator's COS endpoint.
 */

export interface CvmTargetDescription {
  readonly endpoint: string;
  readonly emulated: boolean;
}

const LOCAL_STORE = 'dir:.inventory';

function roleCredentials(env: NodeJS.ProcessEnv, target: CvmTargetDescription): Record<string, string> {
  if (env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY) return {};
  if (!target.emulated) {
    throw new UsageError(
      'set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary keys) to the keys the function should use',
    );
  }
  const [first] = parseCredentials(env.CVM_EMULATOR_CREDENTIALS).keyPairs;
  if (first === undefined) throw new UsageError('CVM_EMULATOR_CREDENTIALS holds no key pair');
  return {
    TENCENTCLOUD_SECRETID: first.secretId,
    TENCENTCLOUD_SECRETKEY: first.secretKey,
    ...(first.token === undefined ? {} : { TENCENTCLOUD_SESSIONTOKEN: first.token }),
  };
}

function cosEndpoint(env: NodeJS.ProcessEnv, store: string, target: CvmTargetDescription): Record<string, string> {
  if (store !== 'cos' || !target.emulated || env.INVENTORY_COS_ENDPOINT) return {};
  return { INVENTORY_COS_ENDPOINT: new URL(target.endpoint).host };
}

function localInventoryEnvironment(env: NodeJS.ProcessEnv, target: CvmTargetDescription): Record<string, string> {
  const store = env.INVENTORY_STORE?.trim() || LOCAL_STORE;
  return {
    CVM_ENDPOINT: target.endpoint,
    INVENTORY_STORE: store,
    ...roleCredentials(env, target),
    ...cosEndpoint(env, store, target),
  };
}

export { localInventoryEnvironment };
