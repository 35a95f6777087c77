import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { LogRecord } from './log-capture';

/**
 * What `npm run inventory` prints: one line per region as the function's `region inventoried` log
 * lines arrive, then where the snapshot and the diff went and what changed. The function's result and
 * log lines are read through schemas: they are another program's output.
 */

const progressSchema = z.object({
  region: z.string(),
  status: z.enum(['ok', 'failed']),
  durationMs: z.number(),
  done: z.number(),
  total: z.number(),
  zones: z.optional(z.number()),
  images: z.optional(z.number()),
  instanceTypes: z.optional(z.number()),
  code: z.optional(z.string()),
});

const countsSchema = z.object({
  total: z.number(),
  regionsAdded: z.number(),
  regionsRemoved: z.number(),
  zonesAdded: z.number(),
  zonesRemoved: z.number(),
  imagesAdded: z.number(),
  imagesRemoved: z.number(),
  instanceTypesAdded: z.number(),
  instanceTypesRemoved: z.number(),
});

const resultSchema = z.object({
  runId: z.string(),
  outcome: z.enum(['recorded', 'alreadyRecorded', 'diffRecovered', 'conflict']),
  snapshot: z.string(),
  diff: z.string(),
  previousRunId: z.nullable(z.string()),
  regions: z.optional(
    z.object({ total: z.number(), ok: z.number(), failed: z.array(z.object({ region: z.string(), code: z.string() })) }),
  ),
  changes: z.optional(countsSchema),
  calls: z.number(),
  retries: z.number(),
  durationMs: z.number(),
});

export type InventoryRunResult = z.infer<typeof resultSchema>;

const failureSchema = z.object({ msg: z.literal('timer invocation failed'), code: z.optional(z.string()), message: z.optional(z.string()) });

export interface Palette {
  ok(text: string): string;
  failed(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Palette = { ok: (text) => text, failed: (text) => text, dim: (text) => text };
export const ANSI: Palette = {
  ok: (text) => `\u001b[32m${text}\u001b[39m`,
  failed: (text) => `\u001b[31m${text}\u001b[39m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

/** The progress line for a `region inventoried` log record, or undefined for any other record. */
function progressLine(record: LogRecord, palette: Palette): string | undefined {
  if (record.msg !== 'region inventoried') return undefined;
  const parsed = z.safeParse(progressSchema, record.progress);
  if (!parsed.success) return undefined;
  const progress = parsed.data;
  const width = String(progress.total).length;
  const counter = `[${String(progress.done).padStart(width)}/${progress.total}]`;
  const region = progress.region.padEnd(18);
  const timing = palette.dim(`${progress.durationMs} ms`);
  if (progress.status === 'failed') {
    return `  ${counter} ${region} ${palette.failed('FAILED')}  ${progress.code ?? ''}  ${timing}`;
  }
  const counts = `${String(progress.zones ?? 0).padStart(2)} zones ${String(progress.images ?? 0).padStart(4)} images ${String(progress.instanceTypes ?? 0).padStart(4)} types`;
  return `  ${counter} ${region} ${palette.ok('ok')}      ${counts}  ${timing}`;
}

/** The failure the function logged before it threw, as `code: message`. */
function failureText(record: LogRecord): string | undefined {
  const parsed = z.safeParse(failureSchema, record);
  return parsed.success ? `${parsed.data.code ?? 'Error'}: ${parsed.data.message ?? ''}` : undefined;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function changesText(result: InventoryRunResult): string {
  const changes = result.changes;
  if (changes === undefined) return 'not compared (nothing was collected)';
  if (result.previousRunId === null) return `first run: ${plural(changes.regionsAdded, 'region')} recorded`;
  if (changes.total === 0) return `no changes since ${result.previousRunId}`;
  const parts = [
    [changes.regionsAdded, 'region', 'added'],
    [changes.regionsRemoved, 'region', 'removed'],
    [changes.zonesAdded, 'zone', 'added'],
    [changes.zonesRemoved, 'zone', 'removed'],
    [changes.imagesAdded, 'image', 'added'],
    [changes.imagesRemoved, 'image', 'retired'],
    [changes.instanceTypesAdded, 'instance type', 'added'],
    [changes.instanceTypesRemoved, 'instance type', 'removed'],
  ] as const;
  const listed = parts.filter(([count]) => count > 0).map(([count, noun, verb]) => `${plural(count, noun)} ${verb}`);
  return `${listed.join(', ')} since ${result.previousRunId}`;
}

const OUTCOME_TEXT: Readonly<Record<InventoryRunResult['outcome'], string>> = {
  recorded: 'recorded',
  alreadyRecorded: 'already recorded for this firing; nothing collected or written',
  diffRecovered: 'already recorded; its missing diff was written',
  conflict: 'another run recorded this firing first; nothing written',
};

/** Where a store location points, absolute for files. */
const printable = (location: string): string => (location.startsWith('cos://') ? location : resolve(location));

/** The closing lines, or an Error naming what is wrong with the result. */
function summaryLines(value: unknown, palette: Palette): string[] {
  const parsed = z.safeParse(resultSchema, value);
  if (!parsed.success) throw new Error('the inventory function returned a result this tool does not understand');
  const result = parsed.data;
  const lines = [`Run ${result.runId}: ${OUTCOME_TEXT[result.outcome]}`];
  if (result.regions !== undefined) {
    const failed = result.regions.failed.map((entry) => `${entry.region} ${entry.code}`).join(', ');
    lines.push(
      `  regions: ${result.regions.ok} of ${result.regions.total} ok` +
        (failed === '' ? '' : `; ${palette.failed(`failed: ${failed}`)}`) +
        palette.dim(`  (${result.calls} calls, ${result.retries} retries, ${result.durationMs} ms)`),
    );
  }
  lines.push(`  changes: ${changesText(result)}`, `Snapshot: ${printable(result.snapshot)}`, `Diff:     ${printable(result.diff)}`);
  return lines;
}

export { failureText, progressLine, summaryLines };
