/**
 * The bundles run in this process and read `process.env`, as a function reads the variables SCF sets
 * for it. Precedence, lowest first: serverless.yml (what SCF would set), the variables of the shell that
 * started the harness (so `ALLOW_QUERY_CREDENTIALS=false npm start` works), then the harness's explicit
 * `env` option (tests and the start script point `CVM_ENDPOINT` at the emulator this way).
 * Every variable the overlay sets is put back as it was by `restore()`.
 */
export interface EnvironmentOverlay {
  /** Sets a function's serverless.yml variables, except those the shell or the overrides define. */
  applyFunctionVariables(variables: Readonly<Record<string, string>>): void;
  restore(): void;
}

function createEnvironmentOverlay(overrides: Readonly<Record<string, string>>): EnvironmentOverlay {
  const shellKeys = new Set(Object.keys(process.env).filter((key) => !(key in overrides)));
  const originals = new Map<string, string | undefined>();
  const set = (key: string, value: string): void => {
    if (!originals.has(key)) {
      originals.set(key, process.env[key]);
    }
    process.env[key] = value;
  };
  for (const [key, value] of Object.entries(overrides)) {
    set(key, value);
  }
  // Each function's variables, less those the shell or the overrides define, worked out once: the
  // harness applies them before every invocation (bench/, warm overhead).
  const applicable = new WeakMap<Readonly<Record<string, string>>, ReadonlyArray<readonly [string, string]>>();
  const applicableOf = (variables: Readonly<Record<string, string>>): ReadonlyArray<readonly [string, string]> => {
    let entries = applicable.get(variables);
    if (entries === undefined) {
      entries = Object.entries(variables).filter(([key]) => !shellKeys.has(key) && !(key in overrides));
      applicable.set(variables, entries);
    }
    return entries;
  };
  return {
    applyFunctionVariables(variables) {
      for (const [key, value] of applicableOf(variables)) {
        // Writing process.env costs far more than reading it; most invocations find it already set.
        if (process.env[key] !== value) {
          set(key, value);
        }
      }
    },
    restore() {
      for (const [key, value] of originals) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
      originals.clear();
    },
  };
}

export { createEnvironmentOverlay };
