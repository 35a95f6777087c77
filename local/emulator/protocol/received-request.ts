/**
 * One HTTP request as the protocol layer sees it: method, path, raw query string, headers by
 * lower-case name, and the exact body bytes (hashed as received for TC3, §2.1).
 */
import type { IncomingMessage } from 'node:http';

/** §1: a TC3-signed POST may be up to 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ReceivedRequest {
  /** Upper-case method. */
  readonly method: string;
  readonly path: string;
  /** Raw query string after `?`, exactly as sent (the canonical query string of §2.1). */
  readonly query: string;
  /** Header value by lower-case name; repeated headers joined with `, ` as Node does. */
  header(name: string): string | undefined;
  readonly body: Buffer;
  /** True when the body went past `MAX_BODY_BYTES`; `body` is then empty. */
  readonly bodyTooLarge: boolean;
}

export function splitTarget(target: string): { path: string; query: string } {
  const questionMark = target.indexOf('?');
  return questionMark === -1
    ? { path: target, query: '' }
    : { path: target.slice(0, questionMark), query: target.slice(questionMark + 1) };
}

function readBody(message: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    message.on('end', () => {
      const tooLarge = size > MAX_BODY_BYTES;
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks, size), tooLarge });
    });
    message.on('error', reject);
  });
}

export async function readRequest(message: IncomingMessage): Promise<ReceivedRequest> {
  const { path, query } = splitTarget(message.url ?? '/');
  const { body, tooLarge } = await readBody(message);
  const headers = message.headers;
  return {
    method: (message.method ?? 'GET').toUpperCase(),
    path,
    query,
    header: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body,
    bodyTooLarge: tooLarge,
  };
}
