import type { IncomingMessage } from 'node:http';

/** SCF's synchronous invocation limit for the request event (reference §6.7). */
const SCF_SYNC_REQUEST_LIMIT_BYTES = 6 * 1024 * 1024;

export type RequestBodyRead =
  | { readonly kind: 'read'; readonly body: Buffer }
  | { readonly kind: 'too-large'; readonly limitBytes: number };

const EMPTY_BODY: RequestBodyRead = { kind: 'read', body: Buffer.alloc(0) };

/**
 * Reads a request body up to `limitBytes`. A declared Content-Length over the limit is refused before
 * reading; a streamed body is refused as soon as it passes the limit. In both cases the rest of the
 * upload is drained and discarded (not destroyed), so the refusal can still be written to the socket.
 */
function readRequestBody(
  request: IncomingMessage,
  limitBytes: number = SCF_SYNC_REQUEST_LIMIT_BYTES,
): Promise<RequestBodyRead> {
  // A request with neither header has no body (RFC 9112 §6.3): nothing to wait for (bench/, warm path).
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) {
    request.resume();
    return Promise.resolve(EMPTY_BODY);
  }
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limitBytes) {
      request.resume();
      resolve({ kind: 'too-large', limitBytes });
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const collect = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limitBytes) {
        request.off('data', collect);
        request.resume();
        resolve({ kind: 'too-large', limitBytes });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', collect);
    request.once('end', () => resolve({ kind: 'read', body: Buffer.concat(chunks) }));
    request.once('error', reject);
  });
}

export { readRequestBody, SCF_SYNC_REQUEST_LIMIT_BYTES };
