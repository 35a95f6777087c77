/**
 * The shared body of the state-changing routes that can `wait` (start, stop, terminate): refuse a
 * conflicting `wait` before anything is sent, send the action once (retried only when the failure
 * proves nothing happened: `non-idempotent-write`), then answer at once or after waiting for the
 * instances to reach the action's target state (reference §4.13).
 */
import type { HandlerArgs } from '../http/http-handler';
import type { StatusAnswer } from '../http/status-answer';
import { toRequestIdBody, type RequestIdBody, type WaitUnfinishedBody } from '../mappers/instances';
import { waitRequested, type WaitQuery } from '../schemas/instances';
import { answerAfterWait } from './answer-after-wait';
import type { CvmClient } from './client';
import type { WaitTarget } from './wait-for-states';

export interface StateChangeBody {
  readonly region: string;
  readonly instanceIds: readonly string[];
  readonly wait?: boolean | undefined;
}

export interface StateChange<TBody extends StateChangeBody> {
  /** The CVM action, for logs and error messages (`StopInstances`). */
  readonly action: string;
  /** The state every instance is in once the action has finished. */
  readonly target: WaitTarget;
  /** Sends the action for the validated body. */
  send(client: CvmClient, body: TBody): Promise<{ readonly RequestId?: string }>;
}

/**
 * @example
 * handle: (args) =>
 *   changeInstanceStates(args, {
 *     action: 'StartInstances',
 *     target: 'RUNNING',
 *     send: (client, body) => client.StartInstances({ InstanceIds: [...body.instanceIds] }),
 *   }),
 */
async function changeInstanceStates<TBody extends StateChangeBody>(
  args: Pick<HandlerArgs<WaitQuery, TBody>, 'query' | 'body' | 'cvm' | 'config' | 'log'>,
  change: StateChange<TBody>,
): Promise<RequestIdBody | StatusAnswer<WaitUnfinishedBody<RequestIdBody>>> {
  const { query, body, cvm, config, log } = args;
  // Before the operation: a conflicting `wait` is refused with nothing changed.
  const wait = waitRequested(query, body);
  const answer = toRequestIdBody(
    await cvm.call({ action: change.action, region: body.region }, (client) => change.send(client, body), {
      retry: 'non-idempotent-write',
    }),
  );
  if (!wait) return answer;
  return answerAfterWait({ cvm, log, config, region: body.region, instanceIds: body.instanceIds, target: change.target, answer });
}

export { changeInstanceStates };
