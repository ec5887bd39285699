import { describe, expect, it } from 'vitest';
import { checkExpression, parseExpression, type ExpressionEnvironment } from '../../../src/flow/expression/index.js';

const declared: Record<string, string> = { 'flow.count': 'integer', 'flow.name': 'string', 'flow.names': 'stringCollection', 'flow.ok': 'boolean', 'task.queue': 'queue' };
const environment: ExpressionEnvironment = {
  variable(scope, name) {
    if (scope.toLowerCase() === 'call') return { type: 'any' };
    const type = declared[`${scope}.${name}`.toLowerCase()];
    return type ? { type } : { problem: `${scope}.${name} is not declared` };
  },
};

function problems(text: string, expected?: string) {
  return checkExpression(text, environment, expected).problems.map((p) => `${p.code}@${p.span.offset}:${p.span.length}`);
}

describe('Architect expressions', () => {
  it('parse with the documented precedence', () => {
    const ast = parseExpression('1 + 2 * 3 ^ 2 ^ 2 == 7 or not(false) and Flow.ok');
    expect(ast.kind === 'binary' && ast.operator).toBe('or');
    const left = ast.kind === 'binary' ? ast.left : undefined;
    expect(left?.kind === 'binary' && left.operator).toBe('==');
    const sum = left?.kind === 'binary' ? left.left : undefined;
    expect(sum?.kind === 'binary' && sum.operator).toBe('+');
    const product = sum?.kind === 'binary' ? sum.right : undefined;
    expect(product?.kind === 'binary' && product.operator).toBe('*');
    const power = product?.kind === 'binary' ? product.right : undefined;
    // right-associative: 3 ^ (2 ^ 2)
    expect(power?.kind === 'binary' && power.right.kind).toBe('binary');
  });

  it('type-check calls, members, indexes and operators', () => {
    expect(checkExpression('Left(Flow.name, Flow.count)', environment).type).toBe('string');
    expect(checkExpression('GetAt(Flow.names, 0)', environment).type).toBe('string');
    expect(checkExpression('Flow.names[Flow.count]', environment).type).toBe('string');
    expect(checkExpression('Task.Queue.id', environment).type).toBe('string');
    expect(checkExpression('If(Flow.ok, 1, 2.5)', environment).type).toBe('integer');
    expect(checkExpression('Count(Flow.names) > 0 AND flow.OK', environment).type).toBe('boolean');
    expect(checkExpression('ToPhoneNumber(Call.Ani).e164', environment).type).toBe('string');
    expect(checkExpression('"say \\"hi\\"" + Flow.count', environment).type).toBe('string');
    expect(problems('tophonenumber(call.ani)')).toEqual([]);
  });

  it('reports each problem at its place in the text', () => {
    expect(problems('Left(Flow.name, 1')).toEqual(['syntax@4:1']);
    expect(problems('(1 + 2')).toEqual(['syntax@0:1']);
    expect(problems('1 +')).toEqual(['syntax@3:0']);
    expect(problems('Lefft(Flow.name, 1)')).toEqual(['unknown-function@0:5']);
    expect(checkExpression('Lefft(Flow.name, 1)', environment).problems[0]!.message).toContain('did you mean "Left"');
    expect(problems('Left(Flow.name)')).toEqual(['arguments@0:15']);
    expect(problems('Left(Flow.name, "2")')).toEqual(['arguments@16:3']);
    expect(problems('Append("id: ", Flow.missing)')).toEqual(['undeclared-variable@15:12']);
    expect(problems('Flow.name and Flow.ok')).toEqual(['type@0:9']);
    expect(problems('Flow.count', 'boolean')).toEqual(['type@0:10']);
    expect(problems('Flow.name[0]')).toEqual(['type@0:9']);
    expect(problems('"open')).toEqual(['syntax@0:5']);
  });

  it('treats substitutions as values that could be anything', () => {
    expect(problems('Append(\uE000_x_\uE001, Flow.name)')).toEqual([]);
    expect(problems('State.contact.\uE000_kind_\uE001')).toEqual(['undeclared-variable@0:13']);
    expect(problems('Left(\uE000_x_\uE001, 2)')).toEqual([]);
  });

  it('survives deep nesting without running out of stack', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    expect(problems(deep)[0]).toMatch(/^syntax@/);
  });
});
