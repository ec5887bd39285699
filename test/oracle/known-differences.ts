/**
 * Constructs where dactl knowingly renders differently from Apache Velocity 1.7; each is listed with
 * its reason in docs/fidelity.md ("Known differences"). All of them are lexer states of Velocity's
 * generated parser that leak from one token into the next; none occurs in real data-action templates.
 */
const DIFFERENCES: [string, RegExp][] = [
  // `#set($x = $a.b() and "v=$a")[` or `(`: after some #set values Java's lexer stays in directive
  // state and rejects the next `[` or `(` in the text.
  ['text [ or ( after a directive or reference', /#\{?\w+\}?\([^\n]*\)\s*[[(]|\$[!{]*[a-z][\w.]*\((#|\s|\}|")|\}\(/],
  // `## comment` right after some references, directives and comments is text in Java.
  ['## after a reference or directive', /[\w)}\n]##/],
  // `#break\n(`: Java reads a later parenthesis as the directive's arguments.
  ['parenthesis after a bare directive', /#\{?(break|stop|else|end)\}?\s*\(/],
  // `$!["`, `#$![`: Java's lexer fails on some lone `$`, `$!` and `#` sequences.
  ['lone $ or # before [, \\ or another lone token', /(\$!?|#)\$?!?\[|\$!?\$|#\$|\$\\/],
  // Velocity's NullHolderContext keeps a flag per loop that later loops over the same name inherit.
  ['nested #foreach over one variable with null items', /#foreach\(\$(\w+) in [^\n]*\$input\.nul[^]*#foreach\(\$\1 /],
  // `\t` after `(` and `\\#` after `\\`: lexical errors in Java.
  ['backslash sequences Java rejects', /\(\\[a-z]|\\\\\\?#/],
];

export function knownDifference(template: string): string | undefined {
  return DIFFERENCES.find(([, pattern]) => pattern.test(template))?.[0];
}
