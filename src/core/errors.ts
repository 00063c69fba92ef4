/**
 * A problem the user can fix: bad input, a missing tool, an invalid pipeline.
 * The message says what is wrong; `fix` says what to do about it. Hosts report these
 * as user errors (CLI exit code 2) and everything else as failures (exit code 1).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly fix: string | undefined;
  /** Individual faults when one check found several (each with its path). */
  readonly details: readonly string[];

  constructor(
    message: string,
    options: { fix?: string; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fix = options.fix;
    this.details = options.details ?? [];
  }

  /** The whole report: message, each detail on its own line, then the fix. */
  describe(): string {
    const lines = [this.message, ...this.details.map((detail) => `  - ${detail}`)];
    if (this.fix) lines.push(`Fix: ${this.fix}`);
    return lines.join('\n');
  }
}

/** Normalises anything thrown into a message, without a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof UserError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Wraps a non-user failure with what we were doing ("Failed to read X: cause"). */
export function wrapError(context: string, error: unknown): Error {
  if (error instanceof UserError) return error;
  return new Error(`${context}: ${errorMessage(error)}`, { cause: error });
}
