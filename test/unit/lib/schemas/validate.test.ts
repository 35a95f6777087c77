import * as z from 'zod/mini';
import { ValidationError } from '../../../../lib/errors/api-error';
import { limit, region } from '../../../../lib/schemas/primitives';
import { validateInput } from '../../../../lib/schemas/validate';

function fieldsOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
  }
  throw new Error('expected a ValidationError');
}

describe('validateInput', () => {
  const query = z.object({ region, limit: z.optional(limit) });

  it('returns the parsed input and drops parameters the route does not declare (credentials included)', () => {
    expect(validateInput(query, { region: 'ap-guangzhou', limit: '20', secretKey: 'x', secretId: 'y' }, 'query')).toEqual({
      region: 'ap-guangzhou',
      limit: 20,
    });
  });

  it('names every offending field', () => {
    expect(fieldsOf(() => validateInput(query, { limit: '500' }, 'query'))).toEqual([
      { field: 'region', message: 'is required' },
      { field: 'limit', message: 'must be a whole number from 1 to 100' },
    ]);
  });

  it('names nested fields by their dotted path', () => {
    const body = z.object({ systemDisk: z.object({ diskSize: z.number({ error: 'must be a number' }) }) });
    expect(fieldsOf(() => validateInput(body, { systemDisk: { diskSize: 'big' } }, 'body'))).toEqual([
      { field: 'systemDisk.diskSize', message: 'must be a number' },
    ]);
  });

  it('lists unknown keys of a strict schema one by one', () => {
    const strict = z.strictObject({ region });
    expect(fieldsOf(() => validateInput(strict, { region: 'ap-guangzhou', colour: 'red', size: 'L' }, 'body'))).toEqual([
      { field: 'colour', message: 'is not a known parameter' },
      { field: 'size', message: 'is not a known parameter' },
    ]);
  });

  it('names the input itself when the whole value is wrong, saying what was expected', () => {
    expect(fieldsOf(() => validateInput(query, 'not an object', 'query'))).toEqual([{ field: 'query', message: 'must be an object' }]);
  });

  it('names an unknown key of a nested object by its full path', () => {
    const body = z.object({ systemDisk: z.strictObject({ diskSize: z.optional(z.number()) }), tags: z.array(z.strictObject({ key: z.string() })) });
    expect(fieldsOf(() => validateInput(body, { systemDisk: { bogus: 1 }, tags: [{ key: 'a', x: 1 }] }, 'body'))).toEqual([
      { field: 'systemDisk.bogus', message: 'is not a known parameter' },
      { field: 'tags.0.x', message: 'is not a known parameter' },
    ]);
  });

  it.each<[string, unknown, { field: string; message: string }[]]>([
    ['an array where an object belongs', { tags: [[]] }, [{ field: 'tags.0', message: 'must be an object' }]],
    ['a number where an array belongs', { tags: 3 }, [{ field: 'tags', message: 'must be an array' }]],
    ['a missing array', {}, [{ field: 'tags', message: 'is required' }]],
  ])('words a wrong type no schema worded: %s', (_name, value, fields) => {
    const body = z.object({ tags: z.array(z.object({ key: z.optional(z.string()) })) });
    expect(fieldsOf(() => validateInput(body, value, 'body'))).toEqual(fields);
  });
});
