import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { Compile, Helper, parse } from 'velocityjs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { tempProject } from '../support/temp-project.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;

describe('the package', () => {
  it('carries the MIT licence it declares, and says where the code and the bug tracker are', () => {
    const license = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
    expect(manifest.license).toBe('MIT');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} dactl contributors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/dactl/dactl.git' });
    expect(manifest.bugs).toEqual({ url: 'https://github.com/dactl/dactl/issues' });
  });

  it('loads with require() from CommonJS as it does with import, silently', () => {
    const consumer = tempProject({
      'consumer.cjs': `const viaRequire = require('dactl');
import('dactl').then((viaImport) => {
  console.log(JSON.stringify({ required: Object.keys(viaRequire).sort(), imported: Object.keys(viaImport).sort(), compile: typeof viaRequire.compileAction }));
});
`,
    });
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(repoRoot, join(consumer, 'node_modules', 'dactl'), 'dir');
    const run = spawnSync(process.execPath, ['consumer.cjs'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as { required: string[]; imported: string[]; compile: string };
    expect(loaded.compile).toBe('function');
    expect(loaded.required).toEqual(loaded.imported);
    expect(loaded.required.length).toBeGreaterThan(20);
  });
});

describe('velocityjs, whose internals the Velocity adapter overrides', () => {
  it('is pinned to the exact version installed', () => {
    const installed = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/velocityjs/package.json'), 'utf8')) as { version: string }).version;
    expect(manifest.dependencies.velocityjs).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies.velocityjs).toBe(installed);
  });

  /** Every `this.member` the subclass uses but does not declare, and every method it overrides. */
  function inheritedMembers(): { overrides: string[]; used: string[] } {
    const file = join(repoRoot, 'src/velocity/genesys-compile.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const subclass = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'GenesysCompile')!;
    const declared = new Set<string>();
    const overrides: string[] = [];
    for (const member of subclass.members) {
      const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (!name) continue;
      if (ts.getModifiers(member as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.OverrideKeyword)) overrides.push(name);
      else declared.add(name);
    }
    for (const member of subclass.members) {
      if (ts.isConstructorDeclaration(member)) for (const p of member.parameters) if (ts.isIdentifier(p.name)) declared.add(p.name.text);
    }
    const used = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) used.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(subclass);
    return { overrides, used: [...used].filter((name) => !declared.has(name)).sort() };
  }

  it('still has every method the adapter overrides, and every member it reads', () => {
    const { overrides, used } = inheritedMembers();
    expect(overrides.length).toBeGreaterThan(5);
    const prototype = Compile.prototype as unknown as Record<string, unknown>;
    for (const name of overrides) expect(typeof prototype[name], `Compile.prototype.${name}`).toBe('function');
    const compile = new Compile(parse('#set($a = 1)$a'), {}) as unknown as Record<string, unknown>;
    expect((compile.render as (context: object) => string)({})).toBe('1');
    for (const name of used) expect(name in compile, `a rendered Compile has ${name}`).toBe(true);
  });

  it('still has the generated parser entry and the helper the adapter calls', () => {
    const resolve = createRequire(import.meta.url);
    const parser = resolve(join(dirname(resolve.resolve('velocityjs')), 'parse/index.cjs')) as Record<string, unknown>;
    expect(typeof parser.parse_1).toBe('function');
    expect(typeof Helper.getRefText).toBe('function');
  });
});
