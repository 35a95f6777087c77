import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HttpRoute } from '../../functions/routes';
import { buildApiGatewayEvent } from '../events/api-gateway-event';
import { buildFunctionUrlEvent } from '../events/function-url-event';
import { buildTimerEvent } from '../events/timer-event';
import type { HttpRequestSnapshot } from '../events/types';
import type { FunctionSettings } from '../harness/function-settings';
import { type InvokeArguments, type TriggerKind, UsageError } from './arguments';

/** The event `npm run invoke` sends: read from --event, or built for the function's trigger. */

const LOCAL_CLIENT_IP = '127.0.0.1';

function readEventFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--event: cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--event: ${path} is not valid JSON`);
  }
}

function requestSnapshot(args: InvokeArguments, route: HttpRoute | undefined, functionName: string): HttpRequestSnapshot {
  const headers: Record<string, string> = Object.fromEntries(args.headers.map(([name, value]) => [name.toLowerCase(), value]));
  const body = Buffer.from(args.body ?? '', 'utf8');
  if (body.length > 0) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(body.length);
  }
  return {
    method: args.method ?? route?.method ?? 'GET',
    path: route?.path ?? `/${functionName}`,
    rawQuery: new URLSearchParams(args.query.map(([key, value]): [string, string] => [key, value])).toString(),
    headers,
    body,
    sourceIp: LOCAL_CLIENT_IP,
  };
}

/** A function with an HTTP route gets its API Gateway event by default; any other gets its timer event. */
function defaultTrigger(route: HttpRoute | undefined): TriggerKind {
  return route === undefined ? 'timer' : 'apigw';
}

function buildInvokeEvent(
  args: InvokeArguments,
  route: HttpRoute | undefined,
  settings: FunctionSettings,
  requestId: string = randomUUID(),
): unknown {
  if (args.eventFile !== undefined) {
    return readEventFile(args.eventFile);
  }
  const trigger = args.trigger ?? defaultTrigger(route);
  switch (trigger) {
    case 'apigw': {
      const request = requestSnapshot(args, route, args.functionName);
      return buildApiGatewayEvent(request, {
        templatePath: route?.path ?? request.path,
        templateMethod: route?.method ?? request.method,
        requestId,
      });
    }
    case 'url':
      return buildFunctionUrlEvent(requestSnapshot(args, route, args.functionName));
    case 'timer': {
      const timer = settings.timerTriggers[0];
      return buildTimerEvent({ triggerName: timer?.name ?? args.functionName, message: timer?.message ?? '' }, new Date());
    }
  }
}

export { buildInvokeEvent };
