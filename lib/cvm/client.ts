/**
 * The one place a CVM SDK client is made. Every client gets the container's keep-alive agent:
 * connections are reused across calls and invocations, and the SDK never falls back to a proxy from
 * `http_proxy` (it does when no agent is given, reference §3.3).
 *
 * The client is the SDK's own `AbstractClient` with only the CVM actions this project calls, declared
 * as the generated `cvm_client` declares them (`this.request(action, req)`, endpoint
 * `cvm.tencentcloudapi.com`, version `2017-03-12`): signing (TC3, §2.4), the wire format, timeouts and
 * the SDK's errors are the SDK's own, unchanged. Why not the generated client: it is ~9 KB minified, one
 * method for each of 200+ CVM actions, in every function bundle. instances-create was over its bundle
 * target (≤ 1.10× an SDK-only bundle, bench/) by ~3 KB, and its own code (handler, schema, request
 * builder: ~6 KB, plus ~3 KB of zod it alone uses) could only lose that much by hand-rewriting its
 * validation; dropping the unused methods gives every function the margin instead. Tests keep using the
 * generated client against the emulator (test/helpers/cvm-client.ts), so the two are checked against
 * each other. The package root is never imported (~2 MB, style-anchors "Traps").
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AbstractClient } from 'tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client';
import type { ClientConfig } from 'tencentcloud-sdk-nodejs/tencentcloud/common/interface';
import type * as Cvm from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_models';
import type { CvmEndpoint } from '../config';

/** What the generated `cvm_client` passes to `AbstractClient`. */
const CVM_SERVICE_ENDPOINT = 'cvm.tencentcloudapi.com';
const CVM_API_VERSION = '2017-03-12';

/** The CVM actions the functions call, with the generated client's signatures. */
class CvmApiClient extends AbstractClient {
  constructor(clientConfig: ClientConfig) {
    super(CVM_SERVICE_ENDPOINT, CVM_API_VERSION, clientConfig);
  }

  DescribeRegions(req?: Cvm.DescribeRegionsRequest): Promise<Cvm.DescribeRegionsResponse> {
    return this.request('DescribeRegions', req);
  }

  DescribeZones(req?: Cvm.DescribeZonesRequest): Promise<Cvm.DescribeZonesResponse> {
    return this.request('DescribeZones', req);
  }

  DescribeImages(req: Cvm.DescribeImagesRequest): Promise<Cvm.DescribeImagesResponse> {
    return this.request('DescribeImages', req);
  }

  DescribeInstanceTypeConfigs(req: Cvm.DescribeInstanceTypeConfigsRequest): Promise<Cvm.DescribeInstanceTypeConfigsResponse> {
    return this.request('DescribeInstanceTypeConfigs', req);
  }

  DescribeInstances(req: Cvm.DescribeInstancesRequest): Promise<Cvm.DescribeInstancesResponse> {
    return this.request('DescribeInstances', req);
  }

  DescribeInstancesStatus(req: Cvm.DescribeInstancesStatusRequest): Promise<Cvm.DescribeInstancesStatusResponse> {
    return this.request('DescribeInstancesStatus', req);
  }

  RunInstances(req: Cvm.RunInstancesRequest): Promise<Cvm.RunInstancesResponse> {
    return this.request('RunInstances', req);
  }

  StartInstances(req: Cvm.StartInstancesRequest): Promise<Cvm.StartInstancesResponse> {
    return this.request('StartInstances', req);
  }

  StopInstances(req: Cvm.StopInstancesRequest): Promise<Cvm.StopInstancesResponse> {
    return this.request('StopInstances', req);
  }

  RebootInstances(req: Cvm.RebootInstancesRequest): Promise<Cvm.RebootInstancesResponse> {
    return this.request('RebootInstances', req);
  }

  TerminateInstances(req: Cvm.TerminateInstancesRequest): Promise<Cvm.TerminateInstancesResponse> {
    return this.request('TerminateInstances', req);
  }
}

export type CvmClient = CvmApiClient;

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
  return new CvmApiClient({
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
