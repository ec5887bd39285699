import type { PathSegment } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { JsonObject } from '../spec/action-spec.js';
import type { TemplateReference } from '../velocity/index.js';
import { parsePath, parseTemplate, type ParsedPath, type ParsedTemplate } from './template-cache.js';
import { guardedRegions, isGuarded, type GuardedRegion } from './template-guards.js';
import { own } from '../json/own.js';

/** What lint sees of an action: the export, plus what a spec says that the export format cannot carry. */
export interface LintedAction {
  action: DataActionExport;
  category?: string;
  timeoutSeconds?: unknown;
}

export type TemplateRole = 'url' | 'header' | 'body' | 'success';

export interface TemplateField {
  role: TemplateRole;
  path: PathSegment[];
  text: string;
}

export interface InputFact {
  type: string | undefined;
  required: boolean;
}

/** The output-contract member a success-template reference prints into, when it can be told. */
export interface OutputMember {
  name: string | undefined;
  schema: JsonObject | undefined;
}

export const translationMapPath = ['config', 'response', 'translationMap'] as const;
export const defaultsPath = ['config', 'response', 'translationMapDefaults'] as const;
export const successTemplatePath = ['config', 'response', 'successTemplate'] as const;
export const requestTemplatePath = ['config', 'request', 'requestTemplate'] as const;
export const urlTemplatePath = ['config', 'request', 'requestUrlTemplate'] as const;
export const inputSchemaPath = ['contract', 'input', 'inputSchema'] as const;
export const successSchemaPath = ['contract', 'output', 'successSchema'] as const;

/** Everything rules ask about one action, computed once and only when asked. */
export class ActionFacts {
  readonly action: DataActionExport;
  readonly category: string | undefined;
  readonly timeoutSeconds: unknown;
  private inputsCache: Map<string, InputFact> | undefined;
  private templatesCache: TemplateField[] | undefined;
  private guardsCache = new Map<string, GuardedRegion[]>();

  constructor(linted: LintedAction) {
    this.action = linted.action;
    this.category = linted.category;
    this.timeoutSeconds = linted.timeoutSeconds;
  }

  get inputSchema(): JsonObject {
    return asObject(this.action.contract?.input?.inputSchema) ?? {};
  }

  get successSchema(): JsonObject {
    return asObject(this.action.contract?.output?.successSchema) ?? {};
  }

  get inputs(): Map<string, InputFact> {
    if (this.inputsCache) return this.inputsCache;
    const schema = this.inputSchema;
    const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
    const inputs = new Map<string, InputFact>();
    for (const [name, property] of Object.entries(asObject(schema.properties) ?? {})) {
      const type = asObject(property)?.type;
      inputs.set(name, { type: typeof type === 'string' ? type : undefined, required: required.includes(name) });
    }
    this.inputsCache = inputs;
    return inputs;
  }

  get translationMap(): Record<string, string> {
    return this.action.config.response.translationMap ?? {};
  }

  get translationKeys(): string[] {
    return Object.keys(this.translationMap);
  }

  get defaults(): Record<string, string> {
    return this.action.config.response.translationMapDefaults ?? {};
  }

  get method(): string {
    return this.action.config.request.requestType;
  }

  path(key: string): ParsedPath | undefined {
    const source = own(this.translationMap, key);
    return source === undefined ? undefined : parsePath(source);
  }

