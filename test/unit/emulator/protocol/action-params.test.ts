import fc from 'fast-check';
import { parseJsonBody, parseQueryParams } from '../../../../local/emulator/protocol/action-params';
import { CvmApiError } from '../../../../local/emulator/services/cvm/service';

function failureMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CvmApiError) {
      return `${error.code}: ${error.message}`;
    }
    throw error;
  }
  throw new Error('expected a CvmApiError');
}

describe('parseJsonBody', () => {
  it('returns the JSON object', () => {
    expect(parseJsonBody(Buffer.from('{"Limit":1,"InstanceIds":["ins-a"]}'))).toEqual({ Limit: 1, InstanceIds: ['ins-a'] });
  });

  it('treats an empty body as no parameters', () => {
    expect(parseJsonBody(Buffer.alloc(0))).toEqual({});
  });

  it.each([
    ['{"Limit":', 'InvalidParameter: The request body is not valid: it is not valid JSON.'],
    ['[1,2]', 'InvalidParameter: The request body is not valid: it must be a JSON object.'],
    ['"text"', 'InvalidParameter: The request body is not valid: it must be a JSON object.'],
    ['null', 'InvalidParameter: The request body is not valid: it must be a JSON object.'],
  ])('rejects %p', (body, expected) => {
    expect(failureMessage(() => parseJsonBody(Buffer.from(body)))).toBe(expected);
  });
});

describe('parseQueryParams', () => {
  it('rebuilds arrays and nested objects from the flattened form the SDK sends (§1)', () => {
    const query = 'Limit=1&InstanceIds.0=ins-a&InstanceIds.1=ins-b&Filters.0.Name=zone&Filters.0.Values.0=ap-guangzhou-3&Placement.Zone=ap-guangzhou-3';
    expect(parseQueryParams(query)).toEqual({
      Limit: '1',
      InstanceIds: ['ins-a', 'ins-b'],
      Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'] }],
      Placement: { Zone: 'ap-guangzhou-3' },
    });
  });

  it('returns no parameters for an empty query', () => {
    expect(parseQueryParams('')).toEqual({});
  });

  it.each([
    ['Limit=1&Limit=2', 'is given twice'],
    ['Filters.0.Name=a&Filters.Name=b', 'conflicts with another'],
    ['Limit=1&Limit.Value=2', 'conflicts with another'],
    ['__proto__.polluted=1', 'has an invalid name'],
    ['Filters..Name=a', 'has an invalid name'],
  ])('rejects %p', (query, expected) => {
    expect(failureMessage(() => parseQueryParams(query))).toContain(expected);
  });
});

describe('parameter parsing properties', () => {
  const outcome = (run: () => unknown): string => {
    try {
      run();
      return 'parsed';
    } catch (error) {
      return error instanceof CvmApiError ? error.code : 'unexpected';
    }
  };

  it('answers any body with parameters or InvalidParameter, never another failure', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (body) => {
        expect(['parsed', 'InvalidParameter']).toContain(outcome(() => parseJsonBody(Buffer.from(body))));
      }),
    );
  });

  it('answers any query string with parameters or InvalidParameter, never another failure', () => {
    const segment = fc.oneof(fc.constantFrom('0', '1', 'Filters', 'Name', '__proto__', ''), fc.string({ maxLength: 4 }));
    const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    const query = fc
      .array(fc.tuple(key, fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((pairs) => new URLSearchParams(pairs).toString());
    fc.assert(
      fc.property(query, (text) => {
        expect(['parsed', 'InvalidParameter']).toContain(outcome(() => parseQueryParams(text)));
      }),
    );
  });
});
