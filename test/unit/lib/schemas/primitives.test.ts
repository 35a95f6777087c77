import * as z from 'zod/mini';
import { boundedText, instanceFamily, instanceType, limit, offset, region, zone } from '../../../../lib/schemas/primitives';

function messageOf(schema: z.ZodMiniType, value: unknown): string | undefined {
  const result = z.safeParse(schema, value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('region', () => {
  it.each(['ap-guangzhou', 'ap-shanghai-fsi', 'na-siliconvalley', 'ap-xian-ec', 'eu-frankfurt'])('accepts %s', (value) => {
    expect(z.safeParse(region, value).success).toBe(true);
  });

  it.each([
    [undefined, 'is required'],
    [42, 'must be a string'],
    ['', 'must be a region id such as ap-guangzhou'],
    ['AP-GUANGZHOU', 'must be a region id such as ap-guangzhou'],
    ['guangzhou', 'must be a region id such as ap-guangzhou'],
    ['ap-guangzhou ', 'must be a region id such as ap-guangzhou'],
    ['ap-guangzhou\nX-Evil: 1', 'must be a region id such as ap-guangzhou'],
  ])('refuses %p: %s', (value, message) => {
    expect(messageOf(region, value)).toBe(message);
  });
});

describe('zone', () => {
  it.each(['ap-guangzhou-3', 'ap-shenzhen-fsi-1', 'na-ashburn-2'])('accepts %s', (value) => {
    expect(z.safeParse(zone, value).success).toBe(true);
  });

  it.each(['ap-guangzhou', 'ap-guangzhou-', 'Guangzhou Zone 3'])('refuses %s', (value) => {
    expect(messageOf(zone, value)).toBe('must be a zone id such as ap-guangzhou-3');
  });
});

describe('instanceFamily and instanceType', () => {
  it.each(['S6', 'SA2', 'GN10Xp', 'S9e'])('accepts the family %s', (value) => {
    expect(z.safeParse(instanceFamily, value).success).toBe(true);
  });

  it.each(['S6.LARGE8', 'SA3.58XLARGE940', 'CDH_1C1G', 'GN10Xp.2XLARGE40'])('accepts the type %s', (value) => {
    expect(z.safeParse(instanceType, value).success).toBe(true);
  });

  it('refuses malformed values', () => {
    expect(messageOf(instanceFamily, 'S6.LARGE8')).toBe('must be an instance family such as S6');
    expect(messageOf(instanceType, 'S6 LARGE8')).toBe('must be an instance type such as S6.LARGE8');
  });
});

describe('offset and limit', () => {
  it.each([
    [limit, '1', 1],
    [limit, '100', 100],
    [offset, '0', 0],
    [offset, '250', 250],
  ])('parses the digit string %#', (schema, value, parsed) => {
    expect(z.parse(schema, value)).toBe(parsed);
  });

  it.each([
    [limit, '0'],
    [limit, '101'],
    [limit, '-1'],
    [limit, '1.5'],
    [limit, '1e2'],
    [limit, 'ten'],
    [limit, ''],
    [offset, '1000000000'],
  ])('refuses %#', (schema, value) => {
    expect(messageOf(schema, value)).toMatch(/^must be a whole number from \d+ to \d+$/);
  });
});

describe('boundedText', () => {
  it('accepts text up to the bound and refuses empty or longer text', () => {
    const name = boundedText(5);
    expect(z.safeParse(name, 'abcde').success).toBe(true);
    expect(messageOf(name, '')).toBe('must not be empty');
    expect(messageOf(name, 'abcdef')).toBe('must be at most 5 characters');
  });
});
