import type { ErrorCode } from 'yaml';
import type { Severity } from './diagnostic.js';

/**
 * What a check id means. Lint rules declare theirs in their own file (`defineRule`, with message ids), and a stage
 * that finds the same problem first (the compiler refusing a GET with a body) reports it under the rule's id;
 * every other check is declared here, once. `test/house/check-registry.test.ts` holds src/ to that.
 */
export interface CheckMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** The page that explains it, relative to the repository root (with an anchor). */
  docs: string;
  /** Message id → message template (`{{name}}` placeholders). Stage checks word each message where they find it. */
  messages: Readonly<Record<string, string>>;
  /** The problem is with the command line (a path that does not exist), not with a definition: exit code 2. */
  usage?: boolean;
}

type Entry = readonly [severity: Severity, description: string, extra?: { usage?: boolean }];

const stageDocs = 'docs/checks.md';

function declare<const Table extends Record<string, Entry>>(table: Table): { readonly [Id in keyof Table]: CheckMeta } {
  return Object.fromEntries(
    Object.entries(table).map(([id, [defaultSeverity, description, extra]]) => [
      id,
      { id, defaultSeverity, description, docs: `${stageDocs}#${id}`, messages: {}, ...extra },
    ]),
  ) as { readonly [Id in keyof Table]: CheckMeta };
}

/** The JSON Schema problems of every document dactl checks against a schema, from most to least telling. */
export const schemaProblems = ['unknown-key', 'missing-key', 'enum', 'range', 'type', 'invalid'] as const;
export type SchemaProblem = (typeof schemaProblems)[number];
export const schemaSubjects = {
  spec: 'an action or flow spec',
  org: 'an org profile',
  export: 'a data-action export',
  artifact: 'the export a spec compiled to',
  config: 'the lint configuration (.dactl.yaml)',
  'template-output': 'the YAML an Archy template rendered',
} as const;
export type SchemaSubject = keyof typeof schemaSubjects;
const problemWords: Record<SchemaProblem, string> = {
  'unknown-key': 'a key the schema does not know (with "did you mean")',
  'missing-key': 'a required key is missing',
  type: 'a value of the wrong type',
  enum: 'a value that is not one of those allowed',
  range: 'a number or length out of range',
  invalid: 'a value the schema refuses for another reason',
};

export function schemaCheckId(subject: SchemaSubject, problem: SchemaProblem): string {
  return `${subject}-${problem}`;
}

/** Which schema problem a check id is, when it is one. */
export function schemaProblemOf(ruleId: string): SchemaProblem | undefined {
  return schemaProblems.find((problem) => Object.keys(schemaSubjects).some((subject) => ruleId === schemaCheckId(subject as SchemaSubject, problem)));
}

/** The same schema problem, reported for another subject (an org profile is loaded as a spec). */
export function asSchemaSubject(ruleId: string, subject: SchemaSubject): string {
  const problem = schemaProblemOf(ruleId);
  return problem ? schemaCheckId(subject, problem) : ruleId;
}

const yamlCodes: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias with an anchor or tag of its own',
  BAD_ALIAS: 'an alias to an anchor that is not defined before it',
  BAD_DIRECTIVE: 'a %YAML or %TAG directive the parser does not understand',
  BAD_DQ_ESCAPE: 'an escape a double-quoted string does not have',
  BAD_INDENT: 'indentation that does not line up with its map or list',
  BAD_PROP_ORDER: 'an anchor or tag after the value it belongs to',
  BAD_SCALAR_START: 'a plain value starting with a character reserved by YAML (quote it)',
  BLOCK_AS_IMPLICIT_KEY: 'a block map or list used as a key',
  BLOCK_IN_FLOW: 'block syntax inside a {…} or […] collection',
  DUPLICATE_KEY: 'a key that appears twice in one map',
  IMPOSSIBLE: 'a state the parser cannot reach (please report the file)',
  KEY_OVER_1024_CHARS: 'an implicit key longer than 1024 characters',
  MISSING_CHAR: 'a closing quote, bracket or brace is missing',
  MULTILINE_IMPLICIT_KEY: 'a key that runs over more than one line',
  MULTIPLE_ANCHORS: 'two anchors on one value',
  MULTIPLE_DOCS: 'more than one YAML document in the file',
  MULTIPLE_TAGS: 'two tags on one value',
  NON_STRING_KEY: 'a map key that is not a string',
  RESOURCE_EXHAUSTION: 'aliases that expand past the parser’s limit',
  TAB_AS_INDENT: 'a tab used for indentation',
  TAG_RESOLVE_FAILED: 'a value its tag cannot read',
  UNEXPECTED_TOKEN: 'a character where none of its kind may appear',
  BAD_COLLECTION_TYPE: 'a tag that names the wrong kind of collection',
};

