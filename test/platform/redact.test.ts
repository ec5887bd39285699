import { describe, expect, it } from 'vitest';
import { redactCredentials, secretsInEnvironment } from '../../src/platform/redact.js';

describe('redactCredentials', () => {
  it.each([
    ['authorization: Bearer eyJhbGciOi.abc-123_x', 'authorization: [redacted]'],
    ['{"Authorization":"Basic Y2xpZW50OnNlY3JldA=="}', '{"Authorization":"[redacted]"}'],
    ['Authorization=sometoken12345', 'Authorization=[redacted]'],
    ['sent Bearer abcdefgh12345678 and basic dXNlcjpwYXNzd29yZA==', 'sent Bearer [redacted] and basic [redacted]'],
    ['{"access_token":"tok-123456","expires_in":86399}', '{"access_token":"[redacted]","expires_in":86399}'],
    ['grant_type=client_credentials&client_secret=hunter22', 'grant_type=client_credentials&client_secret=[redacted]'],
  ])('%s', (text, expected) => {
    expect(redactCredentials(text)).toBe(expected);
  });

  it('leaves Velocity references and ordinary words alone', () => {
    for (const text of ['Authorization: Bearer ${credentials.token}', 'Basic $encoding.base64("${credentials.id}")', 'a basic check', 'Bearer of bad news']) {
      expect(redactCredentials(text)).toBe(text);
    }
  });

  it('removes the environment’s secrets, as they are, URL-encoded and inside a Basic header', () => {
    const env = { PROD_GENESYSCLOUD_OAUTHCLIENT_ID: 'my-client', PROD_GENESYSCLOUD_OAUTHCLIENT_SECRET: 's3cr/t+value', GENESYSCLOUD_ACCESS_TOKEN: 'plain-token-xyz' };
    const secrets = secretsInEnvironment(env);
    const basic = Buffer.from('my-client:s3cr/t+value').toString('base64');
    const text = `secret s3cr/t+value, encoded ${encodeURIComponent('s3cr/t+value')}, token plain-token-xyz, header ${basic}`;
    const out = redactCredentials(text, secrets);
    expect(out).not.toContain('s3cr');
    expect(out).not.toContain('plain-token-xyz');
    expect(out).not.toContain(basic);
    expect(out.match(/\[redacted\]/g)).toHaveLength(4);
  });
});
