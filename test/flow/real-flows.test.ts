import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { validateArchyCallData } from '../../src/flow/archy-schemas.js';
import { corpusFiles, describeWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';

const realFlowsDir = join(corpusDir, 'real-flows');
const files = corpusFiles(realFlowsDir, '.yaml');

/** Archy replaces `{{key}}` as text before it parses the YAML; so must we. */
function substitute(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => `SUBST_${key}`);
}

/** Every `- callData:` action (an item of an actions list), not `settingsActionDefaults.callData`. */
function callDataBlocks(node: unknown, path: string, found: Array<{ path: string; block: unknown }>): typeof found {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      if (item !== null && typeof item === 'object' && 'callData' in item) {
        found.push({ path: `${path}[${index}].callData`, block: (item as { callData: unknown }).callData });
      }
      callDataBlocks(item, `${path}[${index}]`, found);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) callDataBlocks(value, `${path}.${key}`, found);
  }
  return found;
}

describeWithCorpus('real Archy flows', () => {
  it('the corpus is there', () => {
    expect(files.length).toBe(6);
  });

  it.each(files)('our callData schema accepts every callData block in %s', async (name) => {
    const flow: unknown = parse(substitute(await readFile(join(realFlowsDir, name), 'utf8')));
    const blocks = callDataBlocks(flow, '', []);
    expect(blocks.length).toBeGreaterThan(0);
    for (const { path, block } of blocks) {
      const valid = validateArchyCallData(block);
      expect(valid ? [] : validateArchyCallData.errors, path).toEqual([]);
    }
  });

  it('all 12 real callData blocks are checked', async () => {
    let count = 0;
    for (const name of files) {
      count += callDataBlocks(parse(substitute(await readFile(join(realFlowsDir, name), 'utf8'))), '', []).length;
    }
    expect(count).toBe(12);
  });

  it('rejects what no real block does: a failure output outside the 13 keys, an unwrapped input', () => {
    const block = (binding: object) => ({ category: { Cat: { dataAction: { Act: binding } } } });
    expect(validateArchyCallData(block({ inputs: { a: { exp: 'Flow.a' } } }))).toBe(true);
    expect(validateArchyCallData(block({ inputs: { a: 'Flow.a' } }))).toBe(false);
    expect(validateArchyCallData(block({ inputs: {}, failureOutputs: { message: { noValue: true } } }))).toBe(false);
    expect(validateArchyCallData({ category: { A: { dataAction: { X: { inputs: {} } } }, B: { dataAction: { X: { inputs: {} } } } } })).toBe(false);
  });
});
