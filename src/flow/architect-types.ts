/** Architect variable types dactl can bind data-action values to (the `<type>Variable` keys in Archy YAML). */
export const architectTypes = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'json',
  'queue',
  'stringCollection',
  'integerCollection',
  'decimalCollection',
  'booleanCollection',
] as const;

export type ArchitectType = (typeof architectTypes)[number];

const scalarTypes: Record<string, ArchitectType> = {
  string: 'string',
  integer: 'integer',
  number: 'decimal',
  boolean: 'boolean',
};

/** The Architect type a JSON Schema scalar type binds to, or undefined when Architect has none. */
export function scalarArchitectType(jsonType: unknown): ArchitectType | undefined {
  return typeof jsonType === 'string' ? scalarTypes[jsonType] : undefined;
}

export function collectionOf(type: ArchitectType): ArchitectType | undefined {
  const collection = `${type}Collection`;
  return (architectTypes as readonly string[]).includes(collection) ? (collection as ArchitectType) : undefined;
}

export function isCollection(type: ArchitectType): boolean {
  return type.endsWith('Collection');
}

/** The Archy YAML key of a variable declaration of this type. */
export function variableKey(type: ArchitectType): string {
  return `${type}Variable`;
}
