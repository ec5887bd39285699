import type { PathSegment } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { splitPlaceholders } from '../compile/placeholders.js';
import type { ActionSpec, OutputSpec, RequestSpec } from '../spec/action-spec.js';
import type { SourceLocation } from '../diagnostics/location.js';

const headerKeys = new Set(['$schema', 'title', 'description', 'additionalProperties']);

/**
 * Maps a location in the compiled export back to the spec's YAML. Raw fields (urlTemplate, template,
 * response.*, contract.*) are the export's text as written, so spans carry over unchanged; generated
 * fields point at what generated them (an output's `from`, the url's text, the body, the inputs).
 */
export class SpecLocations {
  private outputPaths: Map<string, PathSegment[]> | undefined;

  constructor(
    private readonly spec: ActionSpec,
    private readonly artifact: DataActionExport,
  ) {}

  locate(location: SourceLocation): SourceLocation {
    const [first, second, third, ...rest] = location.path;
    if (first === 'name' || first === 'secure' || first === 'category') return location;
    if (first === 'integrationType') return { path: ['integration'], at: location.at };
    if (first === 'config' && second === 'timeoutSeconds') return { path: ['timeoutSeconds'], at: location.at };
    if (first === 'config' && second === 'request') return this.request(third, rest, location);
    if (first === 'config' && second === 'response') return this.response(third, rest, location);
    if (first === 'contract' && second === 'input') return this.inputContract(rest, location);
    if (first === 'contract' && second === 'output') return this.outputContract(rest, location);
    return { path: [], at: 'key' };
  }

  private request(field: PathSegment | undefined, rest: PathSegment[], location: SourceLocation): SourceLocation {
    const request = this.spec.request;
    switch (field) {
      case 'requestType':
        return { path: ['request', 'method'] };
      case 'requestUrlTemplate':
        if (request.urlTemplate !== undefined) return { ...location, path: ['request', 'urlTemplate'] };
        return this.generatedUrl(location);
      case 'headers': {
        const name = rest[0];
        if (name !== undefined && Object.hasOwn(request.headers ?? {}, String(name))) {
          return { ...location, path: ['request', 'headers', name] };
        }
        return { path: structuredBody(request), at: 'key' };
      }
      case 'requestTemplate':
        if (request.template !== undefined) return { ...location, path: ['request', 'template'] };
        return { path: structuredBody(request), at: 'key' };
      default:
        return { path: ['request'], at: 'key' };
    }
  }

  /** `url` text is copied into the template, and each `{name}` becomes `$esc.url(${input.name})`. */
  private generatedUrl(location: SourceLocation): SourceLocation {
    const url = this.spec.request.url ?? '';
    if (!location.span) return { path: ['request', 'url'], at: location.at };
    const target = location.span.offset;
    let compiled = 0;
    let written = 0;
    for (const part of splitPlaceholders(url)) {
      const produced = 'text' in part ? part.text.length : `$esc.url(\${input.${part.input}})`.length;
      const length = 'text' in part ? part.text.length : part.length;
      if (target < compiled + produced) {
        if (!('text' in part)) return { path: ['request', 'url'], span: { offset: written, length } };
        const offset = written + (target - compiled);
        return { path: ['request', 'url'], span: { offset, length: Math.min(location.span.length, written + length - offset) } };
      }
      compiled += produced;
      written += length;
    }
    return { path: this.spec.request.query ? ['request', 'query'] : ['request', 'url'], at: 'key' };
  }

