import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A string that must never reach a message, log line or serialised object. Only `reveal()` gives the value back;
 * `String()`, `JSON.stringify` and `util.inspect` all print `[redacted]`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  equals(other: Secret): boolean {
    return this.#value === other.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