/** `yaml`'s own error code as a check id: `BAD_INDENT` → `yaml-bad-indent`. */
export function yamlCheckId(code: ErrorCode): string {
  return `yaml-${code.toLowerCase().replaceAll('_', '-')}`;
}

const fixedChecks = declare({
  'yaml-syntax': ['error', 'the file cannot be parsed as YAML at all'],
  'yaml-alias-bomb': ['error', 'aliases expand to more nodes than a definition may hold'],
  'yaml-too-deep': ['error', 'the data nests too deeply to read'],
  'yaml-unresolved-alias': ['error', 'an alias to an anchor that is not defined'],
  'yaml-unquoted-value': ['error', 'a plain value that starts with or holds a character YAML reads as syntax: quote it'],
  'json-syntax': ['error', 'the file is not valid JSON'],
  'config-folder-ignores': ['warn', '`ignores:` in a folder’s .dactl.yaml, which only the project’s configuration may set'],
  'file-unreadable': ['error', 'the file cannot be read (permissions, a folder, a broken link)'],
  'file-encoding': ['error', 'the file is not UTF-8 text'],
  'file-too-large': ['error', 'the file is larger than a definition may be (4 MB)'],
  'unsafe-key': ['error', 'a `__proto__`, `constructor` or `prototype` key'],
  'spec-conflict': ['error', 'two keys that cannot be used together (e.g. `url` and `urlTemplate`)'],
  'optional-input-in-url': ['error', 'an optional input in the URL path, which cannot be built without it'],
  'default-type-mismatch': ['error', 'an output default of a type other than the output’s'],
  'output-without-from': ['error', 'an output without `from` and no success template to fill it'],
  'duplicate-action': ['error', 'two specs define an action with the same name'],
  'duplicate-flow': ['error', 'two flow specs with the same name'],
  'duplicate-output': ['error', 'two definitions that compile to the same file under out/'],
  'name-differs-only-in-case': ['warn', 'two actions whose names differ only in case (distinct on the platform, one file on many disks)'],
  'unknown-definition-file': ['warn', 'a YAML file under definitions/ that is none of the known kinds'],
  'flow-unknown-action': ['error', '`callAction.action` names no action in the definitions'],
  'flow-unknown-input': ['error', 'an input the action or module does not take'],
  'flow-missing-input': ['error', 'a required input of the action is not given'],
  'flow-unknown-output': ['error', 'an output the action or module does not produce'],
  'flow-variable-type': ['error', 'a variable bound with the wrong type'],
  'flow-undeclared-variable': ['error', 'a binding to, or an expression reading, a variable the flow does not declare'],
  'flow-step-not-allowed': ['error', 'a step the flow type cannot run'],
  'flow-unknown-module': ['error', '`callModule.module` names no common module flow'],
  'flow-unknown-task': ['error', '`callTask.task` names no reusable task under `tasks:`'],
  'flow-menu-choice': ['error', 'two choices of a menu on one digit, or two menus with one name'],
  'flow-input-contract': ['error', 'a literal input the action’s input contract rejects (enum, pattern)'],
  'flow-substitution-undefined': ['error', 'building for an org that has no value for a `{{key}}` a flow needs'],
  'flow-variable-io': ['error', '`input`/`output` on a variable of an inbound flow'],
  'flow-not-a-module': ['error', 'common-module settings on a flow that is not one, or the reverse'],
  'flow-unreachable-step': ['warn', 'a step after a transfer, disconnect or end'],
  'flow-variable-unused': ['warn', 'a declared variable nothing uses'],
  'template-syntax': ['error', 'an Archy template that does not compile'],
  'template-render': ['error', 'an Archy template that fails while rendering'],
  'template-yaml': ['error', 'an Archy template that renders invalid YAML'],
  'org-profile-invalid': ['error', 'an org profile whose name or settings cannot be used'],
  'org-region-unknown': ['error', 'an org profile region that is not a Genesys Cloud region'],
  'org-reference-invalid': ['error', 'a `%{org.…}` reference that is not well formed'],
  'org-value-undefined': ['error', 'a `%{org.NAME}` the org profile has no value for'],
  'not-an-export': ['error', 'a JSON file that is not a valid data-action export'],
  'not-a-definition': ['warn', 'a file lint was given that is neither a spec nor an export'],
  'path-not-found': ['error', 'a path on the command line that does not exist', { usage: true }],
  'config-not-found': ['error', 'the configuration file named with --config does not exist'],
  'config-unknown-rule': ['error', 'the configuration names a rule dactl does not have'],
  'invalid-suppression': ['warn', 'a `dactl-disable` comment without a rule id or a reason'],
  'unused-suppression': ['warn', 'a `dactl-disable` comment that suppresses nothing'],
  'rule-crashed': ['error', 'a lint rule threw on this file (a bug in dactl); the other rules ran'],
  'test-path': ['error', 'a path given to `dactl test` that does not exist'],
  'test-response-file': ['error', 'a test’s recorded response file cannot be read'],
  'test-output': ['error', 'the action’s output is not the one the test expects'],
  'test-flattened': ['error', 'the flattened output (as Architect sees it) is not the one the test expects'],
  'test-request': ['error', 'the rendered request is not the one the test expects'],
  'test-expected-failure': ['error', 'the test expects a failure but the action succeeded'],
  'test-unexpected-failure': ['error', 'the action failed where the test expects success'],
  'test-failure-step': ['error', 'the action failed at another step than the test expects'],
  'test-failure-message': ['error', 'the failure message is not the one the test expects'],
});

