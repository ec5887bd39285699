import { afterEach } from 'vitest';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../platform-server/index.js';
import { runCli, tempProject, type CliRun } from './cli-harness.js';

export const CLIENT_ID = 'dactl-e2e-client';
export const CLIENT_SECRET = 'e2e-S3CRET-never-printed';

const servers: PlatformServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop().catch(() => undefined)));
});

export interface OrgWorld {
  server: PlatformServer;
  cwd: string;
  env: Record<string, string>;
  integrationId: string;
  dactl(...argv: string[]): Promise<CliRun>;
}

/** A local Platform API server, a project whose `test` profile points at it, and credentials in a fake env. */
export async function startOrgWorld(
  files: Record<string, string> = {},
  serverOptions: Partial<PlatformServerOptions> = {},
  profileExtra = '',
): Promise<OrgWorld> {
  const server = await startPlatformServer({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...serverOptions });
  servers.push(server);
  const cwd = await tempProject({
    'definitions/orgs/test.yaml': `apiBaseUrl: ${server.url}\nloginBaseUrl: ${server.loginUrl}\n${profileExtra}`,
    ...files,
  });
  const env = { TEST_GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT_SECRET };
  const integrationId = [...server.state.integrations.keys()][0] ?? '';
  return {
    server,
    cwd,
    env,
    integrationId,
    dactl: (...argv) => runCli(argv, { cwd, env }),
  };
}

export function expectNoSecrets(run: CliRun): void {
  const all = run.stdout + run.stderr;
  if (all.includes(CLIENT_SECRET) || /test-token-\d+/.test(all)) throw new Error(`a secret leaked into output:\n${all}`);
}
