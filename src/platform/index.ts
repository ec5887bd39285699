export { createPlatformClient } from './client.js';
export { connectPlatformClient } from './connect.js';
export type { ConnectOptions } from './connect.js';
export type {
  GetActionOptions,
  ListActionsOptions,
  PlatformClient,
  PlatformClientOptions,
  TemplateOptions,
  TestOptions,
} from './client.js';
export {
  accessTokenCredentials,
  clientCredentials,
  platformEnvNames,
  profileEnvPrefix,
  readPlatformEnvironment,
} from './credentials.js';
export type {
  AccessTokenCredentials,
  ClientCredentials,
  EnvLike,
  PlatformCredentials,
  PlatformEnvironment,
} from './credentials.js';
export { systemClock } from './effects.js';
export type { Clock, FetchLike } from './effects.js';
export { PlatformError, isPlatformError } from './errors.js';
export type { PlatformErrorCode, RequestDescription } from './errors.js';
export type { PlatformEvent, PlatformEventListener } from './events.js';
export { requiredPermission } from './permissions.js';
export { REGION_DOMAINS, listRegionNames, resolveRegion } from './regions.js';
export type { RegionName, ResolvedRegion } from './regions.js';
export { Secret } from './secret.js';
export type * from './types.js';
