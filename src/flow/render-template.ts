import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import type { Diagnostic, Range } from '../diagnostics/index.js';
import { parseSource } from '../source/index.js';
import { schemaFindings } from '../spec/schema-findings.js';
import type { TemplateFile, TemplateSet } from './template-set.js';
import { yamlScalar } from './yaml-scalar.js';

// `trackIds` (helper argument names, for error messages) is a real compile option missing from the typings.
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]> & { trackIds: boolean };

export interface RenderedYaml {
  /** The rendered text, when it rendered, parsed and matched the schema. */
  text: string | undefined;
  value: unknown;
  diagnostics: Diagnostic[];
}

const markerPrefix = '#dactl-template@';

let loadedHandlebars: typeof Handlebars | undefined;

/**
 * Handlebars is loaded on the first render: a build with the bundled snippet templates renders none, and loading
 * it (with its source-map dependency) was half of a one-file build.
 */
function handlebars(): typeof Handlebars {
  return (loadedHandlebars ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars);
}


/**
 * Renders the template `name` (every other template is available to it as a partial) and checks that
 * the result is YAML the schema accepts. Problems are reported against the template file and line that
 * produced them, because that is what a person overriding a template can fix.
 */
export function renderYamlTemplate(
  templates: TemplateSet,
  name: string,
  view: unknown,
  validate: ValidateFunction,
  describe: string,
): RenderedYaml {
  const rendered = render(templates, name, view, false);
  if ('error' in rendered) return { text: undefined, value: undefined, diagnostics: [rendered.error] };
  const document = parseDocument(rendered.text, { strict: true, uniqueKeys: true, prettyErrors: false });
  const value: unknown = document.errors.length ? undefined : document.toJS();
  if (document.errors.length === 0 && validate(value)) return { text: rendered.text, value, diagnostics: [] };
  return { text: undefined, value: undefined, diagnostics: explainRejection(templates, name, view, validate, describe) };
}

type Rendering = { text: string } | { error: Diagnostic };

type Environment = { hb: typeof Handlebars } | { error: Diagnostic };

// Compiling every template for every snippet dominated a build of many actions; a template set compiles once.
const environments = new WeakMap<TemplateSet, Map<boolean, Environment>>();

function compiledEnvironment(templates: TemplateSet, marked: boolean): Environment {
  let byMarking = environments.get(templates);
  if (!byMarking) environments.set(templates, (byMarking = new Map()));
  let environment = byMarking.get(marked);
  if (!environment) byMarking.set(marked, (environment = compileEnvironment(templates, marked)));
  return environment;
}

function compileEnvironment(templates: TemplateSet, marked: boolean): Environment {
  const hb = handlebars().create();
  hb.registerHelper('scalar', (value: unknown, options: Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation; ids?: unknown[] }) => {
    if (value === undefined) {
      // Helper arguments escape strict mode's missing-field check, so a misspelt field would render as null.
      const start = options.loc?.start;
      const field = typeof options.ids?.[0] === 'string' ? `"${options.ids[0]}"` : 'a field';
      throw Object.assign(new Error(`${field} is not defined (scalar needs a value)`), { lineNumber: start?.line, column: start?.column });
    }
    return yamlScalar(value);
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const files = [...templates.values()];
  for (const [index, template] of files.entries()) {
    const source = marked ? markLines(template.source, index) : template.source;
    let compiled: Handlebars.TemplateDelegate;
    try {
      hb.parse(source);
      compiled = hb.compile(source, { noEscape: true, strict: true, trackIds: true } as CompileOptions);
    } catch (error) {
      return { error: templateError(template, 'template-syntax', 'does not compile', error) };
    }
    hb.registerPartial(template.name, ((context: unknown, options: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        if (error instanceof Error && !(templateOf in error)) Object.assign(error, { [templateOf]: template });
        throw error;
      }
    }) as unknown as Handlebars.Template);
  }
  return { hb };
}

