/**
 * A strict JSON-body object whose multi-word keys are accepted in camelCase and in snake_case. The
 * earlier revision of the instance routes spelled its bodies in snake_case (`instance_ids`,
 * `systemDisk.disk_size`, api-contract.md "Request inputs"); both spellings must keep working. Each
 * problem names the key as the caller spelled it; sending both spellings of one key is a 400, and so is
 * any key the route does not know (a misspelt `instanceCont` must not silently buy one instance).
 */
import * as z from 'zod/mini';

type Shape = Readonly<Record<string, z.ZodMiniType>>;

/** The parsed value: the camelCase keys only, as `z.strictObject(shape)` would give them. */
export type AliasedOutput<S extends Shape> = z.output<z.ZodMiniObject<{ -readonly [K in keyof S]: S[K] }, z.core.$strict>>;

export interface AliasedObjectOptions {
  /**
   * Keys accepted and dropped: the credentials that share POST/PUT bodies with the route's input
   * (lib/credentials), so that they never reach a handler.
   */
  readonly ignoredKeys?: readonly string[];
  /**
   * Completes "must be …" when the value is not an object (`a {key, value} object`); without it the
   * message says `must be an object` (lib/schemas/validate.ts).
   */
  readonly description?: string;
}

interface Alias {
  readonly key: string;
  readonly snakeKey: string;
  readonly required: boolean;
}

/**
 * @example
 * snakeCaseOf('internetMaxBandwidthOut') // 'internet_max_bandwidth_out'
 */
function snakeCaseOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @example
 * const systemDisk = aliasedObject({ diskType: z.optional(z.string()), diskSize: z.optional(z.number()) });
 * z.parse(systemDisk, { disk_size: 50 }) // { diskSize: 50 }
 */
function aliasedObject<S extends Shape>(shape: S, options: AliasedObjectOptions = {}): z.ZodMiniType<AliasedOutput<S>> {
  const aliases: Alias[] = [];
  const acceptedShape: Record<string, z.ZodMiniType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const snakeKey = snakeCaseOf(key);
    if (snakeKey === key) {
      acceptedShape[key] = schema;
      continue;
    }
    // Either spelling may carry the value, so neither is required by itself; the check below is.
    aliases.push({ key, snakeKey, required: schema._zod.optin !== 'optional' });
    acceptedShape[key] = z.optional(schema);
    acceptedShape[snakeKey] = z.optional(schema);
  }
  for (const key of options.ignoredKeys ?? []) acceptedShape[key] = z.optional(z.unknown());

  const description = options.description;
  const notAnObject =
    description === undefined
      ? undefined
      : (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_type' && issue.input !== undefined ? `must be ${description}` : undefined);
  const accepted = z.strictObject(acceptedShape, notAnObject === undefined ? undefined : { error: notAnObject }).check(
    z.superRefine(
      (value, context) => {
        for (const alias of aliases) {
          const hasKey = value[alias.key] !== undefined;
          const hasSnakeKey = value[alias.snakeKey] !== undefined;
          if (hasKey && hasSnakeKey) {
            context.addIssue({ code: 'custom', path: [alias.snakeKey], message: `repeats ${alias.key}: send one of the two spellings`, input: value });
          } else if (alias.required && !hasKey && !hasSnakeKey) {
            context.addIssue({ code: 'custom', path: [alias.key], message: 'is required', input: value });
          }
        }
      },
      // Also when other keys failed, so one answer names every problem; only key presence is read here.
      { when: (payload) => isRecord(payload.value) },
    ),
  );

  const snakeKeys = new Map(aliases.map((alias) => [alias.key, alias.snakeKey]));
  return z.pipe(
    accepted,
    z.transform((value: Readonly<Record<string, unknown>>): AliasedOutput<S> => {
      const output: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const snakeKey = snakeKeys.get(key);
        const given = value[key] ?? (snakeKey === undefined ? undefined : value[snakeKey]);
        if (given !== undefined) output[key] = given;
      }
      // The strict schema above parsed exactly these keys with `shape`'s schemas; ignored keys stay behind.
      return output as AliasedOutput<S>;
    }),
  );
}

export { aliasedObject, snakeCaseOf };
