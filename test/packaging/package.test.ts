import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
