import { UserError } from '../diagnostics/index.js';
import { isPlatformError } from '../platform/errors.js';
import { systemClock } from '../platform/effects.js';
import type { EnvLike } from '../platform/credentials.js';
import type { PlatformClient } from '../platform/client.js';
import { connectOrg } from './connect-org.js';
import type { OrgProfile } from './org-profile.js';

/** A Platform API failure becomes the one-sentence user error it already is (exit 2); anything else is a bug. */
export async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPlatformError(error)) throw new UserError(error.message);
    throw error;
  }
}

/** The real-world connection: global fetch and the system clock. */
export function connectFromEnv(env: EnvLike): (profile: OrgProfile) => PlatformClient {
  return (profile) => connectOrg(profile, { env, fetch: globalThis.fetch, clock: systemClock });
}
