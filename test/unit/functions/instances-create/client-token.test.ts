import { resolveClientToken } from '../../../../functions/instances-create/client-token';
import { ValidationError } from '../../../../lib/errors/api-error';

describe('resolveClientToken', () => {
  it.each<[string | undefined, string | undefined, string]>([
    ['order-1', undefined, 'order-1'],
    [undefined, 'order-2', 'order-2'],
    ['order-3', 'order-3', 'order-3'],
  ])('uses the caller’s token (body %s, header %s)', (body, header, expected) => {
    expect(resolveClientToken(body, header)).toBe(expected);
  });

  it('makes a fresh UUID per request when the caller sends none', () => {
    const first = resolveClientToken(undefined, undefined);
    const second = resolveClientToken(undefined, undefined);

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });

  it.each<[string, string | undefined, string, string[]]>([
    ['a header of 65 characters', undefined, 'k'.repeat(65), ['Idempotency-Key']],
    ['a header with a control character', undefined, 'key\u0001', ['Idempotency-Key']],
    ['a header differing from the body', 'order-4', 'order-5', ['clientToken', 'Idempotency-Key']],
  ])('refuses %s', (_name, body, header, fields) => {
    let failure: unknown;
    try {
      resolveClientToken(body, header);
    } catch (error) {
      failure = error;
    }

    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).fields?.map((problem) => problem.field)).toEqual(fields);
  });
});
