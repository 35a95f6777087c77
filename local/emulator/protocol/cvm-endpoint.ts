/**
 * The CVM API endpoint (`/`, POST or GET): admit the call, apply any injected fault, run the action,
 * write the envelope. Fault semantics are described in control/faults.ts.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { NO_ACTION, type CallCounters } from '../control/counters';
import type { Delays } from '../control/delays';
import type { Fault, FaultRegistry } from '../control/faults';
import { CvmApiError } from '../services/cvm/service';
import { admitCall, type AdmissionDependencies, type AdmittedCall } from './admit-call';
import { errorBody, successBody, writeJson, writePlainText } from './envelope';
import { internalError } from './errors';
import { readRequest } from './received-request';

export interface CvmEndpointDependencies extends AdmissionDependencies {
  readonly faults: FaultRegistry;
  readonly counters: CallCounters;
  readonly delays: Delays;
  /** Where unexpected service failures are reported (never with request headers or bodies). */
  readonly reportInternalError: (action: string, error: unknown) => void;
}

interface ActionAnswer {
  readonly body: string;
  /** Error code when the action answered an API error. */
  readonly errorCode: string | undefined;
}

/** What a `malformed` fault sends with HTTP 200: text that no JSON parser accepts. */
const MALFORMED_BODY = '<html><body>Emulated malformed response</body></html>';

function invokeAction(dependencies: CvmEndpointDependencies, call: AdmittedCall): ActionAnswer {
  dependencies.counters.invoked(call.action);
  try {
    const fields = dependencies.service.invoke(call.action, call.params, call.context);
    return { body: successBody(fields, call.context.requestId), errorCode: undefined };
  } catch (error) {
    const apiError = error instanceof CvmApiError ? error : reportedInternalError(dependencies, call.action, error);
    return { body: errorBody(apiError, call.context.requestId), errorCode: apiError.code };
  }
}

function reportedInternalError(dependencies: CvmEndpointDependencies, action: string, error: unknown): CvmApiError {
  dependencies.reportInternalError(action, error);
  return internalError();
}

function injectedError(fault: Fault): CvmApiError {
  const code = fault.code ?? 'InternalError';
  return new CvmApiError(code, fault.message ?? `Injected fault: ${code}.`);
}

function dropConnection(message: IncomingMessage): void {
  message.socket.destroy();
}

export async function handleCvmRequest(
  dependencies: CvmEndpointDependencies,
  message: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { counters, delays } = dependencies;
  const request = await readRequest(message);
  const sentAction = request.header('x-tc-action');
  const counterKey = sentAction === undefined || sentAction === '' ? NO_ACTION : sentAction;
  const traceId = request.header('x-tc-traceid');
  const requestId = randomUUID();
  counters.received(counterKey);

  let call: AdmittedCall;
  try {
    call = admitCall(dependencies, request, requestId);
  } catch (error) {
    const apiError = error instanceof CvmApiError ? error : reportedInternalError(dependencies, counterKey, error);
    counters.failed(counterKey, apiError.code);
    writeJson(response, 200, errorBody(apiError, requestId), traceId);
    return;
  }

  const { action } = call;
  const selection = dependencies.faults.select(action, call.context.region);
  selection.latencyFaults.forEach(() => counters.faulted(action, 'latency'));
  const terminal = selection.terminal;
  if (terminal !== undefined) {
    counters.faulted(action, terminal.kind);
  }

  if (terminal?.kind === 'error' || terminal?.kind === 'http5xx' || terminal?.kind === 'drop-before') {
    await delays.wait(selection.latencyMs);
    if (terminal.kind === 'error') {
      const apiError = injectedError(terminal);
      counters.failed(action, apiError.code);
      writeJson(response, 200, errorBody(apiError, requestId), traceId);
    } else if (terminal.kind === 'http5xx') {
      writePlainText(response, terminal.status, `${terminal.status} ${STATUS_CODES[terminal.status] ?? 'Server Error'}`);
    } else {
      dropConnection(message);
    }
    return;
  }

  const answer = invokeAction(dependencies, call);
  await delays.wait(selection.latencyMs);
  if (terminal?.kind === 'drop-after') {
    dropConnection(message);
  } else if (terminal?.kind === 'malformed') {
    writeJson(response, 200, MALFORMED_BODY, traceId);
  } else if (terminal?.kind === 'truncated') {
    writeJson(response, 200, answer.body.slice(0, Math.floor(answer.body.length / 2)), traceId);
  } else {
    if (answer.errorCode === undefined) {
      counters.succeeded(action);
    } else {
      counters.failed(action, answer.errorCode);
    }
    writeJson(response, 200, answer.body, traceId);
  }
}
