import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { DEMO_SECRET_ID, DEMO_SECRET_KEY, type LocalStack, REPO_ROOT, startLocalStack } from '../helpers/harness';

/**
 * The documentation page in a real headless browser: /docs on a harness backed by the emulator, GET
 * /api/regions opened, "Try it out", Execute, and the regions appear in the page, fetched with the demo
 * credentials the page pre-filled. Uses Debian's chromium package through playwright-core (no browser
 * download); without /usr/bin/chromium the test is skipped and says how to install it.
 */

const CHROMIUM_PATH = '/usr/bin/chromium';
const SCREENSHOT_PATH = join(REPO_ROOT, 'test-output', 'docs-page.png');
const chromiumInstalled = existsSync(CHROMIUM_PATH);
/** Starting a browser and loading Swagger UI's 1.4 MB bundle on a busy 2-core machine. */
const BROWSER_TIMEOUT_MS = 60_000;

if (!chromiumInstalled) {
  console.warn(`docs-page.test.ts: skipped, ${CHROMIUM_PATH} is absent (install it: apt-get install -y chromium)`);
}

const describeWithChromium = chromiumInstalled ? describe : describe.skip;

describeWithChromium('documentation page in headless Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startLocalStack(),
      chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ]);
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('runs "try it out" on GET /api/regions and shows the regions the emulator answered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const requestedUrls: string[] = [];
    page.on('request', (request) => requestedUrls.push(request.url()));

    await page.goto(`${stack.url}/docs`);
    const operation = page.locator('#operations-regions-regions');
    await operation.locator('.opblock-summary-control').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    const regionsCall = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/regions');
    await operation.getByRole('button', { name: 'Execute' }).click();
    const answer = await regionsCall;
    const shownBody = operation.locator('.live-responses-table .response-col_description pre');
    await shownBody.filter({ hasText: '华南地区(广州)' }).waitFor();
    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    await operation.screenshot({ path: SCREENSHOT_PATH });

    const basic = Buffer.from(`${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}`).toString('base64');
    expect(answer.status()).toBe(200);
    expect(await answer.request().headerValue('authorization')).toBe(`Basic ${basic}`);
    expect(await shownBody.first().textContent()).toContain('"region": "ap-guangzhou"');
    expect(await shownBody.first().textContent()).toContain('"totalCount": "19"');
    expect(await operation.locator('.live-responses-table tbody .response-col_status').first().textContent()).toContain('200');
    expect(requestedUrls.every((url) => url.startsWith(stack.url))).toBe(true);
    expect(existsSync(SCREENSHOT_PATH)).toBe(true);
  }, BROWSER_TIMEOUT_MS);
});
