#!/usr/bin/env node
// Fails when files or folders of src/ import each other in a circle. Every import counts: type-only, re-exports
// and lazy `import()` alike, because each ties one module's meaning to another's. A folder is a top-level
// directory of src/ (src/lint/rules/ belongs to lint/, as a plugin table beside its engine); files directly in src/
// are the entry points and stay outside the folder graph. Known pairs may be listed in scripts/import-cycles.allow (one "a.ts b.ts" per line, with the
// reason in a comment above it); a listed pair that is no longer a cycle is reported too, so the list shrinks.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const allowFile = join(root, 'scripts', 'import-cycles.allow');

export function sourceFiles(dir = srcDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function importedSpecifiers(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

function resolveLocal(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(candidate) && candidate.startsWith(srcDir + sep)) return candidate;
  }
  return undefined;
}

/** Import edges between files of src/, as paths relative to src/. */
export function fileGraph() {
  const graph = new Map();
  for (const file of sourceFiles()) {
    const targets = new Set();
    for (const specifier of importedSpecifiers(file)) {
      const target = resolveLocal(file, specifier);
      if (target && target !== file) targets.add(relative(srcDir, target).split(sep).join('/'));
    }
    graph.set(relative(srcDir, file).split(sep).join('/'), targets);
  }
  return graph;
}

export function folderGraph(files) {
  const folderOf = (file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);
  const graph = new Map();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one member (Tarjan), each sorted, in a stable order. */
export function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const connect = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) connect(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** One shortest circle through `start` inside its component, to show what to cut. */
function circleThrough(graph, start, members) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        for (let at = previous.get(node); at !== undefined; at = previous.get(at)) path.unshift(at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

function readAllowed() {
  if (!existsSync(allowFile)) return [];
  return readFileSync(allowFile, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/).sort());
}

/** Problems as lines of text; none when src/ is free of cycles apart from the allowed pairs. */
export function checkCycles() {
  const files = fileGraph();
  const allowed = readAllowed();
  const isAllowed = (component) => allowed.some((pair) => pair.length === component.length && pair.every((file, i) => file === component[i]));
  const problems = [];
  const fileCycles = cycles(files);
  for (const component of fileCycles) {
    if (isAllowed(component)) continue;
    problems.push(`files import each other: ${circleThrough(files, component[0], new Set(component)).join(' → ')}`);
  }
  for (const pair of allowed) {
    if (!fileCycles.some((component) => component.join(' ') === pair.join(' '))) {
      problems.push(`no longer a cycle, remove it from scripts/import-cycles.allow: ${pair.join(' ')}`);
    }
  }
  const folders = folderGraph(files);
  for (const component of cycles(folders)) {
    const circle = circleThrough(folders, component[0], new Set(component));
    const witnesses = circle.slice(1).map((to, i) => {
      const from = circle[i];
      return [...files].flatMap(([file, targets]) =>
        file.startsWith(`${from}/`) ? [...targets].filter((t) => t.startsWith(`${to}/`)).map((t) => `${file} → ${t}`) : [],
      )[0];
    });
    problems.push(`folders import each other: ${circle.join('/ → ')}/ (${witnesses.join('; ')})`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkCycles();
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log('no import cycles in src/');
}