function render(templates: TemplateSet, name: string, view: unknown, marked: boolean): Rendering {
  const main = templates.get(name);
  if (!main) throw new Error(`no template named ${name}`);
  const environment = compiledEnvironment(templates, marked);
  if ('error' in environment) return environment;
  const { hb } = environment;
  try {
    const partial = hb.partials[name] as (context: unknown, options: Handlebars.RuntimeOptions) => string;
    return { text: partial(view, { partials: hb.partials as Record<string, Handlebars.Template> }) };
  } catch (error) {
    const template = (error as Record<symbol, unknown> | null)?.[templateOf] as TemplateFile | undefined;
    return { error: templateError(template ?? main, 'template-render', 'failed to render', error) };
  }
}

const templateOf = Symbol('dactl template');

function templateError(template: TemplateFile, ruleId: string, failure: string, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  const parseLine = /Parse error on line (\d+)/.exec(raw)?.[1];
  const line = located.lineNumber ?? (parseLine ? Number(parseLine) : 1);
  const column = (located.column ?? 0) + 1;
  const message = raw.split('\n')[0]?.replace(/ - \d+:\d+$/, '').replace(/:$/, '') ?? raw;
  return {
    ruleId,
    severity: 'error',
    message: `template "${template.name}" ${failure}: ${message}`,
    file: template.file,
    path: [],
    range: pointRange(line, column),
  };
}

/** A comment naming the template line on every line that writes YAML text; mustache-only lines are left standalone. */
function markLines(source: string, index: number): string {
  return source
    .split('\n')
    .map((line, i) => (line.replace(/\{\{[^}]*\}\}/g, '').trim() === '' ? line : `${line} ${markerPrefix}${index}:${i + 1}`))
    .join('\n');
}

function explainRejection(
  templates: TemplateSet,
  name: string,
  view: unknown,
  validate: ValidateFunction,
  describe: string,
): Diagnostic[] {
  const rendered = render(templates, name, view, true);
  if ('error' in rendered) return [rendered.error];
  const files = [...templates.values()];
  const lines = rendered.text.split('\n');
  const origin = (outputLine: number): { template: TemplateFile; line: number } => {
    for (let i = Math.min(outputLine, lines.length) - 1; i >= 0; i--) {
      const match = new RegExp(`${markerPrefix}(\\d+):(\\d+)`).exec(lines[i] ?? '');
      const template = match && files[Number(match[1])];
      if (template) return { template, line: Number(match[2]) };
    }
    return { template: templates.get(name)!, line: 1 };
  };
  const loaded = parseSource(`${name}.yaml`, rendered.text);
  const syntax = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (syntax.length || loaded.value === undefined) {
    return syntax.map((d) => {
      const at = origin(d.range?.start.line ?? 1);
      return {
        ...d,
        ruleId: 'template-yaml',
        message: `template "${at.template.name}" renders invalid YAML: ${d.message}`,
        file: at.template.file,
        range: pointRange(at.line, 1),
      };
    });
  }
  const findings = schemaFindings(validate, loaded.value, 'template-output');
  const diagnostics = findings.map((finding) => {
    const located = loaded.source.locate(finding);
    const at = origin(located.range?.start.line ?? 1);
    return {
      ...located,
      message: `template "${at.template.name}" renders ${describe} that the Archy schema rejects: ${finding.message}`,
      file: at.template.file,
      range: pointRange(at.line, 1),
    };
  });
  const unique = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const key = `${d.file}|${d.range?.start.line}|${d.ruleId}`;
    if (!unique.has(key)) unique.set(key, d);
  }
  return unique.size
    ? [...unique.values()]
    : [{ ruleId: 'template-output-invalid', severity: 'error', message: `template "${name}" renders ${describe} that the Archy schema rejects`, file: templates.get(name)!.file, path: [], range: pointRange(1, 1) }];
}

function pointRange(line: number, column: number): Range {
  return { start: { line, column }, end: { line, column } };
}
