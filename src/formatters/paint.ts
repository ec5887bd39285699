const codes = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 } as const;

export type Style = keyof typeof codes;
export type Paint = (style: Style, text: string) => string;

/** Text in an ANSI style when `colour` is on, else the text as it is (whether it is on is the CLI's to decide). */
export function painter(colour: boolean | undefined): Paint {
  return colour ? (style, text) => `\u001b[${codes[style]}m${text}\u001b[0m` : (_, text) => text;
}
