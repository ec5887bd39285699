import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway project folder with the given files (relative path → content). */
export function tempProject(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'dactl-test-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

export const minimalAction = `name: Get Conversation
integration: purecloud-data-actions
request:
  method: GET
  url: /api/v2/conversations/{conversationId}
inputs:
  conversationId: { type: string, required: true }
outputs:
  state:
    type: string
    from: $.state
`;
