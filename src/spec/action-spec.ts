/** The action spec as written in `definitions/actions/*.action.yaml` (see schemas/action.schema.json). */

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
export type InputType = 'string' | 'integer' | 'number' | 'boolean';
export type OutputType = InputType | 'object' | 'array';
export type JsonObject = { [key: string]: unknown };

export interface InputSpec {
  type: InputType;
  required?: boolean;
  [keyword: string]: unknown;
}

export interface OutputSpec {
  type: OutputType;
  /** JSONPath (Jayway) into the response that feeds this output. */
  from?: string;
  /** Value used when `from` finds nothing. */
  default?: unknown;
  required?: boolean;
  properties?: Record<string, OutputSpec>;
  items?: InputType | OutputType | JsonObject;
  [keyword: string]: unknown;
}

/** Header of a generated contract; `null` omits a key the generator would otherwise write. */
export interface ContractHeader {
  $schema?: string | null;
  title?: string;
  description?: string;
  additionalProperties?: boolean | null;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path or URL; `{name}` placeholders become `$esc.url(${input.name})`. Other text is Velocity. */
  url?: string;
  /** Raw Velocity for `requestUrlTemplate`, used as written. */
  urlTemplate?: string;
  /** Query parameters appended to `url`; values may hold `{name}` placeholders. */
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** Structured JSON body; a string that is exactly `{name}` takes the input with its type. */
  body?: unknown;
  /** An `application/x-www-form-urlencoded` body: field name → value with `{name}` placeholders. */
  form?: Record<string, string | number | boolean>;
  /** Raw Velocity for `requestTemplate`, used as written. */
  template?: string;
}

export interface ResponseSpec {
  translationMap?: Record<string, string>;
  translationMapDefaults?: Record<string, string>;
  successTemplate?: string;
}

export interface TestExpectation {
  request?: { method?: string; url?: string; headers?: Record<string, string>; body?: unknown };
  output?: JsonObject;
  flattened?: JsonObject;
  failure?: { step: string; message?: string };
}

export interface TestSpec {
  name: string;
  input?: JsonObject;
  response?: unknown;
  responseFile?: string;
  status?: number;
  expect: TestExpectation;
}

export interface ActionSpec {
  name: string;
  description?: string;
  integration: string;
  category?: string;
  /** A built-in action kept as a reference for flows; never pushed. */
  static?: boolean;
  secure?: boolean;
  timeoutSeconds?: number;
  request: RequestSpec;
  inputs?: Record<string, InputSpec>;
  outputs?: Record<string, OutputSpec>;
  inputContract?: ContractHeader;
  outputContract?: ContractHeader;
  contract?: { input?: JsonObject; output?: JsonObject };
  response?: ResponseSpec;
  tests?: TestSpec[];
}

export const knownIntegrationTypes = [
  'purecloud-data-actions',
  'custom-rest-actions',
  'aws-lambda-data-actions',
  'function-data-actions',
  'salesforce-datadip',
  'zendesk-data-actions',
  'microsoft-dynamics-data-actions',
] as const;

export const reservedInputNames = ['rawRequest', 'orgId', 'integrationId'] as const;
export const inputNamePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
