import * as z from 'zod/mini';
import { aliasedObject, snakeCaseOf } from '../../../../lib/schemas/aliased-object';
import { validateInput } from '../../../../lib/schemas/validate';
import { ValidationError } from '../../../../lib/errors/api-error';

const disk = aliasedObject({ diskType: z.optional(z.string()), diskSize: z.optional(z.number()) });
const body = aliasedObject(
  { region: z.string({ error: 'is required' }), instanceIds: z.array(z.string()), systemDisk: z.optional(disk) },
  { ignoredKeys: ['secretId', 'secretKey'] },
);

function problemsWith(schema: z.ZodMiniType, value: unknown): unknown {
  try {
    validateInput(schema, value, 'body');
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a validation failure');
}

function problems(value: unknown): unknown {
  return problemsWith(body, value);
}

describe('snakeCaseOf', () => {
  it.each([
    ['instanceIds', 'instance_ids'],
    ['internetMaxBandwidthOut', 'internet_max_bandwidth_out'],
    ['region', 'region'],
  ])('spells %s as %s', (camel, snake) => {
    expect(snakeCaseOf(camel)).toBe(snake);
  });
});

describe('aliasedObject', () => {
  it('reads camelCase and snake_case alike, nested objects included, into camelCase', () => {
    expect(validateInput(body, { region: 'r', instance_ids: ['a'], systemDisk: { disk_size: 50 } }, 'body')).toEqual({
      region: 'r',
      instanceIds: ['a'],
      systemDisk: { diskSize: 50 },
    });
    expect(validateInput(body, { region: 'r', instanceIds: ['a'], system_disk: { diskType: 'CLOUD_SSD' } }, 'body')).toEqual({
      region: 'r',
      instanceIds: ['a'],
      systemDisk: { diskType: 'CLOUD_SSD' },
    });
  });

  it('accepts the ignored keys and drops them from the value', () => {
    expect(validateInput(body, { region: 'r', instanceIds: ['a'], secretId: 'AKID', secretKey: 'key' }, 'body')).toEqual({
      region: 'r',
      instanceIds: ['a'],
    });
  });

  it.each<[string, unknown, unknown]>([
    ['a required aliased key in neither spelling', { region: 'r' }, [{ field: 'instanceIds', message: 'is required' }]],
    [
      'both spellings of one key',
      { region: 'r', instanceIds: ['a'], instance_ids: ['b'] },
      [{ field: 'instance_ids', message: 'repeats instanceIds: send one of the two spellings' }],
    ],
    ['an unknown key', { region: 'r', instanceIds: ['a'], instanceCont: 5 }, [{ field: 'instanceCont', message: 'is not a known parameter' }]],
    [
      'an unknown nested key',
      { region: 'r', instanceIds: ['a'], systemDisk: { size: 5 } },
      [{ field: 'systemDisk.size', message: 'is not a known parameter' }],
    ],
    ['a nested value that is not an object', { region: 'r', instanceIds: ['a'], systemDisk: [] }, [{ field: 'systemDisk', message: 'must be an object' }]],
    ['a bad value under the snake spelling', { region: 'r', instance_ids: 'a' }, [{ field: 'instance_ids', message: expect.any(String) }]],
    ['a missing one-word key', { instanceIds: ['a'] }, [{ field: 'region', message: 'is required' }]],
  ])('refuses %s, naming the key as sent', (_name, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it('says what is expected, in its own words, when an entry is not an object', () => {
    const tags = z.object({ tags: z.array(aliasedObject({ key: z.string() }, { description: 'a {key, value} object' })) });

    expect(problemsWith(tags, { tags: [{ key: 'a' }, []] })).toEqual([{ field: 'tags.1', message: 'must be a {key, value} object' }]);
  });

  it('names an unknown key inside an array entry by its full path', () => {
    const tags = z.object({ tags: z.array(aliasedObject({ key: z.string(), value: z.string() })) });

    expect(problemsWith(tags, { tags: [{ key: 'a', value: 'b' }, { key: 'c', value: 'd', x: 1 }] })).toEqual([
      { field: 'tags.1.x', message: 'is not a known parameter' },
    ]);
  });
});
