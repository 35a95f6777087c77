/**
 * The one place a CVM SDK client is made. The client is imported by its deep path (the package root
 * pulls every Tencent product into the bundle: ~2 MB instead of ~540 KB, style-anchors "Traps").
 * Every client gets the container's keep-alive agent: connections are reused across calls and
 * invocations, and the SDK never falls back to a proxy from `http_proxy` (it does when no agent is
 * given, reference §3.3).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import type { CvmEndpoint } from '../config';

export type CvmClient = Client;

export interface CvmClientOptions {
  readonly endpoint: CvmEndpoint;
  readonly timeoutMs: number;
  readonly credentials: { readonly secretId: string; readonly secretKey: string; readonly token: string | undefined };
  /** Omitted for region-less actions (DescribeRegions): the SDK then sends no `X-TC-Region` (§1.1). */
  readonly region?: string;
}

/**
 * Enough sockets for every call the inventory has in flight at once (zones, instance types and the
 * first images page of up to 20 regions, then the other pages): with fewer, calls queue for a socket
 * behind calls that are only waiting for the upstream. The HTTP routes use at most a handful.
 */
const MAX_SOCKETS_PER_HOST = 64;

let httpAgent: HttpAgent | undefined;
let httpsAgent: HttpsAgent | undefined;

/**
 * The container's agent for the endpoint's protocol, created on first use and kept.
 *
 * @example
 * agentFor({ protocol: 'http://', host: '127.0.0.1:8002' }) === agentFor({ protocol: 'http://', host: '127.0.0.1:8002' }) // true
 */
function agentFor(endpoint: CvmEndpoint): HttpAgent {
  if (endpoint.protocol === 'http://') {
    httpAgent ??= new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST });
    return httpAgent;
  }
  httpsAgent ??= new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST });
  return httpsAgent;
}

/**
 * @example
 * const client = createCvmClient({
 *   endpoint: { protocol: 'http://', host: '127.0.0.1:8002' },
 *   timeoutMs: 8000,
 *   credentials: { secretId, secretKey, token: undefined },
 *   region: 'ap-guangzhou',
 * });
 * const zones = await client.DescribeZones();
 */
function createCvmClient(options: CvmClientOptions): CvmClient {
  const { secretId, secretKey, token } = options.credentials;
  return new Client({
    // A session token travels as X-TC-Token, which the SDK omits when the token is absent (§1.1, §1.2).
    credential: { secretId, secretKey, token },
    ...(options.region === undefined ? {} : { region: options.region }),
    profile: {
      httpProfile: {
        endpoint: options.endpoint.host,
        protocol: options.endpoint.protocol,
        // The SDK takes seconds and multiplies by 1000 before handing it to node-fetch (§3.3).
        reqTimeout: options.timeoutMs / 1000,
        agent: agentFor(options.endpoint),
      },
    },
  });
}

export { agentFor, createCvmClient };
