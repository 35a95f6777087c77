/**
 * One valid request per HTTP route, the way a client sends it: credentials in `Authorization: Basic`,
 * everything else as the contract's inputs (JSON bodies for POST/PUT). The hardening suites send these
 * with faults injected or inputs mangled; `routeCallFor` throws for a route without an entry, so a new
 * route cannot skip them. State-changing routes get fresh instances in the state they need, made through
 * the real SDK client before the call.
 */
import { httpRoutes, type HttpRoute } from '../../../functions/routes';
import type { CvmTestClient } from '../../helpers/cvm-client';
import type { ControlClient } from '../../helpers/emulator';

export interface RouteCall {
  readonly route: HttpRoute;
  /** Path with query string. */
  readonly target: string;
  readonly init: RequestInit;
}

export const REGION = 'ap-guangzhou';
/** CentOS 7.4 (50 GiB) and an S5 type sold in ap-guangzhou-3 in the emulator's catalogue. */
export const IMAGE_ID = 'img-8toqc6s3';
export const INSTANCE_TYPE = 'S5.MEDIUM4';
export const ZONE = 'ap-guangzhou-3';

/** Makes instances through the SDK, so that a state-changing route has something to change. */
export interface InstanceFixtures {
  running(): Promise<string>;
  stopped(): Promise<string>;
}

/**
 * Instances that reach their states at once (lifecycle timing 0); the timing is set before each one
 * because an emulator reset restores the default.
 *
 * @example
 * const fixtures = instanceFixtures(stack.emulator.control, sdk);
 * const id = await fixtures.stopped();
 */
function instanceFixtures(control: ControlClient, sdk: CvmTestClient): InstanceFixtures {
  async function running(): Promise<string> {
    await control.setLifecycle({ transitionMs: 0, terminatedRetentionMs: 0 });
    const created = await sdk.client.RunInstances({ Placement: { Zone: ZONE }, ImageId: IMAGE_ID, InstanceType: INSTANCE_TYPE });
    const id = created.InstanceIdSet?.[0];
    if (id === undefined) throw new Error('the emulator created no instance');
    return id;
  }
  return {
    running,
    async stopped() {
      const id = await running();
      await sdk.client.StopInstances({ InstanceIds: [id] });
      return id;
    },
  };
}

type Fixture = keyof InstanceFixtures | undefined;

interface RouteInput {
  readonly query?: string;
  readonly fixture?: Fixture;
  body?(instanceId: string): Record<string, unknown>;
}

const stateChange = (fixture: keyof InstanceFixtures): RouteInput => ({
  fixture,
  body: (instanceId) => ({ region: REGION, instanceIds: [instanceId] }),
});

/** Per route: the required inputs only. */
const routeInputs: Readonly<Record<string, RouteInput>> = {
  regions: {},
  zones: { query: `region=${REGION}` },
  images: { query: `region=${REGION}&limit=10` },
  'instance-types': { query: `region=${REGION}` },
  'instances-list': { query: `region=${REGION}&offset=0&limit=10` },
  // Zone and disk size given, so that RunInstances is the only upstream call.
  'instances-create': {
    body: () => ({ region: REGION, zone: ZONE, imageId: IMAGE_ID, instanceType: INSTANCE_TYPE, systemDisk: { diskSize: 50 } }),
  },
  'instances-start': stateChange('stopped'),
  'instances-stop': stateChange('running'),
  'instances-reboot': stateChange('running'),
  'instances-terminate': stateChange('running'),
};

function basicAuthorization(secretId: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${secretId}:${secretKey}`).toString('base64')}`;
}

function inputFor(route: HttpRoute): RouteInput {
  const input = routeInputs[route.functionName];
  if (input === undefined) throw new Error(`test/hardening/support/route-calls.ts has no valid request for ${route.functionName}`);
  return input;
}

/**
 * @example
 * const call = await routeCallFor(route, basicAuthorization(DEMO_SECRET_ID, DEMO_SECRET_KEY), fixtures);
 * await fetch(`${stack.url}${call.target}`, call.init);
 */
async function routeCallFor(route: HttpRoute, authorization: string, fixtures: InstanceFixtures): Promise<RouteCall> {
  const input = inputFor(route);
  const instanceId = input.fixture === undefined ? '' : await fixtures[input.fixture]();
  const target = input.query === undefined ? route.path : `${route.path}?${input.query}`;
  if (input.body === undefined) return { route, target, init: { method: route.method, headers: { Authorization: authorization } } };
  return {
    route,
    target,
    init: {
      method: route.method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify(input.body(instanceId)),
    },
  };
}

/** The routes as `it.each` rows: `[functionName, route]`. */
function routeRows(): [string, HttpRoute][] {
  return httpRoutes.map((route) => [route.functionName, route]);
}

export { basicAuthorization, instanceFixtures, routeCallFor, routeRows };
