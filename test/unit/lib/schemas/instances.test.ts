import * as z from 'zod/mini';
import { bodyInteger, instanceActionBody, instanceIdList, queryBoolean, waitQuery, waitRequested } from '../../../../lib/schemas/instances';
import { validateInput } from '../../../../lib/schemas/validate';
import { ValidationError, type FieldProblem } from '../../../../lib/errors/api-error';

const ids = (count: number): string[] => Array.from({ length: count }, (_, index) => `ins-${String(index).padStart(8, '0')}`);
const actionBody = instanceActionBody({ wait: z.optional(z.boolean()) });

function problemsOf(schema: z.ZodMiniType, value: unknown): readonly FieldProblem[] {
  try {
    validateInput(schema, value, 'body');
  } catch (error) {
    if (error instanceof ValidationError) return error.fields ?? [];
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('instanceIdList', () => {
  it('accepts 1 to 100 distinct well-formed ids', () => {
    expect(z.safeParse(instanceIdList, ['ins-r8hr2upy']).success).toBe(true);
    expect(z.safeParse(instanceIdList, ids(100)).success).toBe(true);
  });

  it.each<[string, unknown, FieldProblem[]]>([
    ['an empty list', [], [{ field: 'body', message: 'must list at least one instance id' }]],
    ['101 ids', ids(101), [{ field: 'body', message: "must list at most 100 instance ids (the CVM API's limit per call)" }]],
    ['the docs’ malformed id', ['ins-1122'], [{ field: '0', message: 'must be an instance id such as ins-r8hr2upy' }]],
    ['an upper-case id', ['ins-R8HR2UPY'], [{ field: '0', message: 'must be an instance id such as ins-r8hr2upy' }]],
    ['a repeated id', ['ins-r8hr2upy', 'ins-r8hr2upy'], [{ field: '1', message: 'repeats ins-r8hr2upy' }]],
    ['a string instead of a list', 'ins-r8hr2upy', [{ field: 'body', message: 'must be an array of instance ids' }]],
  ])('refuses %s', (_name, value, expected) => {
    expect(problemsOf(instanceIdList, value)).toEqual(expected);
  });
});

describe('instanceActionBody', () => {
  it('reads instanceIds or instance_ids, and drops the credentials', () => {
    const parsed = validateInput(actionBody, { secretId: 'AKID', secretKey: 'k', region: 'ap-guangzhou', instance_ids: ['ins-r8hr2upy'], wait: true }, 'body');

    expect(parsed).toEqual({ region: 'ap-guangzhou', instanceIds: ['ins-r8hr2upy'], wait: true });
  });

  it('names every missing field', () => {
    expect(problemsOf(actionBody, {})).toEqual([
      { field: 'region', message: 'is required' },
      { field: 'instanceIds', message: 'is required' },
    ]);
  });
});

describe('bodyInteger', () => {
  it.each<[unknown, number]>([
    [1, 1],
    ['100', 100],
  ])('reads %j as %i', (value, expected) => {
    expect(z.parse(bodyInteger(1, 100), value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    [0, 'must be a whole number from 1 to 100'],
    [101, 'must be a whole number from 1 to 100'],
    [2.5, 'must be a whole number from 1 to 100'],
    ['-1', 'must be a whole number from 1 to 100'],
    ['ten', 'must be a whole number from 1 to 100'],
    [true, 'must be a whole number from 1 to 100'],
    [undefined, 'is required'],
  ])('refuses %j', (value, message) => {
    expect(problemsOf(bodyInteger(1, 100), value)).toEqual([{ field: 'body', message }]);
  });
});

describe('wait', () => {
  it.each<[string, boolean]>([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads ?wait=%s as %s', (text, value) => {
    expect(z.parse(queryBoolean, text)).toBe(value);
  });

  it('refuses other query values', () => {
    expect(problemsOf(waitQuery, { wait: 'yes' })).toEqual([{ field: 'wait', message: 'must be true or false' }]);
  });

  it.each<[boolean | undefined, boolean | undefined, boolean]>([
    [undefined, undefined, false],
    [true, undefined, true],
    [undefined, true, true],
    [false, false, false],
  ])('query %s and body %s ask to wait: %s', (query, body, expected) => {
    expect(waitRequested({ wait: query }, { wait: body })).toBe(expected);
  });
});
