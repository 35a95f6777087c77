import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod/mini';

/**
 * Reads what SCF would apply to each function from serverless.yml (reference §7): timeout, memory,
 * environment variables, region and timer triggers. The file is parsed as plain YAML; the Serverless
 * Framework and the serverless-tencent-scf plugin are never loaded, because the plugin reports usage
 * over the network whenever it loads and crashes the process when offline (§7, "Usage report on load").
 */

export interface TimerTriggerSettings {
  readonly name: string;
  readonly message: string;
}

export interface FunctionSettings {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  /** Provider variables merged with the function's own (the function's win, as the plugin does). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timerTriggers: readonly TimerTriggerSettings[];
}

export interface ServiceSettings {
  readonly region: string;
  /** Settings for the functions serverless.yml declares. */
  readonly functions: ReadonlyMap<string, FunctionSettings>;
  /** For a function it does not declare: the provider's settings, else SCF's defaults. */
  readonly undeclaredFunction: FunctionSettings;
  /** Things that were skipped, for the caller to print. */
  readonly warnings: readonly string[];
}

/** SCF's API defaults (§6.7) and the plugin's default region (§7). */
const SCF_DEFAULT_TIMEOUT_SECONDS = 3;
const SCF_DEFAULT_MEMORY_MB = 128;
const PLUGIN_DEFAULT_REGION = 'ap-guangzhou';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const environmentSchema = z.optional(
  z.looseObject({ variables: z.optional(z.nullable(z.record(z.string(), z.nullable(scalar)))) }),
);
const sizingFields = {
  timeout: z.optional(z.number().check(z.positive())),
  memorySize: z.optional(z.number().check(z.positive())),
  environment: environmentSchema,
};
const timerEventSchema = z.looseObject({
  timer: z.looseObject({
    name: z.string(),
    parameters: z.optional(z.looseObject({ message: z.optional(z.nullable(z.string())) })),
  }),
});
const serviceSchema = z.looseObject({
  provider: z.optional(z.looseObject({ region: z.optional(z.string()), ...sizingFields })),
  functions: z.optional(
    z.nullable(
      z.record(
        z.string(),
        z.looseObject({ ...sizingFields, events: z.optional(z.nullable(z.array(z.unknown()))) }),
      ),
    ),
  ),
});

type EnvironmentBlock = z.infer<typeof environmentSchema>;

function stringVariables(block: EnvironmentBlock, owner: string, warnings: string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(block?.variables ?? {})) {
    if (value === null) {
      continue;
    }
    const text = String(value);
    // `${…}` is Serverless Framework variable syntax, resolved only by the framework we refuse to load.
    if (text.includes('${')) {
      warnings.push(`${owner}: environment variable ${key} uses Serverless variable syntax and is not set locally`);
      continue;
    }
    variables[key] = text;
  }
  return variables;
}

function timerTriggers(events: readonly unknown[] | null | undefined): TimerTriggerSettings[] {
  return (events ?? []).flatMap((event) => {
    const parsed = timerEventSchema.safeParse(event);
    return parsed.success
      ? [{ name: parsed.data.timer.name, message: parsed.data.timer.parameters?.message ?? '' }]
      : [];
  });
}

/** Parses serverless.yml text; throws an Error naming the offending field when the file is malformed. */
function parseServiceSettings(yamlText: string, sourceName: string, notes: readonly string[] = []): ServiceSettings {
  const parsed = serviceSchema.safeParse(parse(yamlText) ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`${sourceName}: unexpected value at ${fields}`);
  }
  const { provider, functions } = parsed.data;
  const warnings = [...notes];
  const providerVariables = stringVariables(provider?.environment, 'provider', warnings);
  const undeclaredFunction: FunctionSettings = {
    timeoutMs: (provider?.timeout ?? SCF_DEFAULT_TIMEOUT_SECONDS) * 1000,
    memoryMb: provider?.memorySize ?? SCF_DEFAULT_MEMORY_MB,
    environment: providerVariables,
    timerTriggers: [],
  };
  const settings = new Map<string, FunctionSettings>();
  for (const [name, definition] of Object.entries(functions ?? {})) {
    settings.set(name, {
      timeoutMs: (definition.timeout ?? provider?.timeout ?? SCF_DEFAULT_TIMEOUT_SECONDS) * 1000,
      memoryMb: definition.memorySize ?? undeclaredFunction.memoryMb,
      environment: { ...providerVariables, ...stringVariables(definition.environment, `functions.${name}`, warnings) },
      timerTriggers: timerTriggers(definition.events),
    });
  }
  return { region: provider?.region ?? PLUGIN_DEFAULT_REGION, functions: settings, undeclaredFunction, warnings };
}

/** Reads serverless.yml at `path`; a missing file yields no declared functions and a warning. */
function readServiceSettings(path: string): ServiceSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return parseServiceSettings('', path, [`${path} not found: every function runs with SCF's default timeout and memory`]);
  }
  return parseServiceSettings(text, path);
}

export { parseServiceSettings, readServiceSettings };
