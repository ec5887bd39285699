export { simulateAction } from './simulate-action.js';
export { flattenForArchitect } from './flatten.js';
export { formatStep, formatTrace } from './format-trace.js';
export { MAX_RESPONSE_BYTES, MAX_RESPONSE_DEPTH, parseJsonText } from './response-body.js';
export { stepNames } from './types.js';
export type {
  FilterMatch,
  RecordedResponse,
  RenderedRequest,
  SimulationInput,
  StepName,
  Trace,
  TraceStep,
  TranslationTrace,
} from './types.js';
export { runSpecTests, type SpecTestReport, type SpecTestResult } from './run-spec-tests.js';
export { runProjectTests, type TestRun } from './run-project-tests.js';