const generatedChecks: CheckMeta[] = [
  ...(Object.keys(yamlCodes) as ErrorCode[]).map(
    (code): CheckMeta => ({
      id: yamlCheckId(code),
      defaultSeverity: 'error',
      description: yamlCodes[code],
      docs: `${stageDocs}#${yamlCheckId(code)}`,
      messages: {},
    }),
  ),
  ...(Object.entries(schemaSubjects) as [SchemaSubject, string][]).flatMap(([subject, words]) =>
    schemaProblems.map(
      (problem): CheckMeta => ({
        id: schemaCheckId(subject, problem),
        defaultSeverity: 'error',
        description: `${words}: ${problemWords[problem]}`,
        docs: `${stageDocs}#${schemaCheckId(subject, problem)}`,
        messages: {},
      }),
    ),
  ),
];

/** The checks dactl runs on Archy flow files, as Archy would at publish time (each documented in docs/rules/<id>.md). */
export const archyCheckTable = [
  { id: 'archy-substitution-unclosed', severity: 'error', description: 'A "{{" that opens a substitution is never closed on its line.' },
  { id: 'archy-unknown-key', severity: 'error', description: 'A key Archy does not know at that place: a root setting, a container item, an action setting, an output path.' },
  { id: 'archy-shape', severity: 'error', description: 'A setting holds the wrong kind of YAML value (a list where a map is needed, a map where a name is needed).' },
  { id: 'archy-unknown-action', severity: 'error', description: 'An action type Archy does not have (a misspelt or made-up action).' },
  { id: 'archy-action-not-allowed', severity: 'error', description: 'An action that this flow type cannot run, such as endWorkflow in a chat flow or playAudio in a workflow.' },
  { id: 'archy-loop-control', severity: 'error', description: 'loopNext or loopExit outside the loop path of a loop action.' },
  { id: 'archy-reference', severity: 'error', description: 'A startUpRef, targetTaskRef, targetStateRef or targetMenuRef that names no container of the flow.' },
  { id: 'archy-value-wrapper', severity: 'error', description: 'A value that is not one well-formed wrapper: lit, exp, noValue: true, tts, var where an output is bound, none: true.' },
  { id: 'archy-variable-type-unknown', severity: 'error', description: 'A variable declaration or updateData statement of a type Architect does not have.' },
  { id: 'archy-variable-duplicate', severity: 'error', description: 'The same variable declared twice (names compare without case).' },
  { id: 'archy-variable-scope', severity: 'error', description: 'A variable declared in the wrong scope for its place (Task. outside a task, Common. outside a common module).' },
  { id: 'archy-variable-undeclared', severity: 'error', description: 'An expression reads a variable that is never declared nor written, or a scope this flow type does not have.' },
  { id: 'archy-variable-type', severity: 'error', description: 'A variable receives a value of another type (an integer output into a string variable, a string into a boolean statement).' },
  { id: 'archy-expression-syntax', severity: 'error', description: 'An Architect expression that does not parse: unbalanced parentheses, a missing operand, an unclosed string.' },
  { id: 'archy-expression-function', severity: 'error', description: 'An expression calls a function Architect does not have.' },
  { id: 'archy-expression-arguments', severity: 'error', description: 'A function called with the wrong number or types of arguments.' },
  { id: 'archy-expression-type', severity: 'error', description: 'An expression of the wrong type for its setting or operator (a string as a decision condition).' },
  { id: 'archy-too-deep', severity: 'error', description: 'Actions nested so deeply that the flow cannot be checked (and Architect cannot show it).' },
  { id: 'archy-calldata-unknown-action', severity: 'error', description: 'A callData in a category of the project names an action the project does not define.' },
  { id: 'archy-calldata-external', severity: 'warn', description: 'A callData calls an action outside the project, so its contract cannot be checked offline.' },
  { id: 'archy-calldata-unknown-input', severity: 'error', description: 'A callData passes an input the action does not take.' },
  { id: 'archy-calldata-missing-input', severity: 'error', description: 'A callData leaves out an input the action requires.' },
  { id: 'archy-calldata-input-value', severity: 'error', description: 'A literal callData input that the action\'s input contract rejects (enum, pattern, type).' },
  { id: 'archy-calldata-unknown-output', severity: 'error', description: 'A success output key that is not in the action\'s flattened output contract.' },
  { id: 'archy-calldata-output-type', severity: 'error', description: 'A success output bound to a variable of a type other than the output\'s.' },
  { id: 'archy-calldata-failure-output', severity: 'error', description: 'A failure output key outside the platform\'s fixed error keys.' },
  { id: 'archy-definition-unknown', severity: 'error', description: 'A file under definitions/flows/ that is neither a flow spec nor an Archy flow.' },
] as const;

