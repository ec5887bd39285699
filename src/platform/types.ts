/** Shapes of the Genesys Cloud Platform API models the client uses (subset of the SDK models of the same names). */

export type JsonSchema = Record<string, unknown>;

export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export interface ErrorBody {
  message?: string;
  code?: string;
  status?: number;
  entityId?: string;
  entityName?: string;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  contextId?: string;
  details?: ErrorDetail[];
  errors?: ErrorBody[];
}

export type RequestType = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestConfig {
  requestUrlTemplate: string;
  requestType: RequestType;
  headers?: Record<string, string>;
  requestTemplate?: string;
  requestTemplateUri?: string;
}

export interface ResponseConfig {
  translationMap?: Record<string, string>;
  translationMapDefaults?: Record<string, string>;
  successTemplate?: string;
  successTemplateUri?: string;
}

export interface ActionConfig {
  request: RequestConfig;
  response: ResponseConfig;
  /** 1-60; not valid for custom-auth actions. */
  timeoutSeconds?: number;
}

export interface ActionContract {
  input: { inputSchema: JsonSchema; inputSchemaUri?: string; inputSchemaFlattened?: JsonSchema };
  output: { successSchema: JsonSchema; successSchemaUri?: string; successSchemaFlattened?: JsonSchema };
}

export interface Action {
  id: string;
  name: string;
  integrationId: string;
  category: string;
  /** Present only when requested with `expand=contract`. */
  contract?: ActionContract;
  version: number;
  secure?: boolean;
  /** Present only when requested with `includeConfig=true`. */
  config?: ActionConfig;
  selfUri?: string;
}

/** An action from a listing, tagged by the client with where it came from (the API does not say). */
export type ListedAction = Action & { lifecycle: 'published' | 'draft' };

export interface PostActionInput {
  name: string;
  integrationId: string;
  category: string;
  contract: ActionContract;
  config: ActionConfig;
  secure?: boolean;
}

export interface UpdateActionInput {
  name?: string;
  category?: string;
  config?: ActionConfig;
  version: number;
}

export interface UpdateDraftInput {
  name?: string;
  category?: string;
  config?: ActionConfig;
  contract?: ActionContract;
  secure?: boolean;
  version: number;
}

export interface DraftValidationResult {
  valid: boolean;
  errors: ErrorBody[];
}

export interface TestExecutionOperationResult {
  step: number;
  name: string;
  success: boolean;
  result?: unknown;
  error?: ErrorBody;
}

export interface TestExecutionResult {
  operations: TestExecutionOperationResult[];
  error?: ErrorBody;
  finalResult?: unknown;
  success: boolean;
}

export interface Integration {
  id: string;
  name: string;
  integrationType: { id: string; name?: string };
  intendedState?: 'ENABLED' | 'DISABLED' | 'DELETED';
  selfUri?: string;
}

export interface Category {
  name: string;
  description?: string;
  selfUri?: string;
}

export interface EntityListing<T> {
  entities?: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  firstUri?: string;
  selfUri?: string;
  nextUri?: string;
  previousUri?: string;
  lastUri?: string;
}

export type TemplateFileName = 'requesttemplate.vm' | 'successtemplate.vm';
