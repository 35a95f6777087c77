import { createCvmService } from '../../../../local/emulator/services/cvm';
import {
  CvmApiError,
  type ActionContext,
  type CvmService,
  type LifecycleTiming,
} from '../../../../local/emulator/services/cvm/service';

export const ACCOUNT_A = '100000000001';
export const ACCOUNT_B = '100000000002';

/** A zone that sells S5, the arm family SR1 and the GPU family GN7 (pinned in the catalogue). */
export const ZONE = 'ap-guangzhou-3';
export const REGION = 'ap-guangzhou';
/** TencentOS Server 3.1 (TK4), x86_64, 50 GiB (reference §5.3). */
export const X86_IMAGE = 'img-eb30mz89';
/** TencentOS Server 3.1 for ARM64 (TK4). */
export const ARM_IMAGE = 'img-9a0eg8mt';
/** Windows Server 2019 DataCenter 64bit EN. */
export const WINDOWS_IMAGE = 'img-bhvhr6pr';

export interface ServiceFixture {
  readonly service: CvmService;
  /** Advances the injected clock. */
  advance(ms: number): void;
  call(action: string, params?: Record<string, unknown>, overrides?: Partial<ActionContext>): Record<string, unknown>;
  /** Runs instances with a minimal valid request plus `params`; returns their ids. */
  run(params?: Record<string, unknown>, overrides?: Partial<ActionContext>): string[];
  /** Instances as DescribeInstances returns them (up to 100). */
  instances(overrides?: Partial<ActionContext>, params?: Record<string, unknown>): Record<string, unknown>[];
  stateOf(instanceId: string, overrides?: Partial<ActionContext>): unknown;
}

let requestCounter = 0;

export function context(overrides: Partial<ActionContext> = {}): ActionContext {
  requestCounter += 1;
  return {
    accountId: ACCOUNT_A,
    region: REGION,
    language: 'zh-CN',
    requestId: `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`,
    ...overrides,
  };
}

export function createFixture(timing: LifecycleTiming = { transitionMs: 1000, terminatedRetentionMs: 5000 }): ServiceFixture {
  let now = Date.UTC(2024, 5, 1, 4, 0, 0);
  const service = createCvmService({ now: () => now });
  service.setLifecycleTiming(timing);
  const call: ServiceFixture['call'] = (action, params = {}, overrides = {}) => service.invoke(action, params, context(overrides));
  const instances: ServiceFixture['instances'] = (overrides = {}, params = { Limit: 100 }) =>
    call('DescribeInstances', params, overrides).InstanceSet as Record<string, unknown>[];
  return {
    service,
    advance(ms) {
      now += ms;
    },
    call,
    run(params = {}, overrides = {}) {
      const response = call('RunInstances', { Placement: { Zone: ZONE }, ImageId: X86_IMAGE, ...params }, overrides);
      return response.InstanceIdSet as string[];
    },
    instances,
    stateOf(instanceId, overrides = {}) {
      return instances(overrides, { InstanceIds: [instanceId] })[0]?.InstanceState;
    },
  };
}

/** The API error a call throws (fails the test when it succeeds or throws something else). */
export function apiError(call: () => unknown): CvmApiError {
  try {
    call();
  } catch (error) {
    if (error instanceof CvmApiError) return error;
    throw error;
  }
  throw new Error('expected a CvmApiError, but the call succeeded');
}
