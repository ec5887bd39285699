import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultConfig } from '../../src/lint/config.js';
import { lintPaths } from '../../src/lint/lint-files.js';
import { describeWithCorpus } from '../support/corpus.js';
import { corpusDir, repoRoot } from '../support/paths.js';

/** What `dactl lint` (recommended preset) finds in the ten real exports; docs/rules/corpus-findings.md says why each is right. */
const expected: Record<string, Record<string, number>> = {
  'GenesysCloudBlueprints__callback-prioritization__Get-Callback-Priority.custom.json': {
    'success-template-invalid-json': 1,
    'url-unencoded-input': 1,
  },
  'GenesysCloudBlueprints__genesys-cloud-call-park__Get-Waiting-Calls-in-specific-Queue-based-on-External-Tag.custom.json': {
    'body-unescaped-input': 4,
    'default-not-json': 2,
    'optional-input-formal-reference': 4,
  },
  'GenesysCloudBlueprints__process-automation-trigger-with-salesforce__get-contact-by-phone-number.json': {
    'contract-root-not-object': 1,
  },
  'GenesysCloudBlueprints__scheduling-bot-blueprint__GetBookableSlotsDataAction.json': { 'body-unescaped-input': 1 },
  'GenesysCloudBlueprints__switch-voice-to-web-messaging__Get-all-Customer-Participant-Data-by-ConversationId.custom.json': {
    'optional-input-formal-reference': 1,
    'url-unencoded-input': 1,
  },
  'MyPureCloud__developer-center-blog__Get-On-Queue-Agent-Counts.json': { 'body-unescaped-input': 1 },
  'MyPureCloud__developer-center-blog__importExample.json': {
    'body-unescaped-input': 2,
    'optional-input-formal-reference': 3,
  },
  'Purple-Network__Genesys-Cloud-data-actions__Create-Callback-Extended.json': { 'body-unescaped-input': 8 },
  'Purple-Network__Genesys-Cloud-data-actions__Get-Queue-Metrics-oWaiting-And-oInteracting-20210303220514.custom.json': {
    'body-unescaped-input': 1,
  },
  'Purple-Network__Genesys-Cloud-data-actions__Get-Recording-by-Conversation-ID.json': {
    'optional-input-formal-reference': 1,
    'success-template-quoted-variable': 1,
    'url-unencoded-input': 1,
  },
};

describeWithCorpus('the real-action corpus', () => {
  it('gives the findings documented in docs/rules/corpus-findings.md', async () => {
    const result = await lintPaths([join(corpusDir, 'real-actions')], defaultConfig(repoRoot));
    const found: Record<string, Record<string, number>> = {};
    for (const file of result.files) {
      expect(file.kind).toBe('export');
      const counts: Record<string, number> = {};
      for (const d of file.diagnostics) for (const id of d.ruleIds ?? [d.ruleId]) counts[id] = (counts[id] ?? 0) + 1;
      found[basename(file.file)] = counts;
    }
    expect(found).toEqual(expected);
  });

  it('gives one finding per place: where rules meet on one reference, one diagnostic names them all and the one fix', async () => {
    const result = await lintPaths([join(corpusDir, 'real-actions')], defaultConfig(repoRoot));
    const places = result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column}`);
    expect(places.length).toBeGreaterThan(20);
    expect(new Set(places).size).toBe(places.length);
    const merged = result.diagnostics.find((d) => basename(d.file).startsWith('MyPureCloud__developer-center-blog__importExample') && d.ruleIds);
    expect(merged?.ruleIds).toEqual(['body-unescaped-input', 'optional-input-formal-reference']);
    expect(merged?.message).toMatch(/One fix for all: write \$esc\.jsonString\(\$!\{input\.firstName\}\)$/);
  });
});
