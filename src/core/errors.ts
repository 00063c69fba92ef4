/** Details listed in a report; a garbage input can yield thousands, which help no one. */
const MAX_DETAILS = 30;

type ReportOptions = { fix?: string; details?: readonly string[]; cause?: unknown };

/**
 * An error reported with what to do: a message, its details and a `fix` (the hint). Hosts
 * print describe() for it; the subclass decides how: UserError or RemoteFailure.
 */
export abstract class ReportedError extends Error {
  readonly fix: string | undefined;
  /** Individual faults when one check found several (each with its path). */
  readonly details: readonly string[];

  constructor(message: string, options: ReportOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fix = options.fix;
    this.details = options.details ?? [];
  }

  /** The whole report: message, each detail on its own line (at most MAX_DETAILS), then the fix. */
  describe(): string {
    const shown = this.details.slice(0, MAX_DETAILS).map((detail) => `  - ${detail}`);
    const hidden = this.details.length - shown.length;
    const lines = [this.message, ...shown, ...(hidden > 0 ? [`  … and ${hidden} more`] : [])];
    if (this.fix) lines.push(`Fix: ${this.fix}`);
    return lines.join('\n');
  }
}

/**
 * A problem the user can fix in their input or configuration: bad input, a missing tool, an
 * invalid pipeline, a permission to grant. The message says what is wrong; `fix` says what to do
 * about it. Hosts report these as user errors (CLI exit code 2, "configuration error" in the
 * action); everything else is a failure (exit code 1).
 */
export class UserError extends ReportedError {
  override readonly name = 'UserError';
}

/**
 * A failure on the remote side: a service that cannot be reached, answers 5xx, times out, or
 * fails an operation. It carries context and a hint (`fix`) like a UserError, but hosts report it
 * as a failure (CLI exit code 1, "failed" in the action), with its hint.
 */
export class RemoteFailure extends ReportedError {
  override readonly name = 'RemoteFailure';
}

/** A report of the same kind as `like` (a RemoteFailure stays one; anything else is a UserError). */
export function reportLike(
  like: unknown,
  message: string,
  options: ReportOptions = {},
): ReportedError {
  return like instanceof RemoteFailure
    ? new RemoteFailure(message, options)
    : new UserError(message, options);
}

const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\uFFFD]/gu;

/**
 * Input quoted in a message: at most `max` characters, with control characters, undecodable
 * bytes (U+FFFD) and other invisibles escaped, so a binary file cannot flood or drive the terminal.
 */
export function excerpt(text: string, max = 200): string {
  const clipped = [...text.slice(0, max * 2)].slice(0, max).join('');
  const escaped = clipped.replace(
    UNPRINTABLE,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
  );
  return clipped.length < text.length ? `${escaped}…` : escaped;
}

/** Normalises anything thrown into a message, without a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof ReportedError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Wraps an unreported failure with what we were doing ("Failed to read X: cause"). */
export function wrapError(context: string, error: unknown): Error {
  if (error instanceof ReportedError) return error;
  return new Error(`${context}: ${errorMessage(error)}`, { cause: error });
}
