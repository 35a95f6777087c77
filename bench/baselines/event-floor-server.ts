/**
 * The warm-overhead floor: the least a server can do and still work the way the harness and SCF do.
 * Each request becomes an SCF API Gateway event (§6.3: request context, headers, query string), an
 * async handler takes the event, calls the SDK (a client per request, for the caller's credentials,
 * sharing one keep-alive agent), maps the answer to the contract's regions shape and returns an
 * integrated response (§6.4) with the same headers ours sends; the server writes that back with a
 * Content-Length. No middleware, validation, logging, error mapping or response check.
 *
 * It shares no code with lib/ or local/: it measures what the event model itself costs over the plain
 * server (bench/baselines/plain-http-server.ts), so that the rest of the gap is what our code adds.
 */
import { randomUUID } from 'node:crypto';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import { serveRequests } from '../children/serve';

interface FloorEvent {
  readonly httpMethod: string;
  readonly path: string;
  readonly queryString: Record<string, string>;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly requestContext: { readonly requestId: string; readonly path: string; readonly httpMethod: string; readonly sourceIp: string; readonly stage: string };
}

interface FloorResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const endpoint = new URL(process.env.CVM_ENDPOINT ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
/** The headers every answer of ours carries (lib/http/response-headers.ts), written out again here. */
const ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000',
};

async function handler(event: FloorEvent): Promise<FloorResponse> {
  const client = new Client({
    credential: { secretId: event.queryString.secretId ?? '', secretKey: event.queryString.secretKey ?? '' },
    profile: { httpProfile: { endpoint: endpoint.host, protocol: 'http://', agent } },
  });
  const answer = await client.DescribeRegions();
  const regions = (answer.RegionSet ?? []).map((region) => ({ region: region.Region ?? '', regionName: region.RegionName ?? '', regionState: region.RegionState ?? '' }));
  const body = { totalCount: String(answer.TotalCount ?? 0), regions, requestId: answer.RequestId ?? '' };
  return { statusCode: 200, headers: { ...ANSWER_HEADERS, 'X-Request-Id': event.requestContext.requestId }, body: JSON.stringify(body) };
}

const server = createServer((request, response) => {
  const requestId = randomUUID();
  const url = new URL(request.url ?? '/', 'http://localhost');
  const event: FloorEvent = {
    httpMethod: request.method ?? 'GET',
    path: url.pathname,
    queryString: Object.fromEntries(url.searchParams),
    headers: { ...request.headers },
    requestContext: { requestId, path: url.pathname, httpMethod: request.method ?? 'GET', sourceIp: request.socket.remoteAddress ?? '', stage: 'release' },
  };
  handler(event).then(
    (answer) => {
      response.writeHead(answer.statusCode, { ...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body)) });
      response.end(answer.body);
    },
    () => {
      response.writeHead(502, { 'Content-Type': 'application/json' });
      response.end('{"error":"upstream"}');
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveRequests({}, { url: `http://127.0.0.1:${port}` });
});
