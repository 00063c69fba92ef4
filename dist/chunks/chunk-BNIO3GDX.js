import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);

// src/core/errors.ts
var MAX_DETAILS = 30;
var ReportedError = class extends Error {
  fix;
  /** Individual faults when one check found several (each with its path). */
  details;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.fix = options.fix;
    this.details = options.details ?? [];
  }
  /** The whole report: message, each detail on its own line (at most MAX_DETAILS), then the fix. */
  describe() {
    const shown = this.details.slice(0, MAX_DETAILS).map((detail) => `  - ${detail}`);
    const hidden = this.details.length - shown.length;
    const lines = [this.message, ...shown, ...hidden > 0 ? [`  \u2026 and ${hidden} more`] : []];
    if (this.fix) lines.push(`Fix: ${this.fix}`);
    return lines.join("\n");
  }
};
var UserError = class extends ReportedError {
  name = "UserError";
};
var RemoteFailure = class extends ReportedError {
  name = "RemoteFailure";
};
function reportLike(like, message, options = {}) {
  return like instanceof RemoteFailure ? new RemoteFailure(message, options) : new UserError(message, options);
}
var UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\uFFFD]/gu;
function excerpt(text, max = 200) {
  const clipped = [...text.slice(0, max * 2)].slice(0, max).join("");
  const escaped = clipped.replace(
    UNPRINTABLE,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`
  );
  return clipped.length < text.length ? `${escaped}\u2026` : escaped;
}
function errorMessage(error) {
  if (error instanceof ReportedError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  ReportedError,
  UserError,
  RemoteFailure,
  reportLike,
  excerpt,
  errorMessage
};
