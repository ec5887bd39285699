/**
 * Templates where dactl knowingly renders differently from Apache Velocity 1.7, each listed with its
 * reason in docs/fidelity.md. Returns the name of the difference, or undefined.
 */
const DIFFERENCES: [string, RegExp][] = [];

export function knownDifference(template: string): string | undefined {
  return DIFFERENCES.find(([, pattern]) => pattern.test(template))?.[0];
}
