/**
 * A route result that is not a plain 200: a route's `handle` returns one to choose the status, e.g.
 * 202 Accepted when an instance operation was accepted but a `wait` ran out of time before it finished.
 */
class StatusAnswer<TBody> {
  constructor(
    readonly status: number,
    readonly body: TBody,
  ) {}
}

/**
 * @example
 * return answerWithStatus(202, { instances, requestId });
 */
function answerWithStatus<TBody>(status: number, body: TBody): StatusAnswer<TBody> {
  return new StatusAnswer(status, body);
}

export { StatusAnswer, answerWithStatus };
