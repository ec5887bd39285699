import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { formatters, formatNames, type FormatContext } from '../../src/formatters/index.js';
import { allRules } from '../../src/lint/rules/index.js';

const cwd = '/project';
const spec = '/project/definitions/actions/get-chat.action.yaml';
const exported = '/project/exports/Get Recording.json';
const clean = '/project/definitions/actions/clean.action.yaml';

const sources = new Map([
  [spec, 'name: Get chat\nresponse:\n  translationMap:\n    commid: $.participants[1].id\n  successTemplate: \'{"CommunicationID": "${commid}"}\'\n'],
  [exported, '{\n  "name": "Get Recording",\n  "translationMap": { "transcript": "$[0].transcript" }\n}\n'],
]);

const diagnostics: Diagnostic[] = [
  {
    ruleId: 'jsonpath-positional-participant',
    severity: 'error',
    message: 'participants[1] picks a participant by position',
    file: spec,
    path: ['response', 'translationMap', 'commid'],
    range: { start: { line: 4, column: 27 }, end: { line: 4, column: 30 } },
  },
  {
    ruleId: 'success-template-quoted-variable',
    severity: 'error',
    message: '${commid} is inside a JSON string, "quoted" & <escaped>',
    file: spec,
    path: ['response', 'successTemplate'],
    range: { start: { line: 5, column: 41 }, end: { line: 5, column: 50 } },
  },
  {
    ruleId: 'unused-translation',
    severity: 'warn',
    message: 'translation "transcript" is never used, 100%: a,b',
    file: exported,
    path: ['translationMap', 'transcript'],
    range: { start: { line: 3, column: 24 }, end: { line: 3, column: 36 } },
  },
  { ruleId: 'not-a-definition', severity: 'info', message: 'neither a spec nor an export\nskipped', file: '/project/notes.json', path: [] },
];

const context: FormatContext = { cwd, sources, files: [spec, exported, clean], rules: allRules, toolVersion: '0.1.0' };

describe('formatters', () => {
  it.each(formatNames)('%s matches its snapshot', async (name) => {
    const extension = name === 'stylish' || name === 'github' ? 'txt' : name === 'junit' ? 'xml' : 'json';
    await expect(formatters[name](diagnostics, context)).toMatchFileSnapshot(`__snapshots__/${name}.${extension}`);
  });

  it('stylish colours only when asked, and prints nothing for no problems', () => {
    expect(formatters.stylish(diagnostics, context)).not.toContain('\u001b[');
    expect(formatters.stylish(diagnostics, { ...context, color: true })).toContain('\u001b[31m');
    expect(formatters.stylish([], context)).toBe('');
  });

  it('json is versioned and has 1-based positions', () => {
    const report = JSON.parse(formatters.json(diagnostics, context)) as { version: number; diagnostics: Array<Record<string, unknown>> };
    expect(report.version).toBe(1);
    expect(report.diagnostics[0]).toEqual({
      ruleId: 'jsonpath-positional-participant',
      messageId: null,
      severity: 'error',
      message: 'participants[1] picks a participant by position',
      file: 'definitions/actions/get-chat.action.yaml',
      line: 4,
      column: 27,
      endLine: 4,
      endColumn: 30,
    });
  });

  it('sarif validates against the SARIF 2.1.0 schema and links every rule to its docs', () => {
    const require = createRequire(import.meta.url);
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
    ajv.addFormat('uri-reference', /^[^\s]*$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
    const validate = ajv.compile(schema);
    const log = JSON.parse(formatters.sarif(diagnostics, context)) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } }; results: Array<{ ruleIndex: number; ruleId: string }> }>;
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    for (const rule of allRules) {
      expect(run.tool.driver.rules.find((r) => r.id === rule.id)?.helpUri).toBe(`https://github.com/dactl/dactl/blob/main/docs/rules/${rule.id}.md`);
    }
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('github escapes data and properties', () => {
    const lines = formatters.github(diagnostics, context).trimEnd().split('\n');
    expect(lines[2]).toBe('::warning file=exports/Get Recording.json,line=3,col=24,endLine=3,endColumn=36,title=unused-translation::translation "transcript" is never used, 100%25: a,b');
    expect(lines[3]).toBe('::notice file=notes.json,title=not-a-definition::neither a spec nor an export%0Askipped');
  });

  it('junit counts a clean file as a passing test', () => {
    const xml = formatters.junit(diagnostics, context);
    expect(xml).toContain('<testsuites name="dactl lint" tests="5" failures="4" errors="0">');
    expect(xml).toContain('<testcase classname="definitions/actions/clean.action.yaml" name="dactl lint"/>');
  });
});
