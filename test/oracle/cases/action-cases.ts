import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OracleCase } from '../oracle-case.js';

interface ActionFile {
  contract?: { input?: { inputSchema?: JsonSchema } };
  config?: ActionConfig;
}
interface ActionConfig {
  request?: { requestUrlTemplate?: string; requestTemplate?: string; headers?: Record<string, string> };
  response?: { successTemplate?: string; translationMap?: Record<string, string>; translationMapDefaults?: Record<string, string> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

type InputStyle = 'plain' | 'special' | 'required-only';

function sampleValue(name: string, schema: JsonSchema, style: InputStyle): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'boolean': return true;
    case 'integer': return 42;
    case 'number': return 2.5;
    case 'array': return [sampleValue(name, schema.items ?? { type: 'string' }, style), sampleValue(name, schema.items ?? { type: 'string' }, style)];
    case 'object': return { id: `${name}-1` };
    default: return style === 'special' ? `Ja"ne O'Neil & co/ü ${name}\n+50%` : `${name}-123`;
  }
}

function sampleInput(schema: JsonSchema | undefined, style: InputStyle): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (style === 'required-only' && !(schema?.required ?? []).includes(name)) continue;
    input[name] = sampleValue(name, property, style);
  }
  return input;
}

function sampleTranslations(config: ActionConfig, variant: number): Record<string, string> {
  const translations: Record<string, string> = {};
  const defaults = config.response?.translationMapDefaults ?? {};
  for (const key of Object.keys(config.response?.translationMap ?? {})) {
    const samples = [`["${key}-1","${key}-2"]`, defaults[key] ?? '[]', `[{"count":3,"name":"${key}"}]`];
    translations[key] = samples[variant] ?? '[]';
  }
  return translations;
}

/** Every template of one data-action export, rendered with a few sample contexts. */
export function actionCases(file: string): OracleCase[] {
  const action = JSON.parse(readFileSync(file, 'utf8')) as ActionFile;
  const config = action.config ?? {};
  const schema = action.contract?.input?.inputSchema;
  const label = basename(file);
  const requestTemplates: [string, string][] = [];
  if (config.request?.requestUrlTemplate) requestTemplates.push(['requestUrlTemplate', config.request.requestUrlTemplate]);
  if (config.request?.requestTemplate) requestTemplates.push(['requestTemplate', config.request.requestTemplate]);
  for (const [header, value] of Object.entries(config.request?.headers ?? {})) requestTemplates.push([`headers.${header}`, value]);
  const cases: OracleCase[] = [];
  const styles: InputStyle[] = ['plain', 'special', 'required-only'];
  for (const [field, template] of requestTemplates) {
    for (const style of styles) {
      cases.push({ id: `${label} ${field} (${style})`, template, name: field, input: sampleInput(schema, style), credentials: { clientId: 'id', clientSecret: 's:e/c' } });
    }
  }
  const successTemplate = config.response?.successTemplate;
  if (successTemplate) {
    for (const variant of [0, 1, 2]) {
      cases.push({
        id: `${label} successTemplate (translations ${variant})`,
        template: successTemplate,
        name: 'successTemplate',
        strict: true,
        input: sampleInput(schema, 'plain'),
        translations: sampleTranslations(config, variant),
        rawResult: '{"ok":true,"items":[1,2]}',
      });
    }
  }
  return cases;
}

export function actionCasesIn(directory: string, suffix: string): OracleCase[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .flatMap((name) => actionCases(join(directory, name)));
}
