/** The flattened standard error body every Call Data Action exposes, in the order Architect exports it. */
export const failureOutputKeys = [
  'errorCode',
  'status',
  'correlationId',
  'entityId',
  'entityName',
  'userMessage',
  'userParamsMessage',
  'userParams.key',
  'userParams.value',
  'details.errorCode',
  'details.fieldName',
  'details.entityId',
  'details.entityName',
] as const;

/** `status` is the HTTP status; every other key is text. */
export const failureOutputTypes: Record<string, 'string' | 'integer'> = Object.fromEntries(
  failureOutputKeys.map((key) => [key, key === 'status' ? 'integer' : 'string']),
);
