import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { suggestion, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { parseSource } from '../source/index.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import type { Rule } from './define-rule.js';
import type { IgnoreGlobs } from '../project/find-files.js';
import { matchesGlob } from '../project/glob.js';
import { allRules, rulesById } from './rules/index.js';
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
}

export interface LoadedConfig {
  config: LintConfig;
  /** Errors here are configuration errors: the caller should stop (exit 2). */
  diagnostics: Diagnostic[];
}

export const configFileName = '.dactl.yaml';

export function defaultConfig(root: string): LintConfig {
  return { extends: 'recommended', rules: {}, overrides: [], ignores: [], file: undefined, root };
}

/** Reads `--config <file>`, or `.dactl.yaml` in `cwd` when there is one; no file means `extends: recommended`. */
export async function loadLintConfig(cwd: string, configFile?: string): Promise<LoadedConfig> {
  const file = configFile === undefined ? join(cwd, configFileName) : resolve(cwd, configFile);
  const exists = await stat(file).then((s) => s.isFile(), () => false);
  if (!exists) {
    if (configFile === undefined) return { config: defaultConfig(cwd), diagnostics: [] };
    return {
      config: defaultConfig(cwd),
      diagnostics: [{ ruleId: 'config-not-found', severity: 'error', message: 'the configuration file does not exist', file, path: [] }],
    };
  }
  return parseLintConfig(file, await readFile(file, 'utf8'));
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
      if (rulesById.has(id)) continue;
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

/** Each rule's setting for one file (or for the project, without a file): preset, then rules, then matching overrides. */
export function effectiveSettings(config: LintConfig, file?: string): Map<Rule, RuleSetting> {
  const settings = new Map<Rule, RuleSetting>();
  for (const rule of allRules) {
    settings.set(rule, config.extends === 'all' || rule.recommended ? rule.defaultSeverity : 'off');
  }
  const apply = (rules: Record<string, RuleSetting>): void => {
    for (const [id, setting] of Object.entries(rules)) {
      const rule = rulesById.get(id);
      if (rule) settings.set(rule, setting);
    }
  };
  apply(config.rules);
  if (file !== undefined) {
    const path = relative(config.root, file);
    for (const override of config.overrides) {
      if (override.files.some((glob) => matchesGlob(path, glob))) apply(override.rules);
    }
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
