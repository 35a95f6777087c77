/**
 * Shared inputs of the instance routes (api-contract.md "Routes"): instance ids and their lists, the
 * body of the four state-changing routes, and the `wait` switch. Bodies accept camelCase and the
 * earlier revision's snake_case alike (lib/schemas/aliased-object.ts).
 */
import * as z from 'zod/mini';
import { ValidationError } from '../errors/api-error';
import { aliasedObject, type AliasedOutput } from './aliased-object';
import { CREDENTIAL_PARAMETER_NAMES } from './credential-parameters';
import { patternString, region } from './primitives';

/** `ins-` and 8 lowercase letters or digits (reference §4.15); `ins-1122` is the docs' malformed example. */
const INSTANCE_ID_PATTERN = /^ins-[a-z0-9]{8}$/;
/** Start/Stop/Reboot/Terminate and DescribeInstances take at most 100 ids per call (reference §4.0). */
const MAX_INSTANCE_IDS_PER_CALL = 100;

/** The instance states of reference §4.13 that DescribeInstances can show. */
const INSTANCE_STATES = [
  'PENDING',
  'LAUNCH_FAILED',
  'RUNNING',
  'STOPPED',
  'STARTING',
  'STOPPING',
  'REBOOTING',
  'SHUTDOWN',
  'TERMINATING',
  'ENTER_RESCUE_MODE',
  'RESCUE_MODE',
  'EXIT_RESCUE_MODE',
  'ENTER_SERVICE_LIVE_MIGRATE',
  'SERVICE_LIVE_MIGRATE',
  'EXIT_SERVICE_LIVE_MIGRATE',
] as const;

/**
 * Body keys that hold the caller's credentials (lib/credentials reads them from the same body): accepted
 * by every instance body and dropped before a handler sees its input.
 */
const CREDENTIAL_BODY_KEYS = CREDENTIAL_PARAMETER_NAMES;

/** @example z.safeParse(instanceId, 'ins-r8hr2upy').success // true */
const instanceId = patternString(INSTANCE_ID_PATTERN, 'an instance id such as ins-r8hr2upy');

function listText(issue: { readonly input?: unknown }): string {
  return issue.input === undefined ? 'is required' : 'must be an array of instance ids';
}

/**
 * 1 to 100 distinct instance ids.
 *
 * @example
 * z.safeParse(instanceIdList, ['ins-r8hr2upy', 'ins-5d8a23rs']).success // true
 * z.safeParse(instanceIdList, []).success // false: 'must list at least one instance id'
 */
const instanceIdList = z.array(instanceId, { error: listText }).check(
  z.minLength(1, 'must list at least one instance id'),
  z.maxLength(MAX_INSTANCE_IDS_PER_CALL, `must list at most ${MAX_INSTANCE_IDS_PER_CALL} instance ids (the CVM API's limit per call)`),
  z.superRefine((ids, context) => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: [index], message: `repeats ${id}`, input: id });
    });
  }),
);

/** A JSON boolean. */
const bodyBoolean = z.boolean({ error: 'must be true or false' });

/**
 * A whole number from `min` to `max` in a JSON body, given as a number or a digit string: the responses
 * carry numbers as strings, so callers may echo them so.
 *
 * @example
 * z.safeParse(bodyInteger(1, 100), '3') // { success: true, data: 3 }
 */
function bodyInteger(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d{1,9}$/, message))], {
      error: (issue) => (issue.input === undefined ? 'is required' : message),
    }),
    z.pipe(
      z.transform((value: number | string) => Number(value)),
      z.number().check(z.int(message), z.minimum(min, message), z.maximum(max, message)),
    ),
  );
}

/** `true`/`false` (or `1`/`0`) in a query string. */
const queryBoolean = z.pipe(
  z.enum(['true', 'false', '1', '0'], 'must be true or false'),
  z.transform((value) => value === 'true' || value === '1'),
);

/**
 * The query of the routes that can wait for the instances to settle (create, start, stop, terminate):
 * `?wait=true` and nothing else, so a body field sent in the query (`?dryRun=true`) is refused, not ignored.
 */
const waitQuery = z.strictObject({ wait: z.optional(queryBoolean) });
export type WaitQuery = z.output<typeof waitQuery>;

/**
 * The body of a state-changing route: credentials, `region`, `instanceIds` (or `instance_ids`), and the
 * action's own fields.
 *
 * @example
 * const stopBody = instanceActionBody({ stopType: z.optional(z.enum(['SOFT', 'HARD', 'SOFT_FIRST'])) });
 */
function instanceActionBody<S extends Readonly<Record<string, z.ZodMiniType>>>(fields: S) {
  return aliasedObject({ region, instanceIds: instanceIdList, ...fields }, { ignoredKeys: CREDENTIAL_BODY_KEYS });
}

export type InstanceActionBody<S extends Readonly<Record<string, z.ZodMiniType>>> = AliasedOutput<
  { region: typeof region; instanceIds: typeof instanceIdList } & S
>;

/**
 * `wait` was asked for, in the query string or the body. Both may carry it, but not with different
 * values: which one the caller meant cannot be told, so that is a 400 naming `wait`. Call it before the
 * operation, so the refusal changes nothing.
 *
 * @example
 * waitRequested({ wait: true }, {}) // true
 * waitRequested({ wait: false }, { wait: true }) // throws ValidationError naming wait
 */
function waitRequested(query: WaitQuery, body: { readonly wait?: boolean | undefined }): boolean {
  if (query.wait !== undefined && body.wait !== undefined && query.wait !== body.wait) {
    throw new ValidationError([
      { field: 'wait', message: `is ${String(query.wait)} in the query string but ${String(body.wait)} in the body: send one, or the same value in both` },
    ]);
  }
  return query.wait === true || body.wait === true;
}

export {
  CREDENTIAL_BODY_KEYS,
  INSTANCE_ID_PATTERN,
  INSTANCE_STATES,
  MAX_INSTANCE_IDS_PER_CALL,
  bodyBoolean,
  bodyInteger,
  instanceActionBody,
  instanceId,
  instanceIdList,
  queryBoolean,
  waitQuery,
  waitRequested,
};
