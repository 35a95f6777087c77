import { errorReply } from './error-reply';
import type { RunOutcome } from './function-runner';
import { checkIntegratedResponse, type HttpReply } from './integrated-response';

/**
 * Turns an invocation's outcome into the HTTP reply API Gateway would give for it: the integrated
 * response itself (§6.4), or a gateway-style error when there is none to give.
 */
function replyForOutcome(outcome: RunOutcome, functionName: string, requestId: string): HttpReply {
  switch (outcome.kind) {
    case 'returned': {
      const check = checkIntegratedResponse(outcome.value);
      if (check.valid) {
        return check.reply;
      }
      // API Gateway's wording for this case (§6.4), followed by what exactly was wrong.
      return errorReply(
        502,
        'InvalidScfResponse',
        `Invalid scf response. expected scf response valid JSON. Function ${functionName}: ${check.problems.join('; ')}`,
        requestId,
      );
    }
    case 'threw':
      return errorReply(502, 'FunctionError', `Function ${functionName} threw ${outcome.errorName}`, requestId);
    case 'timed-out':
      return errorReply(
        504,
        'FunctionTimeout',
        `Function ${functionName} did not return within its timeout of ${outcome.timeoutMs} ms`,
        requestId,
      );
    case 'load-failed':
      return errorReply(502, 'FunctionLoadError', outcome.message, requestId);
  }
}

export { replyForOutcome };
