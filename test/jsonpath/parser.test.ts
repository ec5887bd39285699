import { describe, expect, it } from 'vitest';
import { compileJsonPath, JsonPathSyntaxError, type PathNode } from '../../src/jsonpath/index.js';

function syntaxError(path: string): JsonPathSyntaxError {
  try {
    compileJsonPath(path);
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe('syntax errors point into the path as written', () => {
  it.each([
    ['$.a b', 3, ' '],
    ['a b', 1, ' '],
    ['$a', 1, 'a'],
    ['$.', 1, '.'],
    ['$...key', 3, '.'],
    ['$[key]', 1, '['],
    ["$['a'.'b']", 4, "'"],
    ['$[2:113667776004]', 2, '2:113667776004'],
    ['$[::2]', 2, '::2'],
    ['$[?@.a]', 1, '['],
    ['$[?(@.a == )]', 11, ')'],
    ['$[?(@.key=42)]', 9, '='],
    ['$[?(@.a && true)]', 11, 'true'],
    ['$[?(@.a=~/(a+$/)]', 9, '/(a+$/'],
    ['$.x.length(', 4, 'length'],
    ['', 0, ''],
  ])('%s fails at offset %i, on %j', (path, offset, token) => {
    const error = syntaxError(path);
    expect(error.offset).toBe(offset);
    expect(path.slice(error.offset, error.offset + error.length)).toBe(token);
    expect(error.message).not.toBe('');
  });
});

describe('definite and indefinite paths', () => {
  it.each([
    ['$.a.b', true],
    ['$.a[0].b', true],
    ["$['a','b']", true],
    ['$.a.length()', true],
    ['$..a.sum()', true],
    ['$..a', false],
    ['$.a[*]', false],
    ['$.a[0,1]', false],
    ['$.a[0:2]', false],
    ["$['a','b'].c", false],
    ['$.a[?(@.b)]', false],
    ['$.a[*].length()', false],
  ])('%s is definite: %s', (path, definite) => {
    expect(compileJsonPath(path).definite).toBe(definite);
  });

  it('locates the first indefinite token', () => {
    const compiled = compileJsonPath('$.participants[0].chats[*].id');
    expect(compiled.firstIndefinite).toEqual({ offset: 23, length: 3 });
    expect(compileJsonPath('$.a.b').firstIndefinite).toBeUndefined();
  });
});

describe('AST', () => {
  it('keeps offsets into the original path for a path without root', () => {
    const compiled = compileJsonPath('entities[0].lastName');
    expect(compiled.hasRoot).toBe(false);
    const [root, entities, index, lastName] = compiled.ast;
    expect(root).toMatchObject({ kind: 'root', symbol: '$', written: false });
    expect(entities).toMatchObject({ kind: 'property', names: ['entities'], offset: 0, length: 8 });
    expect(index).toMatchObject({ kind: 'index', indexes: [0], offset: 8, length: 3 });
    expect(lastName).toMatchObject({ kind: 'property', names: ['lastName'], offset: 12, length: 8 });
  });

  it('describes filters, functions and bracket names', () => {
    const compiled = compileJsonPath("$.participants[?(@.purpose=='customer' && @.chats.length() > 0)]['id','name']");
    const filter = compiled.ast[2] as Extract<PathNode, { kind: 'filter' }>;
    expect(filter.kind).toBe('filter');
    expect(filter.expression.kind).toBe('and');
    if (filter.expression.kind !== 'and') return;
    const [first, second] = filter.expression.operands;
    expect(first).toMatchObject({ kind: 'comparison', operator: '==', right: { kind: 'string', value: 'customer' } });
    expect(second).toMatchObject({ kind: 'comparison', operator: '>', right: { kind: 'number', text: '0' } });
    if (first?.kind !== 'comparison' || first.left.kind !== 'path') throw new Error('expected a path operand');
    expect(first.left.path.ast.map((node) => node.kind)).toEqual(['root', 'property']);
    expect(first.left.offset).toBe(17);
    expect(compiled.ast[3]).toMatchObject({ kind: 'property', names: ['id', 'name'], notation: 'bracket' });
  });

  it('unescapes bracket names and keeps dot names literally', () => {
    expect(compileJsonPath("$['it\\'s']").ast[1]).toMatchObject({ names: ["it's"] });
    expect(compileJsonPath("$.'key'").ast[1]).toMatchObject({ names: ["'key'"] });
    expect(compileJsonPath('$.key-dash').ast[1]).toMatchObject({ names: ['key-dash'] });
  });

  it('reads slices as Jayway does, ignoring the step', () => {
    expect(compileJsonPath('$[1:3:2]').ast[1]).toMatchObject({ kind: 'slice', from: 1, to: 3 });
    expect(compileJsonPath('$[-2:]').ast[1]).toMatchObject({ kind: 'slice', from: -2 });
  });
});
