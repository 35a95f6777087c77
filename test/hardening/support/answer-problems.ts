/**
 * What the issue promises of every answer to bad input, as one check that lists what is wrong: never
 * a 5xx, JSON with the JSON content type, the contract's error envelope for failures, our own
 * refusals naming the offending field, no planted secret echoed, and an answer within a bounded time.
 */
import { PLANTED_SECRETS } from './hostile-input';
import { errorEnvelope } from './send';

/** The longest an answer to bad input may take (no upstream call of these is slow). */
const MAX_ANSWER_MS = 3000;

/** Our own refusals: each must say which field was wrong. */
const FIELD_NAMING_CODES = new Set(['InvalidParameter', 'RequestEntityTooLarge', 'UnsupportedMediaType', 'InvalidCredentials', 'InvalidAuthorizationHeader']);

export interface CheckedAnswer {
  readonly status: number;
  readonly text: string;
  /** The parsed body; `undefined` when the text is not JSON. */
  readonly body: unknown;
  readonly contentType: string | null;
}

/**
 * The planted secrets (hostile-input.ts) found in `text`.
 *
 * @example
 * leakedSecrets(answer.text) // []
 */
function leakedSecrets(text: string): string[] {
  return PLANTED_SECRETS.filter((secret) => text.includes(secret));
}

function envelopeProblems(body: unknown): string[] {
  const envelope = errorEnvelope(body);
  if (envelope === undefined) return ['not the contract’s error envelope'];
  const fields = envelope.error.fields ?? [];
  if (FIELD_NAMING_CODES.has(envelope.error.code) && fields.length === 0) return [`${envelope.error.code} names no field`];
  if (fields.some((problem) => typeof problem.field !== 'string' || typeof problem.message !== 'string')) {
    return ['a field problem that is not {field, message}'];
  }
  return [];
}

/**
 * @example
 * expect(answerProblems({ status, text, body, contentType }, elapsedMs)).toEqual([]);
 */
function answerProblems(answer: CheckedAnswer, elapsedMs: number): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 || answer.status < 200) problems.push(`status ${answer.status}`);
  if (answer.text !== '' && answer.body === undefined) problems.push('body is not JSON');
  if (answer.text !== '' && answer.contentType !== 'application/json; charset=utf-8') problems.push(`content type ${answer.contentType}`);
  if (answer.status >= 400) problems.push(...envelopeProblems(answer.body));
  if (leakedSecrets(answer.text).length > 0) problems.push('echoes a planted secret');
  if (elapsedMs > MAX_ANSWER_MS) problems.push(`took ${Math.round(elapsedMs)} ms`);
  return problems;
}

export { answerProblems, leakedSecrets };
