/**
 * The inventory function, fired by an SCF timer trigger (reference §6.5; serverless.yml `inventory`):
 * records every region's zones, images and instance types as a snapshot, diffs it against the
 * previous one, and logs one summary line. Progress lines (`region inventoried`) come first, one per
 * region.
 */
import { createCvmSession } from '../../lib/cvm/cvm-session';
import { timerHandler } from '../../lib/timer/timer-handler';
import { createInventoryCvm } from './cvm-calls';
import { collectInventory } from './fan-out';
import { openInventoryStore } from './open-store';
import { recordInventoryRun, type RunRecord } from './record-run';
import { readInventorySettings } from './settings';

/**
 * Time kept back from SCF's deadline: calls in flight may still take their full timeout, then the
 * snapshot and diff must be written.
 */
const WRITE_RESERVE_MS = 10_000;

export interface InventoryResult extends RunRecord {
  readonly calls: number;
  readonly retries: number;
  readonly durationMs: number;
}

export const main_handler = timerHandler<InventoryResult>({
  handle: async ({ event, config, credentials, log, remainingTimeMs }) => {
    const startedAt = Date.now();
    const settings = readInventorySettings(process.env);
    const cvm = createInventoryCvm({
      session: createCvmSession({ config, credentials, log }),
      log,
      imagesPageConcurrency: config.imagesPageConcurrency,
      maxRetries: settings.maxRetries,
      retryBaseDelayMs: settings.retryBaseDelayMs,
      deadlineAt: startedAt + remainingTimeMs() - config.cvmRequestTimeoutMs - WRITE_RESERVE_MS,
    });
    const record = await recordInventoryRun({
      store: openInventoryStore(settings.store, credentials),
      event,
      log,
      collect: () =>
        collectInventory(cvm, {
          concurrency: settings.concurrency,
          onRegionDone: (progress) => log.info('region inventoried', { progress }),
        }),
    });
    const result = { ...record, calls: cvm.stats.calls, retries: cvm.stats.retries, durationMs: Date.now() - startedAt };
    log.info('inventory summary', { trigger: { name: event.triggerName, time: event.time }, ...result });
    return result;
  },
});
