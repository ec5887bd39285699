import { describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/velocity/index.js';

/** `$` and `$!` that start no reference, as Velocity 1.7's lexer reads them (outputs measured with Java). */
describe('lone $ and $! tokens', () => {
  test.each([
    ['$!#x|', '$!#x|'],
    ['$!#foreach|', '$!#foreach|'],
    ['#macro(m)M#end$!#m()|', '$!#m()|'],
    ['$!## comment\nx', '$!x'],
    ['$!#1|', '$!#1|'],
    ['$!# |', '$# |'],
    ['$!#(|', '$#(|'],
    ['$#x|', '$#x|'],
  ])('%j prints %j', (template, expected) => {
    expect(renderTemplate(template, {})).toEqual({ ok: true, output: expected });
  });
});
