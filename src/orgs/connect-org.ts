import { createPlatformClient, type PlatformClient, type PlatformClientOptions } from '../platform/client.js';
import { platformEnvNames, readPlatformEnvironment, type EnvLike } from '../platform/credentials.js';
import { resolveRegion } from '../platform/regions.js';
import type { OrgProfile } from './org-profile.js';

export interface ConnectOrgOptions
  extends Omit<PlatformClientOptions, 'apiBaseUrl' | 'loginBaseUrl' | 'credentials'> {
  readonly env: EnvLike;
}

export const defaultRequestTimeoutSeconds = 30;
export const defaultDeadlineSeconds = 600;

/** The prefix profile's credential variables use: `envPrefix` when set, else the profile name. */
export function profileEnvName(profile: OrgProfile): string {
  return profile.envPrefix ?? profile.name;
}

export function profileEnvNames(profile: OrgProfile) {
  return platformEnvNames(profileEnvName(profile));
}

/**
 * A Platform API client for the org a profile describes. The endpoints come from the profile (its region, or its
 * explicit URLs); only credentials, and the region when the profile names none, come from the environment.
 */
export function connectOrg(profile: OrgProfile, options: ConnectOrgOptions): PlatformClient {
  const { env, ...clientOptions } = options;
  const envProfile = profileEnvName(profile);
  const names = platformEnvNames(envProfile);
  const declaredRegion = profile.region ?? (profile.apiBaseUrl === undefined ? undefined : 'explicit');
  const withRegion = declaredRegion === undefined ? env : { ...env, [names.region]: declaredRegion };
  const environment = readPlatformEnvironment(withRegion, envProfile === '' ? {} : { profile: envProfile });
  const endpoints =
    profile.apiBaseUrl !== undefined && profile.loginBaseUrl !== undefined
      ? { apiBaseUrl: profile.apiBaseUrl.replace(/\/+$/, ''), loginBaseUrl: profile.loginBaseUrl.replace(/\/+$/, '') }
      : resolveRegion(environment.region);
  return createPlatformClient({
    timeoutMs: (profile.requestTimeoutSeconds ?? defaultRequestTimeoutSeconds) * 1000,
    deadlineMs: (profile.deadlineSeconds ?? defaultDeadlineSeconds) * 1000,
    ...clientOptions,
    credentials: environment.credentials,
    apiBaseUrl: endpoints.apiBaseUrl,
    loginBaseUrl: endpoints.loginBaseUrl,
  });
}
