/**
 * `record[key]` when `key` is one of the record's own properties: a name a user chose (an input, an output, an org
 * value) never finds `toString` or `constructor` on `Object.prototype`.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
