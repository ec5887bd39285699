/** A number that Jayway produces as a Java Double (aggregation functions), so it prints as `10.0`. */
export class JavaDouble {
  constructor(readonly value: number) {}
}

export function unboxDouble(value: unknown): unknown {
  return value instanceof JavaDouble ? value.value : value;
}
