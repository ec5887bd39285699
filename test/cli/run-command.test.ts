import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { tempProject } from '../support/temp-project.js';

const cli = (args: string[], cwd?: string) => runCli(args, cwd ? { cwd } : {});

const seed = 'test/simulate/fixtures/seed-obtener-chat-communication-id.custom.json';
const chats = 'test/fixtures/responses/conversation-chats-legacy.json';
const customerChat = 'definitions/actions/get-customer-chat-communication.action.yaml';

describe('dactl run', () => {
  it("prints the seed action's trace like the Test tab, naming the participant it picked", async () => {
    const result = await cli(['run', seed, '--input', 'ConversationID=688a7340-917f-4d42-bb53-1f6e9f228032', '--response', chats]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ObtenerChatCommunicationId: offline run against conversation-chats-legacy.json');
    expect(result.stdout).toContain('2. request      ✓ GET /api/v2/conversations/chats/688a7340-917f-4d42-bb53-1f6e9f228032');
    expect(result.stdout).toContain("       resolved to the workflow participant's `id` (participants[1] is the workflow participant)\n");
    expect(result.stdout).toContain('     CommunicationID = "90c3a1e0-7c74-4ad4-9249-7d074728050f"');
    expect(result.stdout).toMatch(/\n\nsuccess\n/);
  });

  it('exits 1 and names the failing step when the action fails', async () => {
    const result = await cli(['run', customerChat, '-i', 'conversationId=688a7340', '--response', chats]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('7. output       ✗ the output does not match the output contract');
    expect(result.stdout).toContain('the customer participant has no `chats`');
    expect(result.stdout).toContain('failed at step 7 (output)');
  });

  it('prints JSON with steps, request, output, flattened and success', async () => {
    const result = await cli(['run', customerChat, '--input', 'conversationId=4fdb509a', '--response', 'test/fixtures/responses/conversation-webchat.json', '--format', 'json']);
    expect(result.code).toBe(0);
    const trace = JSON.parse(result.stdout);
    expect(trace.success).toBe(true);
    expect(trace.steps.map((s: { step: string }) => s.step)).toEqual(['input', 'request', 'response', 'translation', 'template', 'parse', 'output', 'flatten']);
    expect(trace.request).toEqual({ method: 'GET', url: '/api/v2/conversations/4fdb509a', headers: {}, body: '{"conversationId":"4fdb509a"}' });
    expect(trace.output).toEqual({ communicationId: '8d1c2f4e-0b7a-4c61-9d3e-2f5a6b7c8d90', customerParticipantId: '82f4a8a1-9c03-4c8f-8cf0-3d878c5cf27f' });
    expect(trace.flattened).toEqual(trace.output);
  });

  it('converts --input values to the contract types and merges --input-file', async () => {
    const root = tempProject({
      'count.action.yaml': `name: Count
integration: purecloud-data-actions
request: { method: POST, url: /api/v2/count, body: { n: "{n}", on: "{on}", label: "{label}" } }
inputs:
  n: { type: integer, required: true }
  on: { type: boolean }
  label: { type: string }
outputs: {}
`,
      'inputs.json': '{"label": "from file", "n": 1}',
      'empty.json': '{}',
    });
    const result = await cli(['run', 'count.action.yaml', '--input-file', 'inputs.json', '-i', 'n=42', '-i', 'on=true', '--response', 'empty.json', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(JSON.parse(result.stdout).request.body)).toEqual({ n: 42, on: true, label: 'from file' });
  });

  it('fails at the response step for an error status', async () => {
    const result = await cli(['run', customerChat, '-i', 'conversationId=x', '--response', chats, '--status', '404', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).failure.message).toContain('the service answered 404 Not Found');
  });

  it.each([
    ['an input without =', ['run', customerChat, '-i', 'conversationId', '--response', chats]],
    ['a missing response file', ['run', customerChat, '-i', 'conversationId=x', '--response', 'nope.json']],
    ['no --response', ['run', customerChat, '-i', 'conversationId=x']],
    ['a bad status', ['run', customerChat, '--response', chats, '--status', '99']],
    ['a missing action', ['run', 'nope.action.yaml', '--response', chats]],
  ])('exits 2 for %s', async (_, args) => {
    expect((await cli(args)).code).toBe(2);
  });

  it('works from the built binary', () => {
    const result = runBin(['run', seed, '--input', 'ConversationID=688a', '--response', chats, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).translations[0].notes[0]).toContain('workflow participant');
  });
});

describe('the request the platform would send as written', () => {
  const spec = `name: Get Conversation
integration: purecloud-data-actions
request:
  method: GET
  urlTemplate: /api/v2/conversations/\${input.conversationId}
inputs:
  conversationId: { type: string }
outputs:
  state: { type: string, from: $.state }
tests:
  - name: a mistyped input
    input: { convId: abc }
    responseFile: r.json
    expect: { output: { state: connected } }
`;
  const project = () => tempProject({ 'definitions/a.action.yaml': spec, 'definitions/r.json': '{"state": "connected"}' });

  it('dactl run refuses an --input the contract does not declare, naming the ones it does', async () => {
    const root = project();
    const result = await cli(['run', 'definitions/a.action.yaml', '--response', 'definitions/r.json', '-i', 'conversationld=abc'], root);
    expect(result.stderr).toContain('--input "conversationld" (did you mean "conversationId"): the input contract declares no such input (it has conversationId)');
    expect(result.code).toBe(2);
  });

  it('dactl run fails the request step on an unrendered ${input.…}, and shows the lint findings', async () => {
    const root = project();
    const result = await cli(['run', 'definitions/a.action.yaml', '--response', 'definitions/r.json'], root);
    expect(result.stdout).toContain('2. request      ✗ GET /api/v2/conversations/${input.conversationId}');
    expect(result.stdout).toContain('error: request: URL: ${input.conversationId} would be sent as written, because "conversationId" has no value');
    expect(result.stdout).toContain('lint findings for this action (dactl lint):');
    expect(result.stdout).toMatch(/definitions\/a\.action\.yaml:5:38 +error .*\(url-unencoded-input, optional-input-formal-reference\)/);
    expect(result.code).toBe(1);
  });

  it('dactl test fails the test whose input name is mistyped, saying so', async () => {
    const root = project();
    const result = await cli(['test'], root);
    expect(result.stdout).toContain('✗ Get Conversation › a mistyped input');
    expect(result.stdout).toContain('the input gives "convId", which the contract does not declare');
    expect(result.stdout).toContain('lint findings for this action (dactl lint):');
    expect(result.code).toBe(1);
  });

  it('a POST body with an unset $input.x fails too; $!{input.x} renders empty and passes', async () => {
    const post = (body: string) =>
      tempProject({
        'a.action.yaml': `name: P\nintegration: purecloud-data-actions\nrequest: { method: POST, urlTemplate: /api/v2/x, template: '${body}' }\ninputs: { note: { type: string } }\noutputs: { id: { type: string, from: $.id } }\n`,
        'r.json': '{"id": "1"}',
      });
    const failing = await cli(['run', 'a.action.yaml', '--response', 'r.json'], post('{"note": "$input.note"}'));
    expect(failing.stdout).toContain('body: $input.note would be sent as written');
    expect(failing.code).toBe(1);
    const passing = await cli(['run', 'a.action.yaml', '--response', 'r.json'], post('{"note": "$!{input.note}"}'));
    expect(passing.stdout).toContain('2. request      ✓ POST /api/v2/x');
  });
});
