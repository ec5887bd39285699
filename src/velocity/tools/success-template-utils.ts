import { javaText } from '../java-text.js';
import { minifyJson, splitTopLevel, tryParseJson, compactJson } from './json-text.js';
import { defineTool, type VelocityTool } from './velocity-tool.js';

/**
 * Genesys `successTemplateUtils`. Assumed behaviour (docs/fidelity.md):
 * - `firstFromArray(arrayText, default?)`: the first element of a non-empty JSON array as compact JSON
 *   text (strings keep their quotes); otherwise, or when the text is not a JSON array, the default
 *   (empty text when absent or null).
 * - `moveKeysIntoArrayOfObjects(objectText, keyName = "key")`: `{"k":{...}}` becomes
 *   `[{"<keyName>":"k",...}]`; a non-object member value is kept under `"value"`.
 */
export function createSuccessTemplateUtils(): VelocityTool {
  return defineTool('com.genesys.SuccessTemplateUtils', {
    firstFromArray: (arrayText, defaultText) => {
      const fallback = defaultText === undefined || defaultText === null ? '' : javaText(defaultText);
      if (arrayText === undefined || arrayText === null) return fallback;
      const text = javaText(arrayText);
      const parsed = tryParseJson(text);
      if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return fallback;
      return splitTopLevel(minifyJson(text))[0] ?? fallback;
    },
    moveKeysIntoArrayOfObjects: (objectText, keyName) => {
      if (objectText === undefined || objectText === null) return undefined;
      const text = javaText(objectText);
      const parsed = tryParseJson(text);
      if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return text;
      const keyProperty = keyName === undefined || keyName === null ? 'key' : javaText(keyName);
      const items = Object.entries(parsed.value as Record<string, unknown>).map(([key, member]) => {
        const item: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        item[keyProperty] = key;
        if (typeof member === 'object' && member !== null && !Array.isArray(member)) {
          for (const [innerKey, innerValue] of Object.entries(member)) {
            if (innerKey !== keyProperty) item[innerKey] = innerValue;
          }
        } else item['value'] = member;
        return item;
      });
      return compactJson(items);
    },
  });
}
