export type { Diagnostic, Finding, PathSegment, Position, Range, Severity } from './diagnostics/index.js';
export { ExitCode, UserError } from './diagnostics/index.js';
export { SourceDocument, loadSourceFile, parseSource } from './source/index.js';
export type { ActionSpec, InputSpec, OutputSpec, RequestSpec, TestSpec } from './spec/action-spec.js';
export { compileAction, type CompiledAction } from './compile/compile-action.js';
export { dataActionExport, serializeExport, exportSlug, stripExportSuffix, type DataActionExport } from './export/data-action-export.js';
export { loadProject, loadAction, type Project, type ProjectAction } from './project/load-project.js';
export { buildProject, type BuildOptions, type BuildResult } from './build/build-project.js';
export { decompileExport, type DecompileOptions } from './decompile/decompile-export.js';
export { importExports, readExport, type ImportedAction, type ImportResult } from './decompile/import-exports.js';
export { specToYaml } from './decompile/spec-yaml.js';
export { explainAction, renderTree, type TreeNode } from './explain/explain-action.js';
export { formatCompact } from './formatters/compact.js';
export { queryJsonPath, compileJsonPath, JsonPathSyntaxError, type QueryResult } from './jsonpath/index.js';
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
