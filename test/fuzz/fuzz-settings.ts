import type { Parameters } from 'fast-check';

/** Bounded and reproducible in `npm test`; `npm run fuzz` raises FUZZ_RUNS for a long run. */
export const fuzzRuns = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200) || 200);
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20240607);

/** Per-test time limit that grows with FUZZ_RUNS, so a long run is not cut off by the default 30 s. */
export const fuzzTimeout = Math.max(30_000, fuzzRuns * 60);

export function fuzzParameters<T>(scale = 1): Parameters<T> {
  return { numRuns: Math.max(1, Math.round(fuzzRuns * scale)), seed: fuzzSeed, endOnFailure: true };
}

/** Snapshot of Object.prototype's own keys, to prove a property never added (or removed) one. */
export function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((proto) => Reflect.ownKeys(proto).map(String));
}
