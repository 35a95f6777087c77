import type { InventoryResult } from '../../../functions/inventory/handler';

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface InventoryInvocation {
  readonly result: InventoryResult | undefined;
  readonly error: unknown;
  readonly lines: readonly LogLine[];
  readonly wallMs: number;
}

/**
 * Calls the inventory function's `main_handler` once, as SCF would: with `env` as the function's
 * environment (the container's config is read afresh, so every call is a cold container) and its
 * stdout log lines captured and parsed.
 */
export async function invokeInventory(env: Readonly<Record<string, string | undefined>>, event: unknown): Promise<InventoryInvocation> {
  const saved = new Map(Object.keys(env).map((name) => [name, process.env[name]]));
  const written: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const started = Date.now();
  let result: InventoryResult | undefined;
  let error: unknown;
  try {
    await jest.isolateModulesAsync(async () => {
      const { main_handler } = await import('../../../functions/inventory/handler');
      try {
        result = await main_handler(event, { request_id: 'test-request', function_name: 'inventory' });
      } catch (thrown) {
        error = thrown;
      }
    });
  } finally {
    stdout.mockRestore();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const lines = written
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
  return { result, error, lines, wallMs: Date.now() - started };
}

export function timerEvent(time: string, triggerName = 'inventory'): Record<string, unknown> {
  return { Type: 'Timer', TriggerName: triggerName, Time: time, Message: '' };
}
