import type { PathNode } from './ast.js';

/** Jayway's PathToken.isTokenDefinite for the node at `index` (the leaf decides for multi-name brackets). */
export function isTokenDefinite(ast: readonly PathNode[], index: number): boolean {
  const node = ast[index];
  if (!node) return true;
  switch (node.kind) {
    case 'root':
    case 'function':
      return true;
    case 'property':
      return node.names.length === 1 || index === ast.length - 1;
    case 'index':
      return node.indexes.length === 1;
    default:
      return false;
  }
}

/** Index of the first indefinite node, or -1. */
export function firstIndefiniteIndex(ast: readonly PathNode[]): number {
  if (isScanFunctionPath(ast)) return -1;
  for (let i = 0; i < ast.length; i++) if (!isTokenDefinite(ast, i)) return i;
  return -1;
}

/** Jayway's isDefinite(): the whole path names at most one value. */
export function isDefinitePath(ast: readonly PathNode[]): boolean {
  return firstIndefiniteIndex(ast) === -1;
}

/** `$..x.fn()`: Jayway rewrites it to `fn($..x)`, which is definite. */
export function isScanFunctionPath(ast: readonly PathNode[]): boolean {
  return ast[1]?.kind === 'scan' && ast[ast.length - 1]?.kind === 'function';
}
