import archy from 'archy';
import type { DataActionExport } from '../export/data-action-export.js';
import { compileJsonPath } from '../jsonpath/index.js';
import type { JsonObject } from '../spec/action-spec.js';
import { own } from '../json/own.js';

export interface TreeNode {
  label: string;
  nodes: TreeNode[];
}

const inputUse = /\$!?\{?input\.([A-Za-z][A-Za-z0-9_-]*)/g;

/** One action as a tree: inputs and where the request uses them, the request, each output and its source. */
export function explainAction(artifact: DataActionExport, extra: { category?: string; description?: string } = {}): TreeNode {
  const { request, response } = artifact.config;
  const inputSchema = artifact.contract.input.inputSchema;
  const required = asStrings(inputSchema.required);
  const uses = new Map<string, Set<string>>();
  const scan = (where: string, text: string): void => {
    for (const match of text.matchAll(inputUse)) {
      const name = match[1] as string;
      uses.set(name, (uses.get(name) ?? new Set()).add(where));
    }
  };
  scan('url', request.requestUrlTemplate);
  for (const [name, value] of Object.entries(request.headers)) scan(`header ${name}`, value);
  scan('body', request.requestTemplate);
  scan('success template', response.successTemplate);

  const inputs = Object.entries(asObject(inputSchema.properties)).map(([name, property]) => {
    const where = [...(uses.get(name) ?? [])];
    const facts = [typeOf(property), required.includes(name) ? 'required' : 'optional'];
    return leaf(`${name}  ${facts.join(', ')}${where.length ? `  → ${where.join(', ')}` : '  (not used by the request)'}`);
  });

  const headers = Object.entries(request.headers).map(([name, value]) => leaf(`${name}: ${value}`));
  const requestNodes = [leaf(`${request.requestType} ${request.requestUrlTemplate}`)];
  if (headers.length) requestNodes.push({ label: 'headers', nodes: headers });
  requestNodes.push(
    request.requestTemplate === '${input.rawRequest}'
      ? leaf('body: ${input.rawRequest} (the inputs as JSON)')
      : { label: 'body', nodes: request.requestTemplate.split('\n').map(leaf) },
  );

  const translations = Object.entries(response.translationMap).map(([key, path]) => {
    const nodes = [leaf(`from ${path}`), leaf(pathShape(path))];
    const fallback = own(response.translationMapDefaults, key);
    if (fallback !== undefined) nodes.push(leaf(`default ${fallback}`));
    return { label: key, nodes };
  });

  const title = [artifact.integrationType, extra.category ? `category: ${extra.category}` : undefined, artifact.secure ? 'secure' : undefined]
    .filter(Boolean)
    .join(', ');
  const root: TreeNode = { label: `${artifact.name}  (${title})`, nodes: [] };
  if (extra.description) root.nodes.push(leaf(extra.description));
  root.nodes.push(
    { label: 'inputs', nodes: inputs.length ? inputs : [leaf('(none)')] },
    { label: 'request', nodes: requestNodes },
    { label: 'translation map', nodes: translations.length ? translations : [leaf('(none)')] },
    { label: 'outputs', nodes: outputLeaves(artifact.contract.output.successSchema, '') },
    { label: 'success template', nodes: response.successTemplate.split('\n').map(leaf) },
  );
  return root;
}

export function renderTree(tree: TreeNode): string {
  return archy(tree);
}

function pathShape(path: string): string {
  try {
    const compiled = compileJsonPath(path);
    const notes = [compiled.definite ? 'definite: the value itself' : 'indefinite: always a list'];
    if (!compiled.hasRoot) notes.push('no leading $: read as $.' + path.replace(/^\.+/, (dots) => (dots.length > 0 ? '.' : '')));
    return notes.join('; ');
  } catch (error) {
    return `invalid JSONPath: ${(error as Error).message}`;
  }
}

function outputLeaves(schema: JsonObject, prefix: string): TreeNode[] {
  const properties = Object.entries(asObject(schema.properties));
  if (properties.length === 0) return [leaf(prefix ? `${prefix}  ${typeOf(schema)}` : `(${typeOf(schema)})`)];
  return properties.flatMap(([name, property]) => {
    const key = `${prefix}${name}`;
    if (property.type === 'object' && property.properties) return outputLeaves(property, `${key}.`);
    return [leaf(`${key}  ${typeOf(property)}`)];
  });
}

function typeOf(schema: JsonObject): string {
  if (schema.type === 'array') {
    const items = asObject(schema.items);
    return `array of ${typeof items.type === 'string' ? items.type : 'items'}`;
  }
  return Array.isArray(schema.type) ? schema.type.join('|') : String(schema.type ?? 'any');
}

function leaf(label: string): TreeNode {
  return { label, nodes: [] };
}

function asObject(value: unknown): Record<string, JsonObject> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonObject>) : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
