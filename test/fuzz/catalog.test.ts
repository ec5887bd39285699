import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildSite } from '../../src/catalog/build-site.js';
import { collectCatalog } from '../../src/catalog/catalog-model.js';
import { defaultConfig } from '../../src/lint/config.js';
import { corpusFiles, describeWithCorpus, itWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';

/** Values a hand edit or another tool's export may put anywhere in a document. */
const junk = fc.constantFrom<unknown>(null, 0, -1.5, '', 'x', '<b>&amp;</b>', '{{sub}}', true, [], {}, [null], { type: null });

type Edit = { at: number; kind: 'drop' | 'replace'; value: unknown };

/** How many object members the document holds, at any depth. */
function memberCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + memberCount(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, member) => sum + 1 + memberCount(member), 0);
}

/** The document with the `edits` applied to its members, counted in document order (modulo their number). */
function edited(document: unknown, edits: readonly Edit[]): unknown {
  let counter = 0;
  const count = Math.max(1, memberCount(document));
  const byIndex = new Map(edits.map((edit) => [edit.at % count, edit]));
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const edit = byIndex.get(counter++);
      if (edit?.kind === 'drop') continue;
      copy[key] = edit ? edit.value : walk(member);
    }
    return copy;
  };
  return walk(document);
}

const edits = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom<'drop' | 'replace'>('drop', 'replace'), value: junk }), { minLength: 1, maxLength: 6 });

const inCorpus = (dir: string, suffix: string): string[] => corpusFiles(join(corpusDir, dir), suffix).map((name) => join(corpusDir, dir, name));
const exportFiles = inCorpus('real-actions', '.json');
const flowFiles = [...inCorpus('archy-flows', '.yaml'), ...inCorpus('real-flows', '.yaml')];
const work = mkdtempSync(join(tmpdir(), 'dactl-catalog-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds the catalog of one folder in memory: it may report problems, never throw. */
async function catalogOf(folder: string): Promise<void> {
  const catalog = await collectCatalog([folder], folder, defaultConfig(folder));
  const site = await buildSite(catalog, 'fuzz');
  expect(site.size).toBeGreaterThan(0);
}

describeWithCorpus('dactl catalog on edited real exports and Archy flows', () => {
  itWithCorpus(
    'builds a site whatever an export holds',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...exportFiles), edits, async (file, changes) => {
          const folder = join(work, 'exports');
          rmSync(folder, { recursive: true, force: true });
          mkdirSync(folder, { recursive: true });
          writeFileSync(join(folder, 'edited.custom.json'), JSON.stringify(edited(JSON.parse(readFileSync(file, 'utf8')), changes)));
          await catalogOf(folder);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout,
  );

  itWithCorpus(
    'builds a site whatever an Archy flow holds',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...flowFiles), edits, async (file, changes) => {
          const folder = join(work, 'flows');
          rmSync(folder, { recursive: true, force: true });
          mkdirSync(join(folder, 'flows'), { recursive: true });
          const document = parse(readFileSync(file, 'utf8').replace(/\{\{([^{}]*)\}\}/g, 'SUB_$1'));
          writeFileSync(join(folder, 'flows', 'edited.yaml'), stringify(edited(document, changes)));
          await catalogOf(folder);
        }),
        fuzzParameters(0.3),
      );
    },
    fuzzTimeout,
  );
});
