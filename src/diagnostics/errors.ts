/** Documented, stable exit codes. */
export const ExitCode = {
  ok: 0,
  /** Findings at or above the fail severity; for `diff`, differences found. */
  findings: 1,
  /** Usage, configuration or internal error. */
  usage: 2,
} as const;

/** A problem caused by how dactl was called or configured: printed as one sentence, exit 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
  }
}
