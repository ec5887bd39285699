import { describe, expect, test } from 'vitest';
import { templateReferences, type TemplateReference } from '../../src/velocity/index.js';

function refs(template: string): TemplateReference[] {
  const result = templateReferences(template);
  if (!Array.isArray(result)) throw new Error(result.error.message);
  return result;
}

describe('templateReferences', () => {
  test('finds input references with notation and offsets', () => {
    const found = refs('/x/${input.id}?q=$esc.url($input.q)&r=$!{input.r}');
    expect(found.map((r) => [r.name, r.offset, r.length, r.formal, r.silent, r.enclosingCalls])).toEqual([
      ['input.id', 3, 11, true, false, []],
      ['esc.url', 17, 18, false, false, []],
      ['input.q', 26, 8, false, false, ['esc.url']],
      ['input.r', 38, 11, true, true, []],
    ]);
  });

  test('marks references inside JSON strings and string literal arguments', () => {
    const found = refs('{"a": "${input.a}", "b": "$esc.jsonString(${input.b})", "c": ${c}, "d": "${d}"}');
    const byName = Object.fromEntries(found.map((r) => [r.name, r]));
    expect(byName['input.a']?.inJsonString).toBe(true);
    expect(byName['input.b']?.enclosingCalls).toEqual(['esc.jsonString']);
    expect(byName['c']?.inJsonString).toBe(false);
    expect(byName['d']?.inJsonString).toBe(true);
  });

  test('nested calls and string literal arguments', () => {
    const found = refs('${successTemplateUtils.firstFromArray("${ids}", "$esc.quote$esc.quote")}');
    expect(found[0]).toMatchObject({ name: 'successTemplateUtils.firstFromArray', call: { method: 'firstFromArray', argumentCount: 2 } });
    expect(found[1]).toMatchObject({ name: 'ids', inStringLiteral: true, enclosingCalls: ['successTemplateUtils.firstFromArray'] });
  });

  test('directive references and comments', () => {
    const found = refs('## $ignored\n#if("$!{input.x}" != "")$Input.y#end \\$escaped');
    expect(found.map((r) => [r.name, r.context])).toEqual([
      ['input.x', 'directive'],
      ['Input.y', 'text'],
    ]);
    expect(found[1]?.root).toBe('Input');
  });

  test('block comments and unparsed content hold no references', () => {
    expect(refs('#* $a *#$b #[[ $c ${d} ]]#$e').map((r) => r.name)).toEqual(['b', 'e']);
    expect(templateReferences('#[[ $unclosed')).toMatchObject({ error: { line: 1 } });
  });

  test('syntax errors are reported with a position', () => {
    expect(templateReferences('ok\n#if($x')).toMatchObject({ error: { line: 2 } });
  });
});
