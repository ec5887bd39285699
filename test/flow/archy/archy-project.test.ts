import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { repoRoot } from '../../support/paths.js';
import { tempProject } from '../../support/temp-project.js';

const actionFile = 'definitions/actions/get-customer-chat-communication.action.yaml';
const bundledAction = readFileSync(join(repoRoot, actionFile), 'utf8');

/** A chat flow calling the bundled action by its spec's category; `extra` adds lines to the action's inputs. */
function chatFlow(name: string, category = 'Genesys Cloud Data Actions'): string {
  return `inboundChat:
  name: ${name}
  startUpRef: "/inboundChat/states/state[Initial State_10]"
  defaultLanguage: en-us
  states:
    - state:
        name: Initial State
        refId: Initial State_10
        variables:
          - stringVariable:
              name: State.communicationId
        actions:
          - callData:
              category:
                ${category}:
                  dataAction:
                    Get Customer Chat Communication:
                      inputs:
                        conversationId:
                          exp: Chat.ConversationId
                      successOutputs:
                        communicationId:
                          var: State.communicationId
          - disconnect:
              none: true
`;
}

function project(action = bundledAction): string {
  const files: Record<string, string> = {
    [actionFile]: action,
    'definitions/flows/first.yaml': chatFlow('First'),
    'definitions/flows/nested/second.yaml': chatFlow('Second', '"{{data_action_category}}"'),
  };
  for (const name of readdirSync(join(repoRoot, 'test/fixtures/responses'))) {
    files[`test/fixtures/responses/${name}`] = readFileSync(join(repoRoot, 'test/fixtures/responses', name), 'utf8');
  }
  return tempProject(files);
}

describe('Archy flows in a project', () => {
  it('build checks them against the actions and passes when they fit', async () => {
    const root = project();
    const run = await runCli(['build', '--check'], { cwd: root });
    expect(run.stderr).not.toContain('archy-');
  });

  it('an output changing type is reported in every flow that binds it', async () => {
    const root = project(bundledAction.replace(/communicationId:\n(\s+)description: The customer's chat communication id.\n\s+type: string/, "communicationId:\n$1description: The customer's chat communication id.\n$1type: integer"));
    const run = await runCli(['build'], { cwd: root });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.includes('archy-calldata-output-type'));
    expect(lines).toEqual([
      expect.stringMatching(/^definitions\/flows\/first\.yaml:23:32 {2}error {2}output "communicationId" is an integer but State\.communicationId is a string/),
      expect.stringMatching(/^definitions\/flows\/nested\/second\.yaml:23:32 {2}error/),
    ]);
  });

  it('an input removed from the action is reported in every flow that passes it', async () => {
    const root = project(bundledAction.replace('/api/v2/conversations/{conversationId}', '/api/v2/conversations').replace(/inputs:\n  conversationId:\n(    .*\n)+/, 'inputs: {}\n'));
    const run = await runCli(['build'], { cwd: root });
    const lines = run.stderr.split('\n').filter((l) => l.includes('archy-calldata-unknown-input'));
    expect(lines).toEqual([
      expect.stringMatching(/^definitions\/flows\/first\.yaml:19:25 {2}error {2}"Get Customer Chat Communication" has no input "conversationId"/),
      expect.stringMatching(/^definitions\/flows\/nested\/second\.yaml:19:25 {2}error/),
    ]);
  });

  it('a file under flows/ that is neither a flow spec nor an Archy flow is an error', async () => {
    const root = tempProject({ 'definitions/flows/notes.yaml': 'title: not a flow\n' });
    const build = await runCli(['build', '--check'], { cwd: root });
    expect(build.stderr).toContain('definitions/flows/notes.yaml:1:1  error  neither a flow spec');
    const lint = await runCli(['lint', 'definitions'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('archy-definition-unknown');
  });

  it('lint checks a flow against the actions of the definitions it lives in', async () => {
    const root = project();
    const text = chatFlow('Third').replace('conversationId:\n                          exp', 'conversationID:\n                          exp');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'definitions/flows/third.yaml'), text);
    const run = await runCli(['lint', 'definitions/flows/third.yaml'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/19:25 +error +"Get Customer Chat Communication" has no input "conversationID"; did you mean "conversationId"\?/);
  });

  it('explain prints the flow as a tree with each callData resolved and its contract status', async () => {
    const root = project(bundledAction.replace(/communicationId:\n(\s+)description: The customer's chat communication id.\n\s+type: string/, "communicationId:\n$1description: The customer's chat communication id.\n$1type: integer"));
    const run = await runCli(['explain', 'definitions/flows/first.yaml'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      'First  (inboundChat)',
      '└─┬ states',
      '  └─┬ state "Initial State"  (start)',
      '    ├── State.communicationId  string',
      expect.stringMatching(/^    ├── callData: Genesys Cloud Data Actions \/ Get Customer Chat Communication {2}→ Get Customer Chat Communication \(.*get-customer-chat-communication\.action\.yaml\): 1 contract problem$/),
      '    └── disconnect',
    ]);
    expect(run.stderr).toContain('archy-calldata-output-type');
    const fine = await runCli(['explain', 'definitions/flows/nested/second.yaml'], { cwd: project() });
    expect(fine.stdout).toContain('{{data_action_category}} / Get Customer Chat Communication  → Get Customer Chat Communication');
    expect(fine.stdout).toContain('fits its contract');
  });

  it('a category an org profile names resolves to the project action of that integration type', async () => {
    const root = project();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(root, 'definitions/orgs'));
    writeFileSync(join(root, 'definitions/orgs/prod.yaml'), 'integrations:\n  purecloud-data-actions: Prod Data Actions\n');
    writeFileSync(join(root, 'definitions/flows/third.yaml'), chatFlow('Third', 'Prod Data Actions').replace('conversationId:\n                          exp', 'conversationID:\n                          exp'));
    const run = await runCli(['build', '--check'], { cwd: root });
    expect(run.stderr).toMatch(/definitions\/flows\/third\.yaml:19:25 {2}error {2}"Get Customer Chat Communication" has no input "conversationID"/);
    expect(run.stderr).not.toContain('first.yaml');
  });

  it('an Archy flow named like a flow spec is read as Archy by build, lint and explain', async () => {
    const root = project();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'definitions/flows/fourth.flow.yaml'), chatFlow('Fourth').replace('- disconnect:', '- endWorkflow:'));
    const build = await runCli(['build', '--check'], { cwd: root });
    expect(build.stderr).toMatch(/definitions\/flows\/fourth\.flow\.yaml:24:13 {2}error {2}an inboundChat flow cannot run endWorkflow/);
    const lint = await runCli(['lint', 'definitions'], { cwd: root });
    expect(lint.stdout).toContain('archy-action-not-allowed');
    const explain = await runCli(['explain', 'definitions/flows/fourth.flow.yaml'], { cwd: root });
    expect(explain.stdout.split('\n')[0]).toBe('Fourth  (inboundChat)');
  });
});
