/**
 * Runs a route's zod/mini schema over one input and turns failure into the contract's 400: code
 * `InvalidParameter` with one `{ field, message }` per offending parameter.
 */
import * as z from 'zod/mini';
import { ValidationError, type FieldProblem } from '../errors/api-error';

type Issue = z.core.$ZodIssue;

function fieldName(issue: Issue, unnamed: string): string {
  return issue.path.length === 0 ? unnamed : issue.path.map(String).join('.');
}

function problemsOf(issues: readonly Issue[], unnamed: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      problems.push(...issue.keys.map((key) => ({ field: key, message: 'is not a known parameter' })));
    } else {
      problems.push({ field: fieldName(issue, unnamed), message: issue.message });
    }
  }
  return problems;
}

/**
 * @example
 * const input = validateInput(z.object({ region }), request.query, 'query'); // { region: 'ap-guangzhou' }
 * // or throws ValidationError with fields [{ field: 'region', message: 'is required' }]
 */
function validateInput<S extends z.ZodMiniType>(schema: S, value: unknown, unnamed: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(problemsOf(result.error.issues, unnamed));
}

export { validateInput };
