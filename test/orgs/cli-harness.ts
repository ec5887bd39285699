import { cp } from 'node:fs/promises';

export { runCli, type CliRun } from '../support/cli.js';
export { tempProject } from '../support/temp-project.js';

export async function copyInto(source: string, target: string): Promise<void> {
  await cp(source, target, { recursive: true });
}

export const getUserSpec = (overrides: { name?: string; url?: string; extraInput?: boolean } = {}) => `name: ${overrides.name ?? 'Get User'}
integration: purecloud-data-actions
request:
  method: GET
  url: '${overrides.url ?? '/api/v2/users/{userId}'}'
inputs:
  userId:
    type: string
    required: true
${overrides.extraInput ? '  expand:\n    type: string\n' : ''}outputs:
  email:
    type: string
    from: $.email
`;
