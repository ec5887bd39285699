import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/index.js';

const problems = (file: string, text: string) =>
  parseSource(file, text).diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`);

describe('syntax errors a person can act on', () => {
  it('an unquoted JSONPath in a flow mapping is one "quote the value", not a cascade', () => {
    const text = 'outputs:\n  Apellido: { type: string, from: entities[0].lastName }\n  Nombre: { type: string, from: $.name }\n';
    expect(problems('a.action.yaml', text)).toEqual([
      'yaml-unquoted-value 2:35 YAML reads the "[" in entities[0].lastName as syntax, not text: quote the value, "entities[0].lastName"',
    ]);
  });

  it.each([
    ['from: @.name', 1, 7, 'leading "@"'],
    ['from: *.name', 1, 7, 'leading "*"'],
    ['x: 1\nbody: `curl`', 2, 7, 'leading "`"'],
    ['from: %foo', 1, 7, 'leading "%"'],
  ])('%j: a value that starts with a special character', (text, line, column, reason) => {
    const found = problems('a.action.yaml', `${text}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`yaml-unquoted-value ${line}:${column} YAML reads the ${reason}`);
  });

  it('two unquoted values give two diagnostics, at their own places', () => {
    const text = 'a: { from: x[0] }\nb: { from: y[1], type: string }\n';
    expect(problems('a.action.yaml', text).map((p) => p.split(' YAML')[0])).toEqual(['yaml-unquoted-value 1:12', 'yaml-unquoted-value 2:12']);
  });

  it('other YAML errors are left as they are', () => {
    expect(problems('a.action.yaml', 'a: "open\n')[0]).toMatch(/^yaml-missing-char /);
  });

  it('a JSON file has one json-syntax error where JSON.parse stops', () => {
    expect(problems('export.json', '{\n  "name": "x"\n  "config": {}\n}\n')).toEqual([
      "json-syntax 3:3 not valid JSON: Expected ',' or '}' after property value",
    ]);
  });
});
