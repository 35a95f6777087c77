/**
 * The parts of SCF's `context` argument (reference §6.2, observed dump) the stack reads. Every field is
 * optional: local tools and tests may pass a partial context or none.
 */
export interface ScfContext {
  readonly request_id?: string;
  readonly function_name?: string;
  readonly function_version?: string;
  readonly namespace?: string;
  getRemainingTimeInMillis?(): number;
}
