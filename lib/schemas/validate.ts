/**
 * Runs a route's zod/mini schema over one input and turns failure into the contract's 400: code
 * `InvalidParameter` with one `{ field, message }` per offending parameter.
 */
import * as z from 'zod/mini';
import { ValidationError, type FieldProblem } from '../errors/api-error';

type Issue = z.core.$ZodIssue;

/** The dotted path of the field (`tags.1.key`); `unnamed` for the input as a whole. */
function fieldName(path: readonly PropertyKey[], unnamed: string): string {
  return path.length === 0 ? unnamed : path.map(String).join('.');
}

/**
 * The words of an issue no schema worded, instead of zod/mini's bare "Invalid input" (it ships no
 * locale): a wrong type says what was expected (`tags.0 must be an object`). Others keep zod's text.
 */
function unwordedIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
}

function problemsOf(issues: readonly Issue[], unnamed: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // An unknown key inside a nested object is named by its full path (`systemDisk.bogus`, `tags.0.x`).
      problems.push(...issue.keys.map((key) => ({ field: fieldName([...issue.path, key], unnamed), message: 'is not a known parameter' })));
    } else {
      problems.push({ field: fieldName(issue.path, unnamed), message: issue.message });
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
  const result = z.safeParse(schema, value, { error: unwordedIssueMessage });
  if (result.success) return result.data;
  throw new ValidationError(problemsOf(result.error.issues, unnamed));
}

export { validateInput };
