import { describe, expect, it } from 'vitest';
import { bigDecimalText, documentNumberText } from '../../src/java/big-decimal.js';
import { JavaDouble, javaDoubleText } from '../../src/java/double.js';
import { parseJavaInt } from '../../src/java/int.js';
import { queryJsonPath, toJsonText } from '../../src/jsonpath/index.js';
import { renderTemplate } from '../../src/velocity/index.js';

describe('Java number text', () => {
  it.each([
    [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [-1.5, '-1.5'], [1e7, '1.0E7'], [9999999, '9999999.0'], [0.001, '0.001'], [1e-4, '1.0E-4'],
    [123456789.125, '1.23456789125E8'], [4.9e-324, '4.9E-324'], [1e21, '1.0E21'], [NaN, 'NaN'], [-Infinity, '-Infinity'],
  ])('Double.toString(%d) is %s', (value, text) => {
    expect(javaDoubleText(value)).toBe(text);
    expect(String(new JavaDouble(value))).toBe(text);
  });

  it('prints -0.0 the same way in JSONPath and Velocity', () => {
    const min = queryJsonPath('$.min()', [-0, 0]);
    expect(min).toEqual({ found: true, value: -0, double: true });
    expect(toJsonText(min as { found: true; value: unknown; double?: boolean })).toBe('-0.0');
    expect(javaDoubleText(-0)).toBe('-0.0');
  });

  it('reads a document zero as an integer, as json-smart does', () => {
    expect(documentNumberText(-0)).toBe('0');
    expect(documentNumberText(5)).toBe('5');
    expect(documentNumberText(2.5)).toBe('2.5');
  });

  it('gives BigDecimal text', () => {
    expect(bigDecimalText('-0')).toBe('0');
    expect(bigDecimalText('1e3')).toBe('1E+3');
    expect(bigDecimalText('0.0000001')).toBe('1E-7');
    expect(bigDecimalText('abc')).toBeNull();
  });

  it('parses ints as Integer.parseInt', () => {
    expect(parseJavaInt('+7')).toBe(7);
    expect(parseJavaInt('2147483648')).toBeNull();
    expect(parseJavaInt('1.0')).toBeNull();
  });
});

describe('Velocity string methods use Java regexes', () => {
  const render = (template: string): string => {
    const result = renderTemplate(template, { input: {} });
    return result.ok ? result.output : `error: ${result.error.message}`;
  };

  it('matches, replaces and splits as java.lang.String', () => {
    expect(render('#set($s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")$s.matches("(a+)+b")')).toBe('false');
    expect(render('#set($s = "a1b22")$s.replaceAll("(\\d+)", "<$1>")')).toBe('a<1>b<22>');
    expect(render('#set($s = "a1b22")$s.replaceFirst("\\p{Digit}", "#")')).toBe('a#b22');
    expect(render('#set($s = "a,b,,")$s.split(",").size()')).toBe('2');
    expect(render('#set($s = "a,b,,")$s.split(",", -1).size()')).toBe('4');
    expect(render('#set($s = "abc")$s.matches("[a-z&&[^d]]+")')).toBe('true');
  });

  it('reports a bad pattern as PatternSyntaxException', () => {
    expect(render('#set($s = "abc")$s.matches("(a")')).toMatch(/PatternSyntaxException/);
  });
});
