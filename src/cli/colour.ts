import type { CliIo } from './io.js';

/**
 * Whether what goes to stdout may carry ANSI colours, decided as Node does: `FORCE_COLOR` wins when set (`0` or
 * `false` turn colour off, anything else on); otherwise `NO_COLOR` with any value but the empty string, and
 * `TERM=dumb`, turn it off; otherwise colour only when stdout is a terminal.
 */
export function colourEnabled(io: Pick<CliIo, 'env' | 'isTTY'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}
