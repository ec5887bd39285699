import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import { loadAction } from '../../src/project/load-project.js';
import { formatTrace, runSpecTests, simulateAction } from '../../src/simulate/index.js';
import { repoRoot } from '../support/paths.js';

/** "ObtenerChatCommunicationId" as posted in the forum thread (shared/seed), unchanged. */
const seedAction = JSON.parse(
  readFileSync(join(repoRoot, 'test/simulate/fixtures/seed-obtener-chat-communication-id.custom.json'), 'utf8'),
) as DataActionExport;
/** The seed's own response of GET /api/v2/conversations/chats/{id}: customer, workflow, acd. */
const chatsResponse = readFileSync(join(repoRoot, 'test/fixtures/responses/conversation-chats-legacy.json'), 'utf8');
const conversationId = '688a7340-917f-4d42-bb53-1f6e9f228032';

describe("the seed's mistake", () => {
  const trace = simulateAction(seedAction, { input: { ConversationID: conversationId }, response: { body: chatsResponse } });

  test('the action "succeeds", which is why the mistake went unnoticed', () => {
    expect(trace.success).toBe(true);
    expect(trace.request?.url).toBe(`/api/v2/conversations/chats/${conversationId}`);
    expect(trace.output).toEqual({ CommunicationID: '90c3a1e0-7c74-4ad4-9249-7d074728050f' });
  });

  test("the trace shows the id is the workflow participant's, not a communication of the customer", () => {
    const commid = trace.translations.find((t) => t.key === 'commid');
    expect(commid).toMatchObject({ path: '$.participants[1].id', definite: true, outcome: 'value', value: '"90c3a1e0-7c74-4ad4-9249-7d074728050f"' });
    expect(commid?.notes).toEqual([
      "resolved to the workflow participant's `id` (participants[1] is the workflow participant)",
      '`participants`: [0] customer, [1] workflow, [2] acd',
    ]);
    expect(formatTrace(trace)).toContain("resolved to the workflow participant's `id`");
  });

  test("on the first post's conversation it is again the workflow participant (4abf5d2a…), as the forum reply suspected", () => {
    const conversation = readFileSync(join(repoRoot, 'test/fixtures/responses/conversation-webchat.json'), 'utf8');
    const again = simulateAction(seedAction, { input: { ConversationID: '4fdb509a-b98a-4c87-b5e7-09df3a54027b' }, response: { body: conversation } });
    expect(again.output).toEqual({ CommunicationID: '4abf5d2a-5366-4114-b18a-b1187e57c11c' });
    expect(again.translations[0]?.notes[0]).toBe("resolved to the workflow participant's `id` (participants[1] is the workflow participant)");
  });
});

describe('the bundled Get Customer Chat Communication', () => {
  test('its spec tests pass', async () => {
    const spec = await loadAction(join(repoRoot, 'definitions/actions/get-customer-chat-communication.action.yaml'));
    const report = await runSpecTests(spec);
    expect(report.diagnostics).toEqual([]);
    expect(report.results.map((r) => [r.name, r.passed, r.problems.map((p) => p.message)])).toEqual([
      ['web chat routed to an agent', true, []],
      ['the chats endpoint has no communications, so the action fails instead of returning a wrong id', true, []],
    ]);
    const failing = report.results[1]?.trace;
    expect(failing?.failure?.message).toContain('the customer participant has no `chats`');
  });
});
