export { startPlatformServer } from './server.js';
export type { ExtraClient, LoggedRequest, PlatformServer, PlatformServerOptions, PlatformServerSeed } from './server.js';
export type { Fault } from './faults.js';
export { echoTestRunner } from './routes.js';
export type { TestRunRequest, TestRunner } from './routes.js';
export { ALL_PERMISSIONS, PlatformState, isStaticActionId, minimalConfig, minimalContract } from './state.js';
export type { ActionSeed, StoredAction } from './state.js';
