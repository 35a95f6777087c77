/**
 * Keeps secrets out of log lines, error messages and responses. Two complementary guards:
 * - by key, every property whose name says it holds a secret is replaced, at any depth;
 * - by value: the secrets of the current request (its SecretKey and token) are cut out of every string,
 *   wherever they ended up (an upstream message, a transport error that quotes a header …).
 * Signing material is masked in any string as well, whoever's it is: a whole TC3 `Authorization` value
 * (`TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`, reference §2.4), and any `Signature=`
 * or `Credential=` fragment (an SDK or upstream message quoting a header or a signed URL).
 */

const REDACTED = '[REDACTED]';

/** Property names that hold secrets, compared without case, `_` and `-`: secretKey, secret_key, X-TC-Token … */
const SECRET_KEY_NAMES = new Set([
  'secretkey',
  'token',
  'sessiontoken',
  'xtctoken',
  'securitytoken',
  'authorization',
  'signature',
  'password',
  'tencentcloudsecretkey',
  'tencentcloudsessiontoken',
]);

/** Shorter values would mask ordinary words; real SecretKeys are 32 characters (reference §1.2). */
const MIN_SCRUBBED_SECRET_LENGTH = 8;
/** The algorithm, then its comma-separated `name=value` pairs (a value ends at a space, comma or quote), else one token. */
const TC3_AUTHORIZATION = /TC3-HMAC-SHA256\s+(?:[A-Za-z]+=[^\s,"']*(?:,\s*[A-Za-z]+=[^\s,"']*)*|[^\s,"']+)/g;
/** `Signature=`, `q-signature=`, `Credential=` … (as Tencent and COS spell them) with whatever value follows. */
const SIGNING_FRAGMENT = /([Ss]ignature|[Cc]redential)=[^\s,;&"'<>]+/g;
const MAX_DEPTH = 20;

function isSecretKeyName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_KEY_NAMES.has(lower.includes('-') || lower.includes('_') ? lower.replace(/[-_]/g, '') : lower);
}

function maskSigning(text: string): string {
  return text.replace(TC3_AUTHORIZATION, `TC3-HMAC-SHA256 ${REDACTED}`).replace(SIGNING_FRAGMENT, `$1=${REDACTED}`);
}

/**
 * Replaces every occurrence of each secret in `text`, and any signing material.
 *
 * @example
 * scrubText('bad key LocalEmulatorDemoSecretKey000000', ['LocalEmulatorDemoSecretKey000000']) // 'bad key [REDACTED]'
 * scrubText('Authorization: TC3-HMAC-SHA256 Credential=AKID…, SignedHeaders=host, Signature=2230ee…', []) // 'Authorization: TC3-HMAC-SHA256 [REDACTED]'
 */
function scrubText(text: string, secrets: readonly string[]): string {
  // Every log line passes each of its strings through here: look before rewriting (hot path, bench/).
  const signing = text.includes('ignature=') || text.includes('redential=') || text.includes('TC3-HMAC-SHA256');
  let scrubbed = signing ? maskSigning(text) : text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SCRUBBED_SECRET_LENGTH && scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}

/**
 * Arrays and plain objects that need no change are returned as they are (every log line passes through
 * here, and most hold nothing to redact: bench/, warm path); anything else is copied, so that no
 * prototype, getter or `toJSON` of the original reaches `JSON.stringify`.
 */
function redactAt(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return redactArray(value, secrets, depth);
  if (value instanceof Error) {
    return redactAt({ name: value.name, message: value.message, code: codeOf(value) }, secrets, depth + 1);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return redactFields(value as Readonly<Record<string, unknown>>, secrets, depth, prototype !== Object.prototype && prototype !== null);
}

function redactArray(items: readonly unknown[], secrets: readonly string[], depth: number): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    const safe = redactAt(item, secrets, depth + 1);
    if (copy === undefined && safe !== item) copy = items.slice(0, index);
    copy?.push(safe);
  }
  return copy ?? items;
}

function redactFields(
  fields: Readonly<Record<string, unknown>>,
  secrets: readonly string[],
  depth: number,
  alwaysCopy: boolean,
): Readonly<Record<string, unknown>> {
  const keys = Object.keys(fields);
  let copy: Record<string, unknown> | undefined = alwaysCopy ? {} : undefined;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    const value = fields[key];
    const safe = isSecretKeyName(key) ? REDACTED : redactAt(value, secrets, depth + 1);
    if (copy === undefined && safe !== value) {
      copy = {};
      for (const earlier of keys.slice(0, index)) copy[earlier] = fields[earlier];
    }
    if (copy !== undefined) copy[key] = safe;
  }
  return copy ?? fields;
}

function codeOf(error: Error): unknown {
  return 'code' in error ? error.code : undefined;
}

/**
 * `value` made safe to log: secret-named keys replaced, secret values scrubbed from strings, errors
 * reduced to name, message and code (never their stack or attached request objects). Parts that need
 * no change may be shared with `value` rather than copied: treat the result as read-only.
 *
 * @example
 * redact({ query: { secretKey: 'abc', region: 'ap-guangzhou' } }, []) // { query: { secretKey: '[REDACTED]', region: 'ap-guangzhou' } }
 */
function redact(value: unknown, secrets: readonly string[]): unknown {
  return redactAt(value, secrets, 0);
}

/**
 * `redact` for the value of one field of a line the logger builds: the same depth budget as if the
 * whole line had gone through `redact`.
 */
function redactFieldValue(value: unknown, secrets: readonly string[]): unknown {
  return redactAt(value, secrets, 1);
}

export { REDACTED, isSecretKeyName, redact, redactFieldValue, scrubText };
