export const redacted = '[redacted]';

/** A credential as it goes over the wire: at least 8 characters of token alphabet, never a `${…}` reference. */
const tokenText = String.raw`[A-Za-z0-9\-._~+/]{8,}=*`;
const patterns: RegExp[] = [
  // The whole value of an Authorization header, whatever its scheme, when it is quoted or runs to the line end.
  /(\bauthorization["']?\s*[:=]\s*["']?)(?!\[redacted\]|(?:bearer|basic)\s+\$|\$)(?:(?:bearer|basic)\s+)?[^\s"'\\,}]+/gi,
  new RegExp(String.raw`(\bbearer\s+)${tokenText}`, 'gi'),
  new RegExp(String.raw`(\bbasic\s+)${tokenText}`, 'gi'),
  // OAuth responses and form bodies echoed back: access_token, refresh_token, client_secret.
  /(\b(?:access_token|refresh_token|client_secret)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"'\\&,}]+/gi,
];

/**
 * The text with everything that looks like a credential replaced by `[redacted]`: Authorization values, bearer
 * tokens, basic credentials, OAuth token fields, and each of `secrets` (with its URL-encoded form). Used on every
 * line dactl prints, so a server that echoes a request back cannot leak what was sent.
 */
export function redactCredentials(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const pattern of patterns) result = result.replace(pattern, (_, prefix: string) => `${prefix}${redacted}`);
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join(redacted);
  }
  return result;
}

/**
 * The secrets an environment holds for Genesys Cloud: every `*GENESYSCLOUD_OAUTHCLIENT_SECRET` and
 * `*GENESYSCLOUD_ACCESS_TOKEN`, and each client id and secret pair as a Basic header carries it.
 */
export function secretsInEnvironment(env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    if (name.endsWith('GENESYSCLOUD_ACCESS_TOKEN')) secrets.push(value.trim());
    if (!name.endsWith('GENESYSCLOUD_OAUTHCLIENT_SECRET')) continue;
    const secret = value.trim();
    secrets.push(secret);
    const clientId = env[name.replace(/OAUTHCLIENT_SECRET$/, 'OAUTHCLIENT_ID')]?.trim();
    if (clientId) secrets.push(Buffer.from(`${clientId}:${secret}`).toString('base64'));
  }
  // Longest first, so a secret that contains another is replaced whole.
  return secrets.sort((a, b) => b.length - a.length);
}
