import type { IncomingMessage } from 'node:http';
import type { HttpRequestSnapshot } from '../events/types';

/** Splits a request target into its path and raw query string (without `?`). */
function splitTarget(target: string): { path: string; rawQuery: string } {
  const queryStart = target.indexOf('?');
  return queryStart === -1
    ? { path: target, rawQuery: '' }
    : { path: target.slice(0, queryStart), rawQuery: target.slice(queryStart + 1) };
}

/** Header names as Node gives them (lower-case); repeated headers joined with `, ` (RFC 9110 §5.3). */
function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

/** IPv4 clients reach a dual-stack socket as `::ffff:a.b.c.d`; SCF reports the plain IPv4 address. */
function clientAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function snapshotRequest(request: IncomingMessage, body: Buffer): HttpRequestSnapshot {
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    ...splitTarget(request.url ?? '/'),
    headers: flattenHeaders(request.headers),
    body,
    sourceIp: clientAddress(request),
  };
}

export { snapshotRequest, splitTarget };
