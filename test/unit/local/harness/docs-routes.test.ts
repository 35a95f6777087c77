import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDocsRoutes, isDocumentationPath } from '../../../../local/harness/docs-routes';

const DEMO = { secretId: 'AKIDLOCALEMULATORDEMOKEY000000000000', secretKey: 'LocalEmulatorDemoSecretKey000000' };
const swaggerUiDirectory = dirname(require.resolve('swagger-ui-dist/package.json'));

describe('createDocsRoutes', () => {
  let directory: string;
  let documentPath: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'docs-routes-'));
    documentPath = join(directory, 'openapi.json');
    writeFileSync(documentPath, JSON.stringify({ openapi: '3.1.0', servers: [{ url: 'http://127.0.0.1:8001' }], paths: { '/api/regions': {} } }));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the built document with a relative server, so "try it out" calls the harness the page came from', async () => {
    const reply = await createDocsRoutes({ documentPath }).reply('GET', '/api/openapi.json', 'req-1');

    expect(reply?.statusCode).toBe(200);
    expect(reply?.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply?.body.toString() ?? '')).toEqual({
      openapi: '3.1.0',
      servers: [{ url: '/', description: 'This harness' }],
      paths: { '/api/regions': {} },
    });
  });

  it('answers 503 naming the build when the document has not been built', async () => {
    const reply = await createDocsRoutes({ documentPath: join(directory, 'missing.json') }).reply('GET', '/api/openapi.json', 'req-2');

    expect(reply?.statusCode).toBe(503);
    expect(JSON.parse(reply?.body.toString() ?? '')).toEqual({
      error: { code: 'DocumentNotBuilt', message: `The OpenAPI document ${join(directory, 'missing.json')} is missing: run npm run build` },
      requestId: 'req-2',
    });
  });

  it.each(['/docs', '/docs/'])('serves the page at %s, loading Swagger UI from the harness itself', async (path) => {
    const reply = await createDocsRoutes({ documentPath }).reply('GET', path, 'req-3');
    const html = reply?.body.toString() ?? '';

    expect(reply?.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(html).toContain('<script src="/docs/swagger-ui-bundle.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/docs/swagger-ui.css">');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it.each([
    ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['swagger-ui.css', 'text/css; charset=utf-8'],
    ['favicon-32x32.png', 'image/png'],
  ])('serves %s from the local swagger-ui-dist install', async (name, contentType) => {
    const reply = await createDocsRoutes({ documentPath }).reply('GET', `/docs/${name}`, 'req-4');

    expect(reply?.headers['Content-Type']).toBe(contentType);
    expect(reply?.body.equals(readFileSync(join(swaggerUiDirectory, name)))).toBe(true);
  });

  it('pre-fills Basic authorization with the demo pair when given one', async () => {
    const reply = await createDocsRoutes({ documentPath, demoCredentials: DEMO }).reply('GET', '/docs/swagger-initializer.js', 'req-5');
    const script = reply?.body.toString() ?? '';

    expect(script).toContain(`ui.preauthorizeBasic('basicAuth', "${DEMO.secretId}", "${DEMO.secretKey}");`);
    expect(script).toContain('url: "/api/openapi.json"');
  });

  it('pre-fills nothing without demo credentials', async () => {
    const reply = await createDocsRoutes({ documentPath }).reply('GET', '/docs/swagger-initializer.js', 'req-6');

    expect(reply?.body.toString()).not.toContain('preauthorize');
  });

  it.each(['POST', 'PUT', 'DELETE'])('answers %s on a documentation path with 405 and Allow', async (method) => {
    const reply = await createDocsRoutes({ documentPath }).reply(method, '/api/openapi.json', 'req-7');

    expect(reply?.statusCode).toBe(405);
    expect(reply?.headers.Allow).toBe('GET, OPTIONS');
    expect(JSON.parse(reply?.body.toString() ?? '')).toMatchObject({ error: { code: 'MethodNotAllowed' }, requestId: 'req-7' });
  });

  it('answers OPTIONS with 204 and Allow, as function paths do', async () => {
    const reply = await createDocsRoutes({ documentPath }).reply('OPTIONS', '/docs', 'req-8');

    expect(reply).toEqual({ statusCode: 204, headers: { Allow: 'GET, OPTIONS' }, body: Buffer.alloc(0) });
  });

  it.each(['/api/regions', '/docs/package.json', '/docs/../package.json', '/docs/swagger-ui-bundle.js.map', '/api/openapi.yaml'])(
    'leaves %s to the function routes (not a file it serves)',
    async (path) => {
      expect(await createDocsRoutes({ documentPath }).reply('GET', path, 'req-9')).toBeUndefined();
    },
  );
});

describe('isDocumentationPath', () => {
  it.each([
    ['/api/openapi.json', true],
    ['/docs', true],
    ['/docs/swagger-ui.css', true],
    ['/api/regions', false],
    ['/api/openapi', false],
    ['/documents', false],
  ])('%s → %s', (path, reserved) => {
    expect(isDocumentationPath(path)).toBe(reserved);
  });
});
