import { UserError } from '../diagnostics/errors.js';
import { Secret } from './secret.js';

export interface ClientCredentials {
  readonly kind: 'client-credentials';
  readonly clientId: string;
  readonly clientSecret: Secret;
}

export interface AccessTokenCredentials {
  readonly kind: 'access-token';
  readonly accessToken: Secret;
}

export type PlatformCredentials = ClientCredentials | AccessTokenCredentials;

export interface PlatformEnvironment {
  readonly credentials: PlatformCredentials;
  /** The raw `GENESYSCLOUD_REGION` value; pass it to `resolveRegion`. */
  readonly region: string;
}

export type EnvLike = Readonly<Record<string, string | undefined>>;

export function clientCredentials(clientId: string, clientSecret: string): ClientCredentials {
  return { kind: 'client-credentials', clientId, clientSecret: new Secret(clientSecret) };
}

export function accessTokenCredentials(accessToken: string): AccessTokenCredentials {
  return { kind: 'access-token', accessToken: new Secret(accessToken) };
}

/**
 * The prefix for a profile's variables: the profile name upper-cased, every run of characters other than
 * A-Z and 0-9 turned into `_`, then `_`. `prod` → `PROD_`, `my-org.eu` → `MY_ORG_EU_`. No profile → no prefix.
 */
export function profileEnvPrefix(profile?: string): string {
  if (profile === undefined || profile === '') return '';
  const stem = profile
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return stem === '' ? '' : `${stem}_`;
}

export function platformEnvNames(profile?: string) {
  const prefix = profileEnvPrefix(profile);
  return {
    clientId: `${prefix}GENESYSCLOUD_OAUTHCLIENT_ID`,
    clientSecret: `${prefix}GENESYSCLOUD_OAUTHCLIENT_SECRET`,
    region: `${prefix}GENESYSCLOUD_REGION`,
    accessToken: `${prefix}GENESYSCLOUD_ACCESS_TOKEN`,
  } as const;
}

function nonEmpty(env: EnvLike, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Reads credentials and region from an env object. With a profile only the prefixed variables count, so a
 * profile never silently falls back to another org's credentials. An access token, when set, wins over a
 * client id/secret pair. Missing values are a `UserError` naming the variables to set (never their values).
 */
export function readPlatformEnvironment(env: EnvLike, options: { profile?: string } = {}): PlatformEnvironment {
  const names = platformEnvNames(options.profile);
  const forProfile = options.profile === undefined ? '' : ` for profile "${options.profile}"`;
  const region = nonEmpty(env, names.region);
  const accessToken = nonEmpty(env, names.accessToken);
  const clientId = nonEmpty(env, names.clientId);
  const clientSecret = nonEmpty(env, names.clientSecret);

  const missing: string[] = [];
  if (accessToken === undefined) {
    if (clientId === undefined) missing.push(names.clientId);
    if (clientSecret === undefined) missing.push(names.clientSecret);
  }
  if (region === undefined) missing.push(names.region);
  if (missing.length > 0) {
    const alternative =
      accessToken === undefined ? ` (or ${names.accessToken} instead of the client id and secret)` : '';
    throw new UserError(`Genesys Cloud credentials are missing${forProfile}: set ${missing.join(', ')}${alternative}.`);
  }

  const credentials =
    accessToken !== undefined
      ? accessTokenCredentials(accessToken)
      : clientCredentials(clientId as string, clientSecret as string);
  return { credentials, region: region as string };
}