export type ArchyCheckId = (typeof archyCheckTable)[number]['id'];

const archyChecks: CheckMeta[] = archyCheckTable.map((check) => ({
  id: check.id,
  defaultSeverity: check.severity,
  description: check.description,
  docs: `docs/rules/${check.id}.md`,
  messages: {},
}));

/** A problem with a flow's call of a data action (as opposed to the flow's own shape): what explain marks on a callData. */
export function isCallDataCheck(ruleId: string): boolean {
  return ruleId.startsWith('archy-calldata-');
}

/** The call names an action the project does not define. */
export function isUnknownCallDataAction(ruleId: string): boolean {
  return ruleId === 'archy-calldata-unknown-action';
}

/** Every check a stage (not a lint rule) reports, by id. */
export const stageChecks: ReadonlyMap<string, CheckMeta> = new Map(
  [...Object.values(fixedChecks), ...generatedChecks, ...archyChecks].map((check) => [check.id, check]),
);

/** Where the docs are published: a check's `docs` path is relative to this. */
export const docsBaseUrl = 'https://github.com/dactl/dactl/blob/main/';

export function docsUrl(check: Pick<CheckMeta, 'docs'>): string {
  return `${docsBaseUrl}${check.docs}`;
}

/** The check's declaration among `checks` (the stage checks and, where given, the lint rules). */
export function findCheck(ruleId: string, rules: readonly CheckMeta[] = []): CheckMeta | undefined {
  return rules.find((rule) => rule.id === ruleId) ?? stageChecks.get(ruleId);
}

const yamlParseIds = new Set(['yaml-syntax', 'yaml-unresolved-alias', ...(Object.keys(yamlCodes) as ErrorCode[]).map(yamlCheckId)]);

/** A problem reading the file as YAML (JSON is read as YAML too): `yaml-syntax` or one of the parser's own codes. */
export function isYamlParseProblem(ruleId: string): boolean {
  return yamlParseIds.has(ruleId);
}

/** A YAML file under definitions/ that is none of the known kinds: a note, not a problem of a definition. */
export function isUnknownDefinitionFile(ruleId: string): boolean {
  return ruleId === 'unknown-definition-file';
}

/** The file is neither a spec nor an export: not a finding about a definition. */
export function isNotADefinition(ruleId: string): boolean {
  return ruleId === 'not-a-definition';
}

/** A JSON file that looks like an export but does not have its shape: nothing in it can be trusted as one. */
export function isNotAnExport(ruleId: string): boolean {
  return ruleId === 'not-an-export';
}

/** True for problems with the command line itself, which exit 2 rather than count as findings. */
export function isUsageProblem(ruleId: string): boolean {
  return stageChecks.get(ruleId)?.usage === true;
}
