import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errorReply } from './error-reply';
import type { HttpReply } from './integrated-response';

/**
 * The API's description on the harness, beside the function routes: GET /api/openapi.json (the
 * document `npm run build` wrote to dist/openapi.json) and GET /docs, a Swagger UI page with "try it
 * out". Swagger UI comes from the local install of swagger-ui-dist, never a CDN. No function route
 * lives on these paths (a contract test checks it), so answering them first changes no 404/405.
 */

export interface DemoCredentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface DocsRoutesOptions {
  /** The generated document, e.g. dist/openapi.json. */
  readonly documentPath: string;
  /**
   * Pre-fills the page's Basic authorization, so "try it out" works at once. Only for the emulator's
   * demo pair (a documented, public test key): never pass real keys, the page would show them.
   */
  readonly demoCredentials?: DemoCredentials;
}

export interface DocsRoutes {
  /** The reply when `path` is one of the documentation paths, else `undefined`. */
  reply(method: string, path: string, requestId: string): Promise<HttpReply | undefined>;
}

const DOCUMENT_PATH = '/api/openapi.json';
const PAGE_PATHS = new Set(['/docs', '/docs/']);
const INITIALIZER_PATH = '/docs/swagger-initializer.js';
const ASSET_PREFIX = '/docs/';
const ALLOWED_METHODS = 'GET, OPTIONS';

/** The swagger-ui-dist files the page loads; nothing else of the package directory is reachable. */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>CVM REST facade — API documentation</title>
  <link rel="stylesheet" href="${ASSET_PREFIX}swagger-ui.css">
  <link rel="icon" type="image/png" href="${ASSET_PREFIX}favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${ASSET_PREFIX}swagger-ui-bundle.js"></script>
  <script src="${INITIALIZER_PATH}"></script>
</body>
</html>
`;

/**
 * The page's Swagger UI set-up. With demo credentials, `preauthorizeBasic` fills the `basicAuth`
 * scheme of the document once it has loaded, as if the reader had used the Authorize dialog.
 */
function initializerScript(demoCredentials: DemoCredentials | undefined): string {
  const preauthorize =
    demoCredentials === undefined
      ? ''
      : `ui.preauthorizeBasic('basicAuth', ${JSON.stringify(demoCredentials.secretId)}, ${JSON.stringify(demoCredentials.secretKey)});`;
  return `window.onload = function () {
  var ui = SwaggerUIBundle({
    url: ${JSON.stringify(DOCUMENT_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    onComplete: function () { ${preauthorize} }
  });
  window.ui = ui;
};
`;
}

/**
 * True for every path reserved for the documentation: the document, the page and anything under
 * /docs/ (a function route there could be shadowed by a page asset; a contract test keeps them apart).
 *
 * @example
 * isDocumentationPath('/docs/swagger-ui.css') // true
 * isDocumentationPath('/api/regions') // false
 */
function isDocumentationPath(path: string): boolean {
  return path === DOCUMENT_PATH || PAGE_PATHS.has(path) || path.startsWith(ASSET_PREFIX);
}

/** swagger-ui-dist's directory, found through Node's resolution from wherever the harness runs. */
function swaggerUiDirectory(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

function ok(contentType: string, body: Buffer | string): HttpReply {
  return { statusCode: 200, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache' }, body: Buffer.from(body) };
}

/**
 * The built document, served with a relative server URL: "try it out" then calls the harness the page
 * came from, whatever host and port it listens on, and stays same-origin.
 */
async function documentReply(documentPath: string, requestId: string): Promise<HttpReply> {
  let text: string;
  try {
    text = await readFile(documentPath, 'utf8');
  } catch {
    return errorReply(503, 'DocumentNotBuilt', `The OpenAPI document ${documentPath} is missing: run npm run build`, requestId);
  }
  const document = JSON.parse(text) as Record<string, unknown>;
  const served = { ...document, servers: [{ url: '/', description: 'This harness' }] };
  return ok('application/json; charset=utf-8', JSON.stringify(served));
}

function createDocsRoutes(options: DocsRoutesOptions): DocsRoutes {
  const assets = new Map<string, Buffer>();

  async function assetReply(name: string, contentType: string): Promise<HttpReply> {
    let body = assets.get(name);
    if (body === undefined) {
      body = await readFile(join(swaggerUiDirectory(), name));
      assets.set(name, body);
    }
    return ok(contentType, body);
  }

  /** What serves `path`, or `undefined` when it is not a documentation path. */
  function servingFor(path: string, requestId: string): (() => Promise<HttpReply>) | undefined {
    if (path === DOCUMENT_PATH) return () => documentReply(options.documentPath, requestId);
    if (PAGE_PATHS.has(path)) return async () => ok('text/html; charset=utf-8', PAGE);
    if (path === INITIALIZER_PATH) return async () => ok('text/javascript; charset=utf-8', initializerScript(options.demoCredentials));
    const assetName = path.startsWith(ASSET_PREFIX) ? path.slice(ASSET_PREFIX.length) : '';
    const contentType = ASSET_TYPES[assetName];
    return contentType === undefined ? undefined : () => assetReply(assetName, contentType);
  }

  return {
    async reply(method, path, requestId) {
      const serve = servingFor(path, requestId);
      if (serve === undefined) return undefined;
      // The same answers as on a function route's path (local/harness/route-match.ts).
      if (method === 'OPTIONS') return { statusCode: 204, headers: { Allow: ALLOWED_METHODS }, body: Buffer.alloc(0) };
      if (method !== 'GET') {
        const message = `${method} is not allowed on ${path}; allowed: ${ALLOWED_METHODS}`;
        return errorReply(405, 'MethodNotAllowed', message, requestId, { Allow: ALLOWED_METHODS });
      }
      return serve();
    },
  };
}

export { DOCUMENT_PATH, createDocsRoutes, isDocumentationPath };
