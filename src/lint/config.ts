import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { suggestion, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { parseSource } from '../source/index.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import type { Rule } from './define-rule.js';
import type { IgnoreGlobs } from '../project/find-files.js';
import { matchesGlob } from '../project/glob.js';
import { allRules, rulesById } from './rules/index.js';
import { archyRuleSeverity } from '../flow/archy/archy-rules.js';
import type { EnabledRule } from './run-lint.js';

export type RuleSetting = 'off' | Severity;
export type Preset = 'recommended' | 'all';

export interface LintConfig {
  extends: Preset;
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: string[]; rules: Record<string, RuleSetting> }>;
  /** Globs of files and folders no command reads, relative to `root`. */
  ignores: string[];
  /** The config file, when there is one; override globs are relative to its folder. */
  file: string | undefined;
  root: string;
  /** `.dactl.yaml` files in folders below `root`, each applied over the ones above it to the files in its folder. */
  folders: FolderConfig[];
}

/** A `.dactl.yaml` nearer to the files than the project's: it may change the preset, rules and overrides. */
export interface FolderConfig {
  dir: string;
  file: string;
  extends: Preset | undefined;
  rules: Record<string, RuleSetting>;
  overrides: LintConfig['overrides'];
}

export interface LoadedConfig {
  config: LintConfig;
  /** Errors here are configuration errors: the caller should stop (exit 2). */
  diagnostics: Diagnostic[];
}

export const configFileName = '.dactl.yaml';

export function defaultConfig(root: string): LintConfig {
  return { extends: 'recommended', rules: {}, overrides: [], ignores: [], file: undefined, root, folders: [] };
}

/**
 * Reads `--config <file>`, or else the project's `.dactl.yaml`: the nearest one from `cwd` upward, not above the
 * folder holding `.git`. No file means `extends: recommended`.
 */
export async function loadLintConfig(cwd: string, configFile?: string): Promise<LoadedConfig> {
  const file = configFile === undefined ? await findProjectConfig(cwd) : resolve(cwd, configFile);
  const exists = file !== undefined && (await isFile(file));
  if (!exists) {
    if (file === undefined) return { config: defaultConfig(cwd), diagnostics: [] };
    return {
      config: defaultConfig(cwd),
      diagnostics: [{ ruleId: 'config-not-found', severity: 'error', message: 'the configuration file does not exist', file, path: [] }],
    };
  }
  return parseLintConfig(file, await readFile(file, 'utf8'));
}

async function findProjectConfig(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, configFileName);
    if (await isFile(file)) return file;
    if ((await exists(join(dir, '.git'))) || dirname(dir) === dir) return undefined;
  }
}

/**
 * Adds the `.dactl.yaml` files found between each file's folder and the project's configuration folder (a
 * configuration given with `--config` stands alone). Problems in them are configuration errors.
 */
export async function withFolderConfigs(config: LintConfig, files: readonly string[], given: boolean): Promise<LoadedConfig> {
  if (given) return { config, diagnostics: [] };
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); isBelow(dir, config.root) && !dirs.has(dir); dir = dirname(dir)) dirs.add(dir);
  }
  const diagnostics: Diagnostic[] = [];
  const folders: FolderConfig[] = [];
  for (const dir of [...dirs].sort((a, b) => a.length - b.length)) {
    const file = join(dir, configFileName);
    if (!(await isFile(file))) continue;
    const text = await readFile(file, 'utf8');
    const parsed = parseLintConfig(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.config.ignores.length) {
      diagnostics.push({ ruleId: 'config-folder-ignores', severity: 'warn', message: `ignores: is read only from the project's ${configFileName}${config.file ? ` (${config.file})` : ''}; move it there`, file, path: ['ignores'] });
    }
    const preset = /^extends\s*:/m.test(text) ? parsed.config.extends : undefined;
    folders.push({ dir, file, extends: preset, rules: parsed.config.rules, overrides: parsed.config.overrides });
  }
  return { config: { ...config, folders }, diagnostics };
}

function isBelow(dir: string, root: string): boolean {
  const path = relative(root, dir);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

export function parseLintConfig(file: string, text: string): LoadedConfig {
  const config = defaultConfig(dirname(file));
  config.file = file;
  const loaded = parseSource(file, text);
  const diagnostics = [...loaded.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { config, diagnostics };
  const value = loaded.value ?? {};
  const shape = schemaFindings(schemaValidator('config'), value, 'config');
  if (shape.length) return { config, diagnostics: [...diagnostics, ...shape.map((f) => loaded.source.locate(f))] };
  const raw = value as Partial<Pick<LintConfig, 'extends' | 'rules' | 'overrides' | 'ignores'>>;
  config.extends = raw.extends ?? 'recommended';
  config.rules = raw.rules ?? {};
  config.overrides = raw.overrides ?? [];
  config.ignores = raw.ignores ?? [];
  const unknown = (rules: Record<string, RuleSetting>, path: Array<string | number>): void => {
    for (const id of Object.keys(rules)) {
      if (rulesById.has(id) || archyRuleSeverity.has(id)) continue;
      diagnostics.push(
        loaded.source.locate({
          ruleId: 'config-unknown-rule',
          severity: 'error',
          message: `there is no rule "${id}"${suggestion(id, rulesById.keys())}`,
          path: [...path, id],
          at: 'key',
        }),
      );
    }
  };
  unknown(config.rules, ['rules']);
  config.overrides.forEach((override, i) => unknown(override.rules, ['overrides', i, 'rules']));
  return { config, diagnostics };
}

/** Each rule's setting for one file (or for the project, without a file): preset, then each configuration's rules and matching overrides. */
export function effectiveSettings(config: LintConfig, file?: string): Map<Rule, RuleSetting> {
  const folders = file === undefined ? [] : config.folders.filter((folder) => !relative(folder.dir, file).startsWith('..'));
  const preset = folders.reduce<Preset>((chosen, folder) => folder.extends ?? chosen, config.extends);
  const settings = new Map<Rule, RuleSetting>();
  for (const rule of allRules) {
    settings.set(rule, preset === 'all' || rule.recommended ? rule.defaultSeverity : 'off');
  }
  const apply = (rules: Record<string, RuleSetting>): void => {
    for (const [id, setting] of Object.entries(rules)) {
      const rule = rulesById.get(id);
      if (rule) settings.set(rule, setting);
    }
  };
  const applyOverrides = (overrides: LintConfig['overrides'], dir: string): void => {
    if (file === undefined) return;
    const path = relative(dir, file);
    for (const override of overrides) {
      if (override.files.some((glob) => matchesGlob(path, glob))) apply(override.rules);
    }
  };
  // Farther configurations first, so the one nearest the file has the last word.
  for (const layer of [{ ...config, dir: config.root }, ...folders]) {
    apply(layer.rules);
    applyOverrides(layer.overrides, layer.dir);
  }
  return settings;
}

/** The configuration's `ignores:` for file discovery. */
export function ignoreGlobs(config: LintConfig): IgnoreGlobs {
  return { globs: config.ignores, base: config.root };
}

export function enabledRules(config: LintConfig, file?: string): EnabledRule[] {
  const enabled: EnabledRule[] = [];
  for (const [rule, setting] of effectiveSettings(config, file)) {
    if (setting !== 'off') enabled.push({ rule, severity: setting });
  }
  return enabled;
}
