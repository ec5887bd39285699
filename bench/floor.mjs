// The floor: parse the same YAML files with `yaml` and write JSON, nothing else.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [definitions, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const entry of readdirSync(definitions, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  const value = parse(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  writeFileSync(join(out, entry.name.replace(/\.yaml$/, '.json')), JSON.stringify(value, null, 2) + '\n');
}
