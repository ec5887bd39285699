import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/errors.js';
import { profileEnvPrefix, readPlatformEnvironment } from '../../src/platform/index.js';

const SECRET = 'very-secret-value-123';

describe('readPlatformEnvironment', () => {
  it('reads client credentials and region without a profile', () => {
    const env = readPlatformEnvironment({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'id-1',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
      GENESYSCLOUD_REGION: 'us-east-1',
    });
    expect(env.region).toBe('us-east-1');
    expect(env.credentials.kind).toBe('client-credentials');
    if (env.credentials.kind === 'client-credentials') {
      expect(env.credentials.clientId).toBe('id-1');
      expect(env.credentials.clientSecret.reveal()).toBe(SECRET);
    }
  });

  it('uses only the prefixed variables for a profile', () => {
    const env = readPlatformEnvironment(
      {
        GENESYSCLOUD_OAUTHCLIENT_ID: 'wrong',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong',
        GENESYSCLOUD_REGION: 'us-east-1',
        PROD_GENESYSCLOUD_OAUTHCLIENT_ID: 'prod-id',
        PROD_GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
        PROD_GENESYSCLOUD_REGION: 'eu-west-1',
      },
      { profile: 'prod' },
    );
    expect(env.region).toBe('eu-west-1');
    expect(env.credentials.kind === 'client-credentials' && env.credentials.clientId).toBe('prod-id');
  });

  it('prefers an access token', () => {
    const env = readPlatformEnvironment({ GENESYSCLOUD_ACCESS_TOKEN: SECRET, GENESYSCLOUD_REGION: 'usw2.pure.cloud' });
    expect(env.credentials.kind).toBe('access-token');
  });

  it.each([
    ['my-org.eu', 'MY_ORG_EU_'],
    ['prod', 'PROD_'],
    ['', ''],
    [undefined, ''],
  ])('profile %s → prefix %s', (profile, prefix) => {
    expect(profileEnvPrefix(profile)).toBe(prefix);
  });

  it('names the missing variables, not the values', () => {
    const attempt = () =>
      readPlatformEnvironment({ STAGE_GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET }, { profile: 'stage' });
    expect(attempt).toThrow(UserError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('STAGE_GENESYSCLOUD_OAUTHCLIENT_ID');
      expect(message).toContain('STAGE_GENESYSCLOUD_REGION');
      expect(message).toContain('STAGE_GENESYSCLOUD_ACCESS_TOKEN');
      expect(message).not.toContain(SECRET);
    }
  });

  it('never reveals a secret when serialised or inspected', () => {
    const { credentials } = readPlatformEnvironment({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'id-1',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
      GENESYSCLOUD_REGION: 'us-east-1',
    });
    expect(JSON.stringify(credentials)).not.toContain(SECRET);
    expect(inspect(credentials, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(`${String((credentials as { clientSecret: unknown }).clientSecret)}`).not.toContain(SECRET);
  });
});
