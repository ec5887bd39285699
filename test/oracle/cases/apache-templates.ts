import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_NAMES } from '../../../src/velocity/tools/genesys-tools.js';

/**
 * Apache Velocity's own regression templates (`test/templates/*.vm` of a Velocity 1.x source), read from
 * the folder `DACTL_VELOCITY_TESTS` names. They are never copied into this project.
 *
 * Velocity's TemplateTestCase renders them with Java objects in the context and the macro library
 * VM_global_library.vm loaded. Here each template is rendered on its own by both engines, with the same
 * bare context and no library:
 * - `compared`: templates that need neither, so both engines see what Velocity's suite renders;
 * - `withoutSetup`: templates that use TemplateTestCase's objects or library macros, rendered with those
 *   missing (unset references, undefined macros) in both engines;
 * - `leftOut`: templates that need the suite's resource loader, and the library itself.
 */

/** What TemplateTestCase.setUp puts in the context (Velocity 1.7). */
const TEST_CASE_CONTEXT = [
  'provider', 'name', 'providers', 'list', 'hashtable', 'hashmap', 'search', 'relatedSearches', 'searchResults',
  'stringarray', 'vector', 'mystring', 'runtime', 'fmprov', 'Floog', 'boolobj', 'collection', 'iterator', 'map',
  'obarr', 'enumerator', 'intarr', 'int1', 'long1', 'float1', 'double1', 'templatenumber1', 'nullList',
];
/** What the oracle puts in both engines' contexts; a template naming one would not see a bare context. */
const ORACLE_CONTEXT = ['input', 'rawResult', 'credentials', ...TOOL_NAMES];
const LIBRARY = 'VM_global_library.vm';

export interface ApacheTemplate {
  file: string;
  text: string;
}

export interface ApacheSelection {
  compared: ApacheTemplate[];
  withoutSetup: (ApacheTemplate & { reason: string })[];
  leftOut: { file: string; reason: string }[];
}

/** Comments do not count when looking for what a template uses. */
const withoutComments = (text: string): string => text.replace(/#\*[^]*?\*#/g, '').replace(/##[^\n]*/g, '');

const referenced = (code: string, names: readonly string[]): string[] =>
  names.filter((name) => new RegExp(`\\$!?\\{?${name}(?![\\w-])`).test(code));

const macrosOf = (text: string): string[] => [...text.matchAll(/#\{?macro\}?\s*\(\s*([\w-]+)/g)].map((match) => match[1]!);

const listed = (prefix: string, names: string[]): string => names.map((name) => `${prefix}${name}`).join(', ');

type Verdict = { group: 'compared' } | { group: 'withoutSetup' | 'leftOut'; reason: string };

function classify(file: string, text: string, libraryMacros: readonly string[]): Verdict {
  if (file === LIBRARY) return { group: 'leftOut', reason: 'the macro library TemplateTestCase loads, not a test' };
  const code = withoutComments(text);
  const resources = [...new Set([...code.matchAll(/#\{?(parse|include)\b/g)].map((match) => match[1]!))];
  if (resources.length > 0) return { group: 'leftOut', reason: `${listed('#', resources)} ${resources.length > 1 ? 'need' : 'needs'} the suite's resource loader and files` };
  const oracle = referenced(code, ORACLE_CONTEXT);
  if (oracle.length > 0) return { group: 'leftOut', reason: `names ${listed('$', oracle)}, which the oracle's context holds` };
  const needs = [
    ...referenced(code, TEST_CASE_CONTEXT).map((name) => `$${name}`),
    ...libraryMacros.filter((name) => new RegExp(`#\\{?${name}\\}?\\s*\\(`).test(code)).map((name) => `#${name} of ${LIBRARY}`),
  ];
  if (needs.length > 0) return { group: 'withoutSetup', reason: `uses TemplateTestCase's ${needs.join(', ')}` };
  return { group: 'compared' };
}

export function selectApacheTemplates(folder: string): ApacheSelection {
  const files = readdirSync(folder).filter((file) => file.endsWith('.vm')).sort();
  const libraryPath = join(folder, LIBRARY);
  const libraryMacros = existsSync(libraryPath) ? macrosOf(readFileSync(libraryPath, 'utf8')) : [];
  const selection: ApacheSelection = { compared: [], withoutSetup: [], leftOut: [] };
  for (const file of files) {
    const text = readFileSync(join(folder, file), 'utf8');
    const verdict = classify(file, text, libraryMacros);
    if (verdict.group === 'compared') selection.compared.push({ file, text });
    else if (verdict.group === 'withoutSetup') selection.withoutSetup.push({ file, text, reason: verdict.reason });
    else selection.leftOut.push({ file, reason: verdict.reason });
  }
  return selection;
}

/** Templates where dactl knowingly renders differently; each is explained in docs/fidelity.md. */
export const APACHE_TEMPLATE_DIFFERENCES: Readonly<Record<string, string>> = {};
