/**
 * The real `tencentcloud-sdk-nodejs` CVM client, pointed at an emulator.
 *
 * Always with an explicit keep-alive `http.Agent` (without one the SDK follows `http_proxy`,
 * reference §3.3), plain `http://`, and the endpoint as `host:port` — so the SDK signs as it does for
 * any custom endpoint (scope service = first DNS label, host without port, §2.7).
 *
 * @example
 * const cvm = createCvmClient({ endpoint: emulator.endpoint });
 * const { RegionSet } = await cvm.client.DescribeRegions({});
 * cvm.close();
 */
import { Agent } from 'node:http';
import TencentCloudSDKHttpException from 'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../../local/emulator/accounts';

export interface CvmClientOptions {
  /** `http://127.0.0.1:PORT` (as `startEmulator` returns it) or `127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** Default: the emulator's demo pair. */
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly token?: string;
  /** Default `ap-guangzhou`; `null` sends no X-TC-Region. */
  readonly region?: string | null;
  readonly language?: 'zh-CN' | 'en-US';
  /** Default POST (JSON); GET sends the flattened query string (§2.7). */
  readonly reqMethod?: 'POST' | 'GET';
  /** Seconds; default 10. */
  readonly reqTimeout?: number;
}

export interface CvmTestClient {
  readonly client: Client;
  readonly agent: Agent;
  /** Destroys the agent's sockets. */
  close(): void;
}

export function createCvmClient(options: CvmClientOptions): CvmTestClient {
  const agent = new Agent({ keepAlive: true });
  const client = new Client({
    credential: {
      secretId: options.secretId ?? DEMO_SECRET_ID,
      secretKey: options.secretKey ?? DEMO_SECRET_KEY,
      ...(options.token === undefined ? {} : { token: options.token }),
    },
    ...(options.region === null ? {} : { region: options.region ?? 'ap-guangzhou' }),
    profile: {
      ...(options.language === undefined ? {} : { language: options.language }),
      httpProfile: {
        endpoint: options.endpoint.replace(/^https?:\/\//, ''),
        protocol: 'http://',
        reqMethod: options.reqMethod ?? 'POST',
        reqTimeout: options.reqTimeout ?? 10,
        agent,
      },
    },
  });
  return { client, agent, close: () => agent.destroy() };
}

/** Awaits a call that must fail and returns what it threw (the SDK throws more than one kind, §3.3). */
export async function callFailure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the SDK call to fail, but it succeeded');
}

/** Awaits a call that must fail with the SDK's own exception (API errors, HTTP errors, transport errors). */
export async function sdkException(call: Promise<unknown>): Promise<TencentCloudSDKHttpException> {
  const error = await callFailure(call);
  if (!(error instanceof TencentCloudSDKHttpException)) {
    throw new Error(`expected TencentCloudSDKHttpException, got ${String(error)}`);
  }
  return error;
}
