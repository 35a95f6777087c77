/** Node HTTP plumbing for the COS service: read the body (bounded), write the reply. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CosService } from './service';

/** Inventory snapshots are a few MB; the bound keeps a runaway client from exhausting memory. */
const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

/** The body, or undefined when it exceeded the bound (the rest is drained and dropped). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= MAX_OBJECT_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(received <= MAX_OBJECT_BYTES ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

/** Serves one request addressed to a bucket host (route with `service.handles(host)` first). */
export async function serveCosRequest(
  service: CosService,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request);
  const reply = service.handle({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body });
  const withoutBody = request.method === 'HEAD' || reply.status === 304 || reply.status === 204;
  const headers: Record<string, string> = { ...reply.headers };
  if (!withoutBody) {
    headers['Content-Length'] = String(reply.body.length);
  } else if (request.method === 'HEAD' && headers['Content-Length'] === undefined) {
    // HEAD errors: `Content-Length: 0` and no body (§7a.3).
    headers['Content-Length'] = '0';
  }
  response.writeHead(reply.status, headers);
  response.end(withoutBody ? undefined : reply.body);
}