  /** The Velocity templates of the action, each with its path in the export. */
  get templates(): TemplateField[] {
    if (this.templatesCache) return this.templatesCache;
    const { request, response } = this.action.config;
    const fields: TemplateField[] = [{ role: 'url', path: [...urlTemplatePath], text: request.requestUrlTemplate }];
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      fields.push({ role: 'header', path: ['config', 'request', 'headers', name], text: value });
    }
    fields.push({ role: 'body', path: [...requestTemplatePath], text: request.requestTemplate });
    fields.push({ role: 'success', path: [...successTemplatePath], text: response.successTemplate });
    this.templatesCache = fields.filter((field) => typeof field.text === 'string');
    return this.templatesCache;
  }

  template(role: TemplateRole): TemplateField | undefined {
    return this.templates.find((field) => field.role === role);
  }

  parsed(field: TemplateField): ParsedTemplate {
    return parseTemplate(field.text);
  }

  /** References of a template; none when it does not parse (`velocity-syntax` reports that). */
  references(field: TemplateField): TemplateReference[] {
    const parsed = parseTemplate(field.text);
    return parsed.ok ? parsed.references : [];
  }

  isGuarded(field: TemplateField, offset: number, input: string): boolean {
    let regions = this.guardsCache.get(field.text);
    if (!regions) {
      regions = guardedRegions(field.text);
      this.guardsCache.set(field.text, regions);
    }
    return isGuarded(regions, offset, input);
  }

  /** Whether the request body carries every input (`${input.rawRequest}` in a method that sends a body). */
  get forwardsAllInputs(): boolean {
    const body = this.template('body');
    if (!body || this.method === 'GET') return false;
    return this.references(body).some((ref) => ref.name === 'input.rawRequest');
  }

  /** The reference printed as text that contains `ref` (itself when it is printed directly). */
  outermost(field: TemplateField, ref: TemplateReference): TemplateReference {
    if (ref.context !== 'argument') return ref;
    let best = ref;
    for (const other of this.references(field)) {
      if (other.offset <= ref.offset && other.offset + other.length >= ref.offset + ref.length && other.length > best.length) {
        best = other;
      }
    }
    return best;
  }

  /** The output member `ref` (printed in the success template) feeds: `"name": ${ref}` or the whole result. */
  memberOf(ref: TemplateReference): OutputMember {
    const field = this.template('success');
    if (!field) return { name: undefined, schema: undefined };
    const outer = this.outermost(field, ref);
    const text = field.text;
    if (text.slice(0, outer.offset).trim() === '' && text.slice(outer.offset + outer.length).trim() === '') {
      return { name: undefined, schema: this.successSchema };
    }
    const before = /"((?:[^"\\]|\\.)*)"\s*:\s*"?$/.exec(text.slice(Math.max(0, outer.offset - 200), outer.offset));
    if (!before) return { name: undefined, schema: undefined };
    const name = before[1] as string;
    return { name, schema: findProperty(this.successSchema, name) };
  }

  /** Variables a success template defines for itself with `#set`, `#foreach` or macro parameters. */
  definedVariables(field: TemplateField): Set<string> {
    const names = new Set<string>(['velocityCount', 'velocityHasNext', 'foreach']);
    const definitions = /#\{?(?:set|foreach)\}?\s*\(\s*\$!?\{?([A-Za-z][A-Za-z0-9_-]*)|#\{?macro\}?\s*\(([^)]*)\)/g;
    for (const match of field.text.matchAll(definitions)) {
      if (match[1]) names.add(match[1]);
      for (const parameter of (match[2] ?? '').matchAll(/\$!?\{?([A-Za-z][A-Za-z0-9_-]*)/g)) names.add(parameter[1] as string);
    }
    return names;
  }
}

/** The first property called `name` in a schema, searching breadth first through properties and items. */
export function findProperty(schema: JsonObject, name: string): JsonObject | undefined {
  const queue: JsonObject[] = [schema];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const properties = asObject(next.properties);
    const found = asObject(own(properties, name));
    if (found) return found;
    for (const child of Object.values(properties ?? {})) {
      const object = asObject(child);
      if (object) queue.push(object);
    }
    const items = next.items;
    for (const item of Array.isArray(items) ? items : [items]) {
      const object = asObject(item);
      if (object) queue.push(object);
    }
  }
  return undefined;
}

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function schemaType(schema: JsonObject | undefined): string | undefined {
  const type = schema?.type;
  return typeof type === 'string' ? type : Array.isArray(type) ? type.map(String).find((t) => t !== 'null') : undefined;
}
