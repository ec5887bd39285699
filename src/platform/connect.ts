import { createPlatformClient, type PlatformClient, type PlatformClientOptions } from './client.js';
import { readPlatformEnvironment, type EnvLike } from './credentials.js';
import { resolveRegion } from './regions.js';

export interface ConnectOptions extends Omit<PlatformClientOptions, 'apiBaseUrl' | 'loginBaseUrl' | 'credentials'> {
  readonly env: EnvLike;
  /** Reads `<PROFILE>_GENESYSCLOUD_*` instead of `GENESYSCLOUD_*`. */
  readonly profile?: string;
  /** Overrides the region's `https://api.<domain>` (proxies, tests). */
  readonly apiBaseUrl?: string;
  /** Overrides the region's `https://login.<domain>`. */
  readonly loginBaseUrl?: string;
}

/** Credentials and region from the environment, endpoints from the region unless overridden. */
export function connectPlatformClient(options: ConnectOptions): PlatformClient {
  const { env, profile, apiBaseUrl, loginBaseUrl, ...clientOptions } = options;
  const environment = readPlatformEnvironment(env, profile === undefined ? {} : { profile });
  const region = resolveRegion(environment.region);
  return createPlatformClient({
    ...clientOptions,
    credentials: environment.credentials,
    apiBaseUrl: apiBaseUrl ?? region.apiBaseUrl,
    loginBaseUrl: loginBaseUrl ?? region.loginBaseUrl,
  });
}
