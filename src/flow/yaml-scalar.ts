/** Words YAML 1.1 parsers read as booleans or null; Archy files are also read by such tools and linters. */
const yaml11Keywords = /^(y|n|yes|no|on|off|true|false|null|~)$/i;
const numberLike = /^[-+]?(\.?[0-9]|0x|0o|\.inf|\.nan)/i;
const safePlain = /^[^-?:,[\]{}#&*!|>'"%@`\s][^\n\r\t]*$/;

/**
 * A string as a YAML scalar that every parser reads back as the same string: plain when that is safe,
 * otherwise double-quoted (JSON string syntax is valid YAML). `{{…}}` placeholders are always quoted,
 * since Archy substitutes them as text before parsing.
 */
export function yamlString(value: string): string {
  const plain =
    safePlain.test(value) &&
    !yaml11Keywords.test(value) &&
    !numberLike.test(value) &&
    !value.endsWith(' ') &&
    !value.includes(': ') &&
    !value.endsWith(':') &&
    !value.includes(' #') &&
    !value.includes('{{') &&
    !/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Any literal (string, number, boolean) as a YAML scalar. */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}
