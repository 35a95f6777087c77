/**
 * SCF events for the scenarios, built by the same local/events builders the harness uses: an API
 * Gateway event (reference §6.3) for an HTTP request, a timer event (§6.5) for the inventory.
 */
import { randomUUID } from 'node:crypto';
import { buildApiGatewayEvent } from '../local/events/api-gateway-event';
import { buildTimerEvent } from '../local/events/timer-event';
import type { ApiGatewayEvent, TimerEvent } from '../local/events/types';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY } from '../local/emulator/accounts';

export interface KeyPair {
  readonly secretId: string;
  readonly secretKey: string;
}

/** The emulator's documented demo pair. */
export const DEMO_KEY_PAIR: KeyPair = { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY };

export interface HttpCall {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  /** Query parameters; GET calls carry the credentials here, as the seed's curl does. */
  readonly query?: Readonly<Record<string, string>>;
  /** JSON body; POST/PUT calls carry the credentials here. */
  readonly body?: Readonly<Record<string, unknown>>;
}

/**
 * @example
 * apiGatewayEvent({ method: 'GET', path: '/api/regions', query: { ...DEMO_KEY_PAIR } })
 */
function apiGatewayEvent(call: HttpCall): ApiGatewayEvent {
  const body = call.body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(call.body));
  return buildApiGatewayEvent(
    {
      method: call.method,
      path: call.path,
      rawQuery: new URLSearchParams(call.query ?? {}).toString(),
      headers: { host: '127.0.0.1', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body,
      sourceIp: '127.0.0.1',
    },
    { templatePath: call.path, templateMethod: call.method, requestId: randomUUID() },
  );
}

/**
 * A firing of the inventory's timer trigger; a different `firedAt` is a different run (its run id).
 *
 * @example
 * inventoryTimerEvent(new Date('2026-12-03T10:00:00Z'))
 */
function inventoryTimerEvent(firedAt: Date): TimerEvent {
  return buildTimerEvent({ triggerName: 'inventory' }, firedAt);
}

export { apiGatewayEvent, inventoryTimerEvent };
