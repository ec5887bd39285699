import { javaDoubleText } from './big-decimal.js';
import { JavaDouble } from './java-double.js';

/**
 * JSON text of a query result as Genesys hands translation values to Velocity. A Java Double
 * (from sum(), avg() …) keeps its ".0": `10.0`, not `10`.
 */
export function toJsonText(result: { found: true; value: unknown; double?: boolean }): string {
  if (result.double && typeof result.value === 'number') return javaDoubleText(result.value);
  if (result.value instanceof JavaDouble) return javaDoubleText(result.value.value);
  const text = JSON.stringify(result.value);
  return text === undefined ? 'null' : text;
}
