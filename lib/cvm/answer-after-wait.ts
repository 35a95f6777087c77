/**
 * The answer of an instance route asked to `wait` (create, start, stop, terminate): the operation's own
 * 200 body once every instance reached the target state, else a 202 with the states seen when the wait
 * ended. The wait ends `INSTANCE_WAIT_BUDGET_MS` after the request began (lib/config.ts), well before
 * the function's own timeout.
 */
import type { Config } from '../config';
import { answerWithStatus, type StatusAnswer } from '../http/status-answer';
import type { Logger } from '../log/logger';
import { toWaitUnfinishedBody, type RequestIdBody, type WaitUnfinishedBody } from '../mappers/instances';
import type { CvmSession } from './cvm-session';
import { waitForInstanceStates, type WaitTarget } from './wait-for-states';

export interface AnswerAfterWaitOptions<TAnswer extends RequestIdBody> {
  readonly cvm: CvmSession;
  readonly log: Logger;
  readonly config: Pick<Config, 'instanceWaitBudgetMs'>;
  readonly region: string;
  readonly instanceIds: readonly string[];
  readonly target: WaitTarget;
  /** The operation's 200 body. */
  readonly answer: TAnswer;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * @example
 * return answerAfterWait({ cvm, log, config, region, instanceIds, target: 'STOPPED', answer: toRequestIdBody(response) });
 */
async function answerAfterWait<TAnswer extends RequestIdBody>(
  options: AnswerAfterWaitOptions<TAnswer>,
): Promise<TAnswer | StatusAnswer<WaitUnfinishedBody<TAnswer>>> {
  const outcome = await waitForInstanceStates({
    cvm: options.cvm,
    log: options.log,
    region: options.region,
    instanceIds: options.instanceIds,
    target: options.target,
    deadlineAt: options.cvm.startedAt + options.config.instanceWaitBudgetMs,
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  if (outcome.end === 'reached') return options.answer;
  return answerWithStatus(202, toWaitUnfinishedBody(options.answer, outcome.instances, options.target, outcome.end));
}

export { answerAfterWait };
