export type { Diagnostic, Finding, PathSegment, Position, Range, Severity } from './diagnostics/index.js';
export { ExitCode, UserError } from './diagnostics/index.js';
export { SourceDocument, loadSourceFile, parseSource } from './source/index.js';
export type { ActionSpec, InputSpec, OutputSpec, RequestSpec, TestSpec } from './spec/action-spec.js';
export { compileAction, type CompiledAction } from './compile/compile-action.js';
export { dataActionExport, serializeExport, exportSlug, stripExportSuffix, type DataActionExport } from './export/data-action-export.js';
export { loadProject, loadAction } from './project/load-project.js';
export type { Project, ProjectAction, ProjectFlow } from './project/model.js';
export { buildProject, type BuildOptions, type BuildResult } from './output/build-project.js';
export { decompileExport, type DecompileOptions } from './decompile/decompile-export.js';
export { importExports, readExport, type ImportedAction, type ImportResult } from './decompile/import-exports.js';
export { specToYaml } from './decompile/spec-yaml.js';
export { explainAction, renderTree, type TreeNode } from './explain/explain-action.js';
export { formatCompact } from './formatters/compact.js';
export { queryJsonPath, compileJsonPath, JsonPathSyntaxError, type QueryResult } from './jsonpath/index.js';
export { renderVelocity, type VelocityError, type VelocityOptions, type VelocityResult, type VelocityVariables } from './velocity/index.js';
export {
  simulateAction,
  formatTrace,
  runSpecTests,
  runProjectTests,
  type Trace,
  type TraceStep,
  type StepName,
  type TranslationTrace,
  type RecordedResponse,
  type RenderedRequest,
  type SimulationInput,
  type SpecTestReport,
  type SpecTestResult,
  type TestRun,
} from './simulate/index.js';
export { formatTestJunit } from './formatters/test-junit.js';
export type { OrgProfile, OrgProfileSpec } from './orgs/org-profile.js';
export { loadProfiles, loadProfile, requireProfile, type LoadedProfiles } from './orgs/load-profiles.js';
export { applyProfile, type AppliedProfile } from './orgs/apply-profile.js';
export { connectOrg, profileEnvNames, type ConnectOrgOptions } from './orgs/connect-org.js';
export { readLiveOrg, liveActionToExport, type LiveAction, type LiveOrg, type SkippedAction } from './orgs/live-actions.js';
export { runRemoteTests, type RemoteOutcome, type RemoteTestResult } from './simulate/remote-tests.js';
export {
  createPlatformClient,
  connectPlatformClient,
  resolveRegion,
  listRegionNames,
  PlatformError,
  isPlatformError,
  Secret,
  systemClock,
  type Clock,
  type FetchLike,
  type PlatformClient,
} from './platform/index.js';
export { comparableFromExport, actionLabel, type ComparableAction } from './diff/comparable-action.js';
export { compareActions, type FieldChange } from './diff/compare-actions.js';
export { matchActions, type MatchResult, type Ambiguity } from './diff/match-actions.js';
export { diffActions, type ActionChange, type ChangeKind, type DiffResult } from './diff/diff-actions.js';
export { readSide, type DiffSide, type SideContext } from './diff/read-side.js';
export { formatDiffTree } from './diff/format-tree.js';
export { formatDiffJson } from './diff/format-json.js';
export { formatDiffMarkdown } from './diff/format-markdown.js';
export { pullActions, type PullOptions, type PullResult, type PulledAction } from './pull/pull-actions.js';
export { planPush, needsConfirmation, type PushPlan, type PlanStep, type PlanKind } from './push/plan-push.js';
export { applyPush, type ApplyResult, type StepResult } from './push/apply-push.js';
export { renderSnippet, snippetView, type Snippet } from './flow/snippet.js';
export { loadTemplateSet, bundledTemplatesDir, type TemplateSet, type TemplateFile } from './flow/template-set.js';
export { renderYamlTemplate, type RenderedYaml } from './flow/render-template.js';
export { checkFlow } from './flow/check-flow.js';
export { compileFlow, type FlowView } from './flow/compile-flow.js';
export { explainFlow } from './flow/explain-flow.js';
export { loadFlows, flowCatalog } from './project/load-flows.js';
export { buildFlowOutputs, renderFlow, type FlowOutput, type FlowOutputs } from './output/flow-outputs.js';
export { validateArchyCallData, validateArchyFlow } from './flow/archy-schemas.js';
export type { FlowSpec, FlowType, StepSpec, ValueSpec, VariableSpec } from './flow/flow-spec.js';
export * as archy from './flow/archy/index.js';
export * as architectExpression from './flow/expression/index.js';
export type { FlowCatalog, ActionSignature, ModuleSignature } from './flow/flow-catalog.js';
export { lintPaths, lintText, type LintResult, type FileLintResult } from './lint/lint-files.js';
export { lintProjectActions } from './lint/lint-project.js';
export { loadLintConfig, parseLintConfig, defaultConfig as defaultLintConfig, effectiveSettings, type LintConfig, type RuleSetting } from './lint/config.js';
export { defineRule, ruleDocsUrl, type Rule, type RuleMeta, type RuleContext } from './lint/define-rule.js';
export { allRules, rulesById } from './lint/rules/index.js';
export { fixFile, type FixedFile } from './lint/fix-result.js';
export { formatters, formatStylish, formatJson, formatSarif, formatGithub, formatJunit, type FormatName, type FormatContext } from './formatters/index.js';
