/**
 * What the generator could not describe (a route without schemas, an input without words, a body
 * without an example). The build prints them; the contract tests fail on them.
 */
import { type InputDescription, inputDescriptions } from './input-descriptions';

export type Gaps = string[];

/** The words for input `name`, or a gap saying where to add them. */
function describedAs(name: string, where: string, gaps: Gaps): InputDescription {
  const described = inputDescriptions[name];
  if (described === undefined) {
    gaps.push(`${where}: ${name} has no description (add one to local/openapi/input-descriptions.ts)`);
    return { description: '' };
  }
  return described;
}

export { describedAs };
