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
  return {
    applyFunctionVariables(variables) {
      for (const [key, value] of Object.entries(variables)) {
        if (!shellKeys.has(key) && !(key in overrides)) {
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
