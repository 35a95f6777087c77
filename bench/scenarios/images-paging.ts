/**
 * /api/images over many pages: an account whose region holds 450 images (the emulator's public ones
 * plus seeded private ones), 100 ms of injected latency on every DescribeImages call. The route reads
 * page 1 (it gives the total), then the other pages in parallel; the figure is its wall time against
 * one page's (`limit=100`), both in the same warm container with the cache off. Sequential paging
 * would take one page's time per page.
 */
import type { InvokeResult } from '../children/protocol';
import { createBenchCvmClients } from '../cvm-client';
import { startBenchEmulator } from '../emulator-control';
import { startFunctionContainer, type FunctionContainer } from '../function-container';
import { apiGatewayEvent, DEMO_KEY_PAIR } from '../events';
import type { BenchContext, BenchScenario, ScenarioResult } from '../scenario';
import { median, ratio, rounded } from '../statistics';
import { atMost } from '../targets';

const REGION = 'ap-guangzhou';
/** The account the demo pair belongs to in this emulator, so that images can be seeded for it. */
const ACCOUNT_ID = '100000000001';
const TOTAL_IMAGES = 450;
const PAGE_SIZE = 100;
const LATENCY_MS = 100;
const SAMPLES = 5;
const MAX_RATIO = 2.5;

async function runImagesPaging(context: BenchContext): Promise<ScenarioResult> {
  const emulator = await startBenchEmulator({ credentials: `${DEMO_KEY_PAIR.secretId}:${DEMO_KEY_PAIR.secretKey}@${ACCOUNT_ID}` });
  let container: FunctionContainer | undefined;
  try {
    const cvm = createBenchCvmClients(emulator.endpoint, DEMO_KEY_PAIR);
    const publicImages = (await cvm.forRegion(REGION).DescribeImages({ Limit: 1 })).TotalCount ?? 0;
    cvm.close();
    await emulator.changeCatalogue({ kind: 'seedPrivateImages', accountId: ACCOUNT_ID, region: REGION, count: TOTAL_IMAGES - publicImages });
    await emulator.addFault({ action: 'DescribeImages', kind: 'latency', latencyMs: LATENCY_MS });
    container = await startFunctionContainer(context, {
      functionName: 'images',
      env: { CVM_ENDPOINT: emulator.endpoint, LOG_LEVEL: 'info', CACHE_ENABLED: 'false' },
      timeoutMs: 20_000,
    });
    const images = container;
    const request = (query: Record<string, string>): Promise<InvokeResult> =>
      images.invokeHttp(apiGatewayEvent({ method: 'GET', path: '/api/images', query: { ...DEMO_KEY_PAIR, region: REGION, ...query } }));
    const onePage: number[] = [];
    const allPages: number[] = [];
    let callsPerAllPages = 0;
    for (let sample = 0; sample <= SAMPLES; sample += 1) {
      context.progress(`images paging: sample ${sample}/${SAMPLES}${sample === 0 ? ' (warm-up)' : ''}`);
      const one = await request({ limit: String(PAGE_SIZE) });
      const before = await emulator.received('DescribeImages');
      const all = await request({});
      callsPerAllPages = (await emulator.received('DescribeImages')) - before;
      const body: unknown = JSON.parse(all.body);
      const count = typeof body === 'object' && body !== null && 'images' in body && Array.isArray(body.images) ? body.images.length : 0;
      if (one.statusCode !== 200 || all.statusCode !== 200 || count !== TOTAL_IMAGES) {
        throw new Error(`images paging: expected 200/200 and ${TOTAL_IMAGES} images, got ${one.statusCode}/${all.statusCode} and ${count}`);
      }
      if (sample === 0) continue;
      onePage.push(one.durationMs);
      allPages.push(all.durationMs);
    }
    const onePageMs = median(onePage);
    const allPagesMs = median(allPages);
    const pages = Math.ceil(TOTAL_IMAGES / PAGE_SIZE);
    const wallRatio = ratio(allPagesMs, onePageMs);
    return {
      name: 'images-paging',
      title: `Images of a region with ${TOTAL_IMAGES} images (${pages} pages), ${LATENCY_MS} ms injected latency per DescribeImages call`,
      method: `${SAMPLES} alternating samples per request in one warm container, cache off; median wall time of main_handler.`,
      table: {
        columns: ['request', 'upstream calls', 'median ms', '× one page'],
        rows: [
          ['one page (limit=100)', '1', onePageMs.toFixed(1), '1.00'],
          ['all pages', String(callsPerAllPages), allPagesMs.toFixed(1), wallRatio.toFixed(2)],
          ['all pages one by one (computed)', String(pages), (onePageMs * pages).toFixed(1), String(pages.toFixed(2))],
        ],
      },
      figures: {
        images: TOTAL_IMAGES,
        pages,
        latencyMs: LATENCY_MS,
        samples: SAMPLES,
        onePageMs: rounded(onePageMs, 1),
        allPagesMs: rounded(allPagesMs, 1),
        upstreamCallsPerAllPages: callsPerAllPages,
        ratio: rounded(wallRatio),
        sequentialRatio: pages,
      },
      targets: [atMost('images all pages / one page wall time', wallRatio, MAX_RATIO)],
    };
  } finally {
    await container?.stop();
    await emulator.close();
  }
}

export const imagesPagingScenario: BenchScenario = { name: 'images-paging', run: runImagesPaging };
