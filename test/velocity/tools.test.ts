import { describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/velocity/index.js';

function render(template: string): string {
  const result = renderTemplate(template, { input: { s: 'a b' } });
  return result.ok ? result.output : `ERROR ${result.error.message}`;
}

describe('tools', () => {
  test.each([
    ["$esc.jsonString('q\"\\')", 'q\\"\\\\'],
    ['$esc.xml("<&>")', '&lt;&amp;&gt;'],
    ['$esc.html("<é>")', '&lt;&eacute;&gt;'],
    ['$esc.javascript("it\'s")', "it\\'s"],
    ['$esc.d$esc.h$esc.q', '$#"'],
    ['$math.add(1.5, 1.5) $math.mul(2, 2.5) $math.div(1, 3)', '3 5 0.3333333333333333'],
    ['$math.round(2.5) $math.floor(-2.1) $math.idiv(7, 2)', '2 -3 3'],
    ['$urlTool.optionalQueryParam("q", $input.s)|$urlTool.optionalQueryParam("q", "")', 'q=a+b|'],
    ['$successTemplateUtils.moveKeysIntoArrayOfObjects(\'{"k":{"a":1}}\', "id")', '[{"id":"k","a":1}]'],
    ['$successTemplateUtils.firstFromArray(\'[{"a": 1}, 2]\')', '{"a":1}'],
  ])('%s', (template, expected) => {
    expect(render(template)).toBe(expected);
  });
});
