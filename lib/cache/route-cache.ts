/**
 * The response cache of one HTTP function in a warm container: 200 answers of a slow-changing read
 * (regions, zones, images, instance types) are kept as text for the route's TTL and served again,
 * without an upstream call, to the same caller asking for the same input.
 *
 * - Key: the route, the validated input (canonical JSON, so parameter order does not matter) and the
 *   caller's credential fingerprint (credential-fingerprint.ts: the full key pair and token, HMAC'd
 *   with a per-container secret). One caller can never be served what another caller's keys fetched.
 * - Only 200 answers are kept; errors and other statuses always go upstream again.
 * - Every answer of a cached route carries `ETag` (strong, over the body) and
 *   `Cache-Control: private, max-age=<seconds left>`; a matching `If-None-Match` is a 304 without body.
 *   `Vary` names the credential headers, so a browser keeps one copy per key pair.
 * - With the cache off (`CACHE_ENABLED=false` or a TTL of 0), answers are built exactly as uncached
 *   routes' are (`Cache-Control: no-store`, no `ETag`).
 * - A kept answer stays servable for its TTL even if its keys are revoked upstream meanwhile; the TTLs
 *   are short for that reason (cache-settings.ts).
 */
import type { Credentials } from '../credentials/resolve-credentials';
import type { HttpRequest } from '../http/http-request';
import { emptyResponse, jsonResponse, serializedJsonResponse, type IntegratedResponse } from '../http/response';
import { cacheableHeaders } from '../http/response-headers';
import { readCacheSettings, type CachedRoute, type CacheSettings } from './cache-settings';
import { canonicalJson } from './canonical-json';
import { createCredentialFingerprinter, type CredentialFingerprinter } from './credential-fingerprint';
import { ifNoneMatchMatches, strongEtag } from './etag';
import { createLruCache, type CacheHit, type LruCache } from './lru-cache';

/** A route's answer before it is rendered: its status and its body in the contract's shape. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** What identifies one answer: who asks, where, with which validated input. */
export interface RouteCacheRequest {
  readonly credentials: Pick<Credentials, 'secretId' | 'secretKey' | 'token'>;
  readonly request: Pick<HttpRequest, 'method' | 'path' | 'headers'>;
  /** The route's validated input (query and body after their schemas). */
  readonly input: unknown;
}

export interface RouteCache {
  /**
   * The answer for `request`: the kept one while fresh, else `produce()`'s (kept when it is a 200).
   * `headers` are added to every answer (`X-Request-Id`).
   */
  respond(request: RouteCacheRequest, produce: () => Promise<RouteAnswer>, headers: Readonly<Record<string, string>>): Promise<IntegratedResponse>;
}

export interface RouteCacheOptions {
  /** Whose TTL applies (cache-settings.ts). */
  readonly route: CachedRoute;
  /** Overrides `process.env` (tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  readonly fingerprint?: CredentialFingerprinter;
}

interface CachedAnswer {
  readonly body: string;
  readonly etag: string;
}

interface ActiveCache {
  readonly ttlMs: number;
  readonly entries: LruCache<CachedAnswer>;
}

/**
 * @example
 * const cache = createRouteCache({ route: 'regions' });
 * const response = await cache.respond({ credentials, request, input: query }, async () => ({ status: 200, body }), { 'X-Request-Id': id });
 */
function createRouteCache(options: RouteCacheOptions): RouteCache {
  const now = options.now ?? Date.now;
  const fingerprint = options.fingerprint ?? createCredentialFingerprinter();
  let opened: { readonly cache: ActiveCache | undefined } | undefined;

  function open(settings: CacheSettings): ActiveCache | undefined {
    const ttlSeconds = settings.ttlSeconds[options.route];
    if (!settings.enabled || ttlSeconds === 0) return undefined;
    const entries = createLruCache<CachedAnswer>({
      maxEntries: settings.maxEntries,
      maxBytes: settings.maxBytes,
      sizeOf: (answer) => Buffer.byteLength(answer.body),
      now,
    });
    return { ttlMs: ttlSeconds * 1000, entries };
  }

  /** Settings are read on first use, like lib/config.ts, so a bad value fails a request, not SCF's init. */
  function activeCache(): ActiveCache | undefined {
    opened ??= { cache: open(readCacheSettings(options.env ?? process.env)) };
    return opened.cache;
  }

  function render(hit: CacheHit<CachedAnswer>, ifNoneMatch: string | undefined, headers: Readonly<Record<string, string>>): IntegratedResponse {
    const secondsLeft = Math.max(0, Math.floor((hit.expiresAt - now()) / 1000));
    const cacheHeaders = { ...cacheableHeaders(hit.value.etag, secondsLeft), ...headers };
    return ifNoneMatchMatches(ifNoneMatch, hit.value.etag)
      ? emptyResponse(304, cacheHeaders)
      : serializedJsonResponse(200, hit.value.body, cacheHeaders);
  }

  return {
    async respond(request, produce, headers) {
      const cache = activeCache();
      if (cache === undefined) {
        const answer = await produce();
        return jsonResponse(answer.status, answer.body, headers);
      }
      const key = `${fingerprint(request.credentials)} ${request.request.method} ${request.request.path} ${canonicalJson(request.input)}`;
      const ifNoneMatch = request.request.headers['if-none-match'];
      const kept = cache.entries.get(key);
      if (kept !== undefined) return render(kept, ifNoneMatch, headers);
      const answer = await produce();
      if (answer.status !== 200) return jsonResponse(answer.status, answer.body, headers);
      const body = JSON.stringify(answer.body);
      const value = { body, etag: strongEtag(body) };
      cache.entries.set(key, value, cache.ttlMs);
      return render({ value, expiresAt: now() + cache.ttlMs }, ifNoneMatch, headers);
    },
  };
}

export { createRouteCache };
