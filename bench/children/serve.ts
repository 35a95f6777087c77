/**
 * The child's side of bench/children/protocol.ts: announce readiness, then run each request's
 * handler and reply. `usage` is answered by every child.
 */
import { isRequestMessage, processUsage, type ReadyMessage, type ReplyMessage } from './protocol';

export type RequestHandlers = Readonly<Record<string, (payload: unknown) => Promise<unknown>>>;

function send(message: ReadyMessage | ReplyMessage): void {
  process.send?.(message);
}

/**
 * @example
 * serveRequests({ invoke: async (payload) => … }, { url });
 */
function serveRequests(handlers: RequestHandlers, readyDetail: unknown = null): void {
  const all: RequestHandlers = { usage: async () => processUsage(), ...handlers };
  process.on('message', (message: unknown) => {
    if (!isRequestMessage(message)) return;
    const handler = all[message.kind];
    const run = handler === undefined ? Promise.reject(new Error(`unknown request ${message.kind}`)) : handler(message.payload);
    run.then(
      (result) => send({ kind: 'reply', id: message.id, ok: true, result }),
      (error: unknown) => send({ kind: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The parent going away (or closing the channel) ends the child: nothing else would.
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready', detail: readyDetail });
}

export { serveRequests };