  private response(field: PathSegment | undefined, rest: PathSegment[], location: SourceLocation): SourceLocation {
    const raw = this.spec.response ?? {};
    const key = rest[0] === undefined ? undefined : String(rest[0]);
    if (field === 'translationMap' && key !== undefined) {
      if (Object.hasOwn(raw.translationMap ?? {}, key)) return { ...location, path: ['response', 'translationMap', key] };
      const output = this.outputFor(key);
      if (output) return location.at === 'key' ? { path: output, at: 'key' } : { ...location, path: [...output, 'from'] };
    }
    if (field === 'translationMapDefaults' && key !== undefined) {
      if (Object.hasOwn(raw.translationMapDefaults ?? {}, key)) {
        return { ...location, path: ['response', 'translationMapDefaults', key] };
      }
      const output = this.outputFor(key);
      if (output) return location.at === 'key' ? { path: output, at: 'key' } : { path: [...output, 'default'] };
    }
    if (field === 'successTemplate') {
      if (raw.successTemplate !== undefined) return { ...location, path: ['response', 'successTemplate'] };
      return this.generatedTemplate(location);
    }
    if (field !== undefined && Object.hasOwn(raw, String(field))) return { path: ['response', field], at: 'key' };
    return { path: this.spec.outputs ? ['outputs'] : ['response'], at: 'key' };
  }

  /** A span in the generated success template falls on some `${key}`: point at the output behind it. */
  private generatedTemplate(location: SourceLocation): SourceLocation {
    const template = this.artifact.config.response.successTemplate;
    if (location.span) {
      for (const match of template.matchAll(/\$\{([A-Za-z][A-Za-z0-9_-]*)\}/g)) {
        const start = match.index;
        const end = start + match[0].length;
        if (location.span.offset < end && location.span.offset + location.span.length > start) {
          const output = this.outputFor(match[1] as string);
          if (output) return { path: output, at: 'key' };
        }
      }
    }
    return { path: ['outputs'], at: 'key' };
  }

  private inputContract(schemaPath: PathSegment[], location: SourceLocation): SourceLocation {
    if (this.spec.contract?.input) return { ...location, path: ['contract', 'input', ...schemaPath] };
    const [keyword, name, ...below] = schemaPath;
    if (keyword === 'properties' && name !== undefined) return { ...location, path: ['inputs', name, ...below] };
    if (typeof keyword === 'string' && headerKeys.has(keyword) && this.spec.inputContract?.[keyword as 'title'] !== undefined) {
      return { ...location, path: ['inputContract', keyword] };
    }
    return { path: ['inputs'], at: 'key' };
  }

  private outputContract(schemaPath: PathSegment[], location: SourceLocation): SourceLocation {
    if (this.spec.contract?.output) return { ...location, path: ['contract', 'output', ...schemaPath] };
    const [keyword, name, ...below] = schemaPath;
    if (keyword === 'properties' && name !== undefined) return { ...location, path: ['outputs', name, ...below] };
    if (typeof keyword === 'string' && headerKeys.has(keyword) && this.spec.outputContract?.[keyword as 'title'] !== undefined) {
      return { ...location, path: ['outputContract', keyword] };
    }
    return { path: ['outputs'], at: 'key' };
  }

  /**
   * The output whose `from` became translation key `key`. The compiler adds one key per output with a
   * `from`, depth first in spec order, before the raw response.translationMap keys: so the generated
   * keys, in order, line up with the outputs that have a `from`.
   */
  private outputFor(key: string): PathSegment[] | undefined {
    if (!this.outputPaths) {
      const raw = this.spec.response?.translationMap ?? {};
      const generated = Object.keys(this.artifact.config.response.translationMap).filter((k) => !Object.hasOwn(raw, k));
      const paths: PathSegment[][] = [];
      const walk = (outputs: Record<string, OutputSpec>, prefix: PathSegment[]): void => {
        for (const [name, output] of Object.entries(outputs)) {
          if (output.from !== undefined) paths.push([...prefix, name]);
          else if (output.type === 'object' && output.properties) walk(output.properties, [...prefix, name, 'properties']);
        }
      };
      walk(this.spec.outputs ?? {}, ['outputs']);
      this.outputPaths = new Map(generated.map((k, i) => [k, paths[i] ?? ['outputs']]));
    }
    return this.outputPaths.get(key);
  }
}

/** Where a generated body (and the header it adds) comes from in the spec. */
function structuredBody(request: RequestSpec): PathSegment[] {
  if (request.body !== undefined) return ['request', 'body'];
  if (request.form !== undefined) return ['request', 'form'];
  return ['request'];
}
