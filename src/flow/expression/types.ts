/**
 * Architect data types as the expression checker sees them: the names Archy uses for variables
 * (`string`, `integer`, `queue`, …), `<type>Collection` for collections, and `any` when a type is not
 * known offline (a substitution, a built-in dactl does not model, NOT_SET).
 */
export type ExpressionType = string;

export const anyType = 'any';

export const scalarTypes = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'time',
  'dateTime',
  'duration',
  'json',
  'queue',
  'user',
  'group',
  'skill',
  'languageSkill',
  'language',
  'phoneNumber',
  'audio',
  'communication',
  'currency',
  'wrapupCode',
  'emergencyGroup',
  'schedule',
  'scheduleGroup',
  'externalContact',
  'externalOrganization',
  'agentScorePair',
  'utilizationLabel',
  'knowledgeBase',
  'knowledgeBaseDocument',
  'flowOutcome',
  'prompt',
  'screenPopScript',
] as const;

export function collectionOf(type: ExpressionType): ExpressionType {
  return type === anyType ? 'anyCollection' : `${type}Collection`;
}

export function isCollectionType(type: ExpressionType): boolean {
  return type.endsWith('Collection');
}

export function itemType(type: ExpressionType): ExpressionType {
  return isCollectionType(type) ? type.slice(0, -'Collection'.length) || anyType : anyType;
}

const known = new Set<string>([...scalarTypes, ...scalarTypes.map(collectionOf)]);

export function isKnownType(type: string): boolean {
  return known.has(type);
}

const numeric = new Set(['integer', 'decimal', 'currency']);

export function isNumeric(type: ExpressionType): boolean {
  return numeric.has(type);
}

/**
 * Whether a value of `actual` can be used where `expected` is needed. Only the conversions Architect
 * makes on its own pass: integer to decimal, anything to `any`, and `any` to anything.
 */
export function assignable(actual: ExpressionType, expected: ExpressionType): boolean {
  if (actual === expected || actual === anyType || expected === anyType) return true;
  if (actual === 'anyCollection') return isCollectionType(expected);
  if (expected === 'anyCollection') return isCollectionType(actual);
  if (actual === 'integer' && expected === 'decimal') return true;
  // A JSON value converts to the scalar it holds when assigned (real flows read JSON properties into strings).
  if (actual === 'json' && (expected === 'string' || isNumeric(expected) || expected === 'boolean')) return true;
  if (isCollectionType(actual) && isCollectionType(expected)) return assignable(itemType(actual), itemType(expected));
  return false;
}

/** Properties of Architect's object types that expressions read (`Task.Queue.id`, `ToPhoneNumber(x).e164`). */
export const typeProperties: Readonly<Record<string, Readonly<Record<string, ExpressionType>>>> = {
  queue: { id: 'string', name: 'string' },
  user: { id: 'string', name: 'string', email: 'string', department: 'string', title: 'string' },
  group: { id: 'string', name: 'string' },
  skill: { id: 'string', name: 'string' },
  languageSkill: { id: 'string', name: 'string' },
  wrapupCode: { id: 'string', name: 'string' },
  schedule: { id: 'string', name: 'string' },
  scheduleGroup: { id: 'string', name: 'string' },
  emergencyGroup: { id: 'string', name: 'string' },
  phoneNumber: { e164: 'string', dialingCode: 'string', isTel: 'boolean', isSip: 'boolean', raw: 'string', userPart: 'string', uriScheme: 'string', subscriberNumber: 'string', isoCountryCode: 'string', hasPlus: 'boolean' },
  duration: { days: 'integer', hours: 'integer', minutes: 'integer', seconds: 'integer', milliseconds: 'integer', totalDays: 'decimal', totalHours: 'decimal', totalMinutes: 'decimal', totalSeconds: 'decimal', totalMilliseconds: 'decimal' },
  dateTime: { year: 'integer', month: 'integer', day: 'integer', hour: 'integer', minute: 'integer', second: 'integer', dayOfWeek: 'integer', dayOfYear: 'integer', date: 'date', time: 'time' },
  date: { year: 'integer', month: 'integer', day: 'integer', dayOfWeek: 'integer', dayOfYear: 'integer' },
  time: { hour: 'integer', minute: 'integer', second: 'integer' },
  agentScorePair: { agent: 'user', score: 'integer' },
};
