import { FUNCTION_DEADLINE_MARGIN_MS, functionDeadlineAt } from '../../../../lib/http/function-deadline';

describe('functionDeadlineAt', () => {
  it('is the SCF deadline less the stack’s margin', () => {
    expect(functionDeadlineAt({ getRemainingTimeInMillis: () => 20_000 }, 1_000)).toBe(21_000 - FUNCTION_DEADLINE_MARGIN_MS);
  });

  it('is undefined when the context cannot tell the remaining time', () => {
    expect(functionDeadlineAt({}, 1_000)).toBeUndefined();
  });
});
