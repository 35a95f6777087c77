/**
 * Bodies of the control API, validated at the edge. `parseControlBody` turns the first problem into
 * a `ControlRequestError` naming the offending field (answered as HTTP 400).
 */
import * as z from 'zod/mini';
import type { CvmService } from '../services/cvm/service';
import { FAULT_KINDS, type FaultSpec } from './faults';

export class ControlRequestError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ControlRequestError';
  }
}

const nonEmptyString = z.string().check(z.minLength(1));
const nonNegativeInt = z.int().check(z.minimum(0));
const ONE_HOUR_MS = 3_600_000;

export const lifecycleSchema = z.strictObject({
  transitionMs: nonNegativeInt.check(z.maximum(ONE_HOUR_MS)),
  terminatedRetentionMs: nonNegativeInt.check(z.maximum(ONE_HOUR_MS)),
});

export const faultSchema = z.strictObject({
  action: nonEmptyString,
  region: z.optional(nonEmptyString),
  kind: z.enum(FAULT_KINDS),
  latencyMs: z.optional(nonNegativeInt.check(z.maximum(600_000))),
  code: z.optional(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/))),
  message: z.optional(z.string().check(z.maxLength(1000))),
  status: z.optional(z.int().check(z.minimum(500), z.maximum(599))),
  rate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  times: z.optional(z.int().check(z.minimum(1))),
});

export const rateLimitsSchema = z.strictObject({
  enabled: z.optional(z.boolean()),
  perSecond: z.optional(z.record(nonEmptyString, z.int().check(z.minimum(1), z.maximum(100_000)))),
});

const region = nonEmptyString;
const zone = nonEmptyString;

export const catalogueChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('addImage'), region, image: z.record(z.string(), z.unknown()) }),
  z.strictObject({ kind: z.literal('removeImage'), region, imageId: nonEmptyString }),
  z.strictObject({ kind: z.literal('addInstanceType'), region, zone, instanceType: nonEmptyString }),
  z.strictObject({ kind: z.literal('removeInstanceType'), region, zone, instanceType: nonEmptyString }),
  z.strictObject({ kind: z.literal('addZone'), region, zone, zoneName: nonEmptyString }),
  z.strictObject({ kind: z.literal('removeZone'), region, zone }),
  z.strictObject({
    kind: z.literal('seedPrivateImages'),
    accountId: nonEmptyString,
    region,
    count: z.int().check(z.minimum(1), z.maximum(10_000)),
  }),
]);

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): { field: string | undefined; message: string } {
  const path = issue.path.map(String).join('.');
  const field = path === '' ? undefined : path;
  const subject = field === undefined ? 'the body' : `\`${field}\``;
  switch (issue.code) {
    case 'invalid_type':
      return {
        field,
        message:
          valueAt(body, issue.path) === undefined ? `${subject} is required` : `${subject} must be of type ${issue.expected}`,
      };
    case 'invalid_value':
      return { field, message: `${subject} must be one of ${issue.values.map(String).join(', ')}` };
    case 'too_small':
      return { field, message: `${subject} must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters long' : ''}` };
    case 'too_big':
      return { field, message: `${subject} must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters long' : ''}` };
    case 'unrecognized_keys': {
      const name = [...(field === undefined ? [] : [field]), issue.keys[0] ?? ''].join('.');
      return { field: name, message: `\`${name}\` is not a known field` };
    }
    case 'invalid_format':
      return { field, message: `${subject} has an invalid format` };
    case 'invalid_union':
      return { field, message: `${subject} does not match any accepted form` };
    default:
      return { field, message: `${subject} is invalid` };
  }
}

export function parseControlBody<Output>(schema: z.ZodMiniType<Output>, body: unknown): Output {
  const result = schema.safeParse(body);
  if (result.success) {
    return result.data;
  }
  const [issue] = result.error.issues;
  const { field, message } = issue === undefined ? { field: undefined, message: 'the body is invalid' } : describeIssue(issue, body);
  throw new ControlRequestError(field, message);
}

/** Cross-field rules the object schema cannot express: each option belongs to one kind. */
export function toFaultSpec(body: z.infer<typeof faultSchema>): FaultSpec {
  if (body.kind === 'latency' && body.latencyMs === undefined) {
    throw new ControlRequestError('latencyMs', '`latencyMs` is required for a latency fault');
  }
  if (body.kind === 'error' && body.code === undefined) {
    throw new ControlRequestError('code', '`code` is required for an error fault');
  }
  const optionKinds: ReadonlyArray<[keyof typeof body, string]> = [
    ['latencyMs', 'latency'],
    ['code', 'error'],
    ['message', 'error'],
    ['status', 'http5xx'],
  ];
  for (const [option, kind] of optionKinds) {
    if (body[option] !== undefined && body.kind !== kind) {
      throw new ControlRequestError(option, `\`${option}\` applies only to a ${kind} fault`);
    }
  }
  return body;
}

/**
 * Action names a control body refers to (rate limits per action) must be actions the emulator
 * implements: a typo would otherwise be accepted and never match a call.
 */
export function requireKnownActions(names: readonly string[], actions: ReadonlySet<string>, field: string): void {
  const unknown = names.find((name) => !actions.has(name));
  if (unknown !== undefined) {
    throw new ControlRequestError(`${field}.${unknown}`, `\`${unknown}\` is not an action of the emulator (${[...actions].join(', ')})`);
  }
}

/** A fault's `action` is `*` or an implemented action, and its `region`, when given, a known region. */
export function requireKnownFaultTarget(spec: FaultSpec, service: Pick<CvmService, 'actions' | 'regions'>): void {
  if (spec.action !== '*' && !service.actions.has(spec.action)) {
    throw new ControlRequestError('action', `\`action\` must be * or an action of the emulator (${[...service.actions].join(', ')})`);
  }
  if (spec.region !== undefined && !service.regions.has(spec.region)) {
    throw new ControlRequestError('region', `\`region\` ${spec.region} is not a region of the emulator`);
  }
}
