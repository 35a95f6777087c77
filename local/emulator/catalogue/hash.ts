/**
 * Deterministic helpers for the catalogue generators: the same input always gives the same output,
 * so every run of the emulator ships an identical catalogue.
 */

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A resource id `<prefix>-` + 8 lowercase letters/digits (reference §4.15) derived from a seed string.
 * Different seeds may collide in theory; callers that need uniqueness check for it.
 */
export function resourceIdFromSeed(prefix: string, seed: string): string {
  let state = fnv1a(seed);
  let suffix = '';
  for (let index = 0; index < 8; index += 1) {
    state = fnv1a(`${state}:${seed}:${index}`);
    suffix += ID_ALPHABET[state % ID_ALPHABET.length];
  }
  return `${prefix}-${suffix}`;
}

/** A number in [0, 100) derived from a seed, for "sold in about N% of zones" style choices. */
export function percentileOf(seed: string): number {
  return fnv1a(seed) % 100;
}
