import { javaText } from '../java-text.js';
import { createEscapeTool } from './escape-tool.js';
import { formEncode, wellFormed } from './form-encoding.js';
import { createMathTool } from './math-tool.js';
import { createSuccessTemplateUtils } from './success-template-utils.js';
import { defineTool, type VelocityTool } from './velocity-tool.js';

const isNull = (value: unknown): boolean => value === undefined || value === null;

/** `$encoding.base64(text)`: Base64 of the UTF-8 bytes. */
function createEncodingTool(): VelocityTool {
  return defineTool('com.genesys.Encoding', {
    base64: (value) => (isNull(value) ? undefined : Buffer.from(wellFormed(javaText(value)), 'utf8').toString('base64')),
  });
}

/** Assumed `$urlTool.optionalQueryParam(name, value)`: `name=value` form-encoded, or nothing when value is null or empty. */
function createUrlTool(): VelocityTool {
  return defineTool('com.genesys.UrlTool', {
    optionalQueryParam: (name, value) => {
      if (isNull(name) || isNull(value) || javaText(value) === '') return '';
      return `${formEncode(javaText(name))}=${formEncode(javaText(value))}`;
    },
  });
}

/** `$salesforce.escReserved(text)`: backslash before each SOSL reserved character. */
function createSalesforceTool(): VelocityTool {
  return defineTool('com.genesys.Salesforce', {
    escReserved: (value) => (isNull(value) ? undefined : javaText(value).replace(/[?&|!{}[\]()^~*:\\"'+-]/g, (c) => `\\${c}`)),
  });
}

const TOOLS: Readonly<Record<string, VelocityTool>> = Object.freeze({
  esc: createEscapeTool(),
  math: createMathTool(),
  successTemplateUtils: createSuccessTemplateUtils(),
  encoding: createEncodingTool(),
  urlTool: createUrlTool(),
  salesforce: createSalesforceTool(),
});

export function genesysTools(): Readonly<Record<string, VelocityTool>> {
  return TOOLS;
}

export const TOOL_NAMES: readonly string[] = Object.keys(TOOLS);
