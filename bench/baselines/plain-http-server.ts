/**
 * The warm-overhead baseline: a plain node:http server that answers GET /api/regions by calling the
 * SDK directly (a client per request, for the caller's credentials, sharing one keep-alive agent) and
 * returning the SDK's JSON. No event, no middleware, no validation, no logging: the least any server
 * in front of the CVM API can do. It runs as a child of the runner, like the harness it is compared with.
 */
import { createServer, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import { serveRequests } from '../children/serve';

const endpoint = new URL(process.env.CVM_ENDPOINT ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

const server = createServer((request, response) => {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const client = new Client({
    credential: { secretId: query.get('secretId') ?? '', secretKey: query.get('secretKey') ?? '' },
    profile: { httpProfile: { endpoint: endpoint.host, protocol: 'http://', agent } },
  });
  client.DescribeRegions().then(
    (answer) => {
      // Framed with a Content-Length, as the harness and the event floor frame theirs (not chunked).
      const body = JSON.stringify(answer);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
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
