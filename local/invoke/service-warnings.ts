/**
 * Which serverless.yml warnings concern one invocation: those about the provider or the file as a
 * whole, and those about the invoked function; a warning about another function
 * (`functions.<other>: …`, function-settings.ts) says nothing about this run.
 */

const FUNCTION_WARNING = /^functions\.([^:]+):/;

function warningsFor(functionName: string, warnings: readonly string[]): string[] {
  return warnings.filter((warning) => {
    const owner = FUNCTION_WARNING.exec(warning)?.[1];
    return owner === undefined || owner === functionName;
  });
}

export { warningsFor };
