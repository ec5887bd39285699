/** The stages of one execution, in the order the platform runs them. */
export const stepNames = ['input', 'request', 'response', 'translation', 'template', 'parse', 'output', 'flatten'] as const;
export type StepName = (typeof stepNames)[number];

/** A recorded answer of the remote service. A string `body` is the raw text; any other value is a JSON document. */
export interface RecordedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimulationInput {
  input?: Record<string, unknown>;
  response: RecordedResponse;
  credentials?: Record<string, string>;
}

export interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The rendered request template; a GET sends none, but the text is shown as the platform renders it. */
  body: string;
}

/** How one filter of a translation path fared: how many items it kept. */
export interface FilterMatch {
  filter: string;
  matched: number;
  of: number;
}

/** One translation-map key: what its path found and the JSON text handed to the success template. */
export interface TranslationTrace {
  key: string;
  path: string;
  definite: boolean;
  outcome: 'value' | 'default' | 'failed';
  /** JSON text as the success template sees it (`${key}`). */
  value?: string;
  /** For an indefinite path, how many values it returned. */
  matches?: number;
  filters: FilterMatch[];
  /** Why the path found nothing, or where the value came from, in words. */
  notes: string[];
  /** The engine's reason when the path did not resolve. */
  reason?: string;
}

export interface TraceStep {
  step: StepName;
  ok: boolean;
  /** One line: what happened. */
  detail: string;
  /** Further lines that explain the step (one per value, key or problem). */
  notes: string[];
  /** When `ok` is false: the cause, in words an admin understands. */
  error?: string;
}

export interface Trace {
  success: boolean;
  steps: TraceStep[];
  request?: RenderedRequest;
  translations: TranslationTrace[];
  /** The text the success template rendered, before it was parsed. */
  templateOutput?: string;
  output?: unknown;
  flattened?: Record<string, unknown>;
  failure?: { step: StepName; message: string };
}
