import { ensureBuilt } from './built-binary.js';

/** End-to-end tests run the built binary: build it once for the whole run, not once per test file. */
export default function setup(): void {
  ensureBuilt();
}
