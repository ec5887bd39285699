import { describe, expect, it } from 'vitest';
import { renderTree } from '../../src/explain/explain-action.js';
import { explainFlow } from '../../src/flow/explain-flow.js';
import { catalogWith, seedProject } from './flow-harness.js';

describe('explain a flow', () => {
  const flow = seedProject.flows[0]!;
  const text = renderTree(explainFlow(flow.spec!, catalogWith(seedProject.flows)));

  it('shows steps, the actions they call and every input and output binding', async () => {
    expect(text).toContain('call action "Find External Contacts by DNI"  (category: {{data_action_category}} (substituted at publish))');
    expect(text).toContain('dni  string, required  ← Flow.dni');
    expect(text).toContain('customerParticipantId  string  → (unset)');
    expect(text).toContain('mediaType  string, required  ← literal "CHAT"');
    await expect(text).toMatchFileSnapshot('__snapshots__/explain/Chat-Customer-Verification.txt');
  });
});
