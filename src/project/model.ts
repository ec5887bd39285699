import type { Stats } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { ArchyDocument } from '../flow/archy/read-archy.js';
import type { FlowCatalog } from '../flow/flow-catalog.js';
import type { FlowSpec } from '../flow/flow-spec.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ActionSpec } from '../spec/action-spec.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import type { DefinitionFile } from './discover.js';

/** The loaded project: what loaders produce and commands, the build, lint, tests, diff and push consume. */

export interface ProjectAction extends LoadedSpec<ActionSpec> {
  /** The spec as written, before an org profile (or its absence) resolved `%{org.…}` and the category. */
  written: ActionSpec | undefined;
  /** The compiled export, when the spec compiled without errors. */
  artifact: DataActionExport | undefined;
}

export interface ProjectFlow extends LoadedSpec<FlowSpec> {
  /** True when the spec has its shape and passed the type checks, so it can be compiled. */
  checked: boolean;
}

/** An Archy flow file anywhere in the definitions, read as Archy does and checked against the project's actions. */
export interface ProjectArchyFlow {
  file: string;
  document: ArchyDocument;
  /** Reading and checking problems, placed in the file as written. */
  diagnostics: Diagnostic[];
}

export interface Project {
  root: string;
  actions: ProjectAction[];
  /** Flow specs, type-checked against the actions and common modules. */
  flows: ProjectFlow[];
  /** What the flows may call (empty when there are no flows). */
  flowCatalog: FlowCatalog;
  /** Archy flow files anywhere in the definitions, checked against the actions. */
  archyFlows: ProjectArchyFlow[];
  files: DefinitionFile[];
  /** Org profiles (`orgs/*.yaml`) that loaded without errors, by name. */
  orgs: Map<string, OrgProfile>;
  diagnostics: Diagnostic[];
}

/** A build's memory of earlier loads, by file stamp and content hash (see output/cache.ts). */
export interface LoadCache {
  /** The load recorded for this file, when its stamp shows it has not changed since: the file is not read. */
  unchanged(file: string, stats: Stats): CachedLoad | undefined;
  get(file: string, hash: string, stats: Stats): CachedLoad | undefined;
  set(file: string, hash: string, stats: Stats, loaded: CachedLoad): void;
}

export interface CachedLoad {
  written: ActionSpec | undefined;
  spec: ActionSpec | undefined;
  artifact: DataActionExport | undefined;
  diagnostics: Diagnostic[];
}
