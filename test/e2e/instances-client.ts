/**
 * Calls the instance routes through the harness the way a client does (JSON bodies with the demo
 * credentials, `Idempotency-Key` header), and reads the emulator's state through the real SDK client,
 * for the instance end-to-end suites.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createCvmClient, type CvmTestClient } from '../helpers/cvm-client';
import { DEMO_QUERY_CREDENTIALS, DEMO_SECRET_ID, DEMO_SECRET_KEY, type JsonAnswer, type LocalStack } from '../helpers/harness';

export const REGION = 'ap-guangzhou';
/** CentOS 7.4 (x86_64, 50 GiB) and an S5 type pinned to ap-guangzhou-3 in the emulator's catalogue. */
export const IMAGE_ID = 'img-8toqc6s3';
export const INSTANCE_TYPE = 'S5.MEDIUM4';
/** ap-guangzhou-1 and -2 are sold out; -3 is the first AVAILABLE zone and always sells S5. */
export const FIRST_ZONE_SELLING_TYPE = 'ap-guangzhou-3';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { field: string; message: string }[] };
  readonly requestId: string;
}

export interface InstanceItem {
  readonly instanceId: string;
  readonly instanceState: string;
  readonly [field: string]: unknown;
}

export interface InstancesBody {
  readonly instances: readonly InstanceItem[];
  readonly totalCount: string;
  readonly requestId: string;
}

export interface CreatedBody {
  readonly instanceIds: readonly string[];
  readonly requestId: string;
}

/** A create body with the demo credentials; `fields` are added or override. */
export function createBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, region: REGION, imageId: IMAGE_ID, instanceType: INSTANCE_TYPE, ...fields };
}

/** A state-change body with the demo credentials. */
export function actionBody(instanceIds: readonly string[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY, region: REGION, instanceIds, ...fields };
}

export function sendJson<Body>(
  stack: LocalStack,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer<Body>> {
  return stack.request<Body>(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function listInstances(stack: LocalStack, query = ''): Promise<JsonAnswer<InstancesBody>> {
  return stack.request<InstancesBody>(`/api/instances?${DEMO_QUERY_CREDENTIALS}&region=${REGION}${query === '' ? '' : `&${query}`}`);
}

export function statesOf(body: InstancesBody): string[] {
  return body.instances.map((instance) => instance.instanceState);
}

/** Lists `instanceIds` until every one shows `state` (polling every 25 ms, at most `withinMs`). */
export async function listUntil(stack: LocalStack, instanceIds: readonly string[], state: string, withinMs = 3000): Promise<InstancesBody> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const answer = await listInstances(stack, `instanceIds=${instanceIds.join(',')}`);
    if (answer.body.instances.length === instanceIds.length && statesOf(answer.body).every((shown) => shown === state)) return answer.body;
    if (Date.now() > deadline) throw new Error(`instances did not reach ${state}: ${JSON.stringify(answer.body)}`);
    await sleep(25);
  }
}

/** The real SDK against the stack's emulator, to count what was really created. */
export function emulatorClient(stack: LocalStack): CvmTestClient {
  return createCvmClient({ endpoint: stack.emulator.endpoint, region: REGION });
}

/** How many instances the emulator holds in the region (every state). */
export async function instanceCount(client: CvmTestClient): Promise<number> {
  const answer = await client.client.DescribeInstances({ Limit: 100 });
  return answer.TotalCount ?? 0;
}
