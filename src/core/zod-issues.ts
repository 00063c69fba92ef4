import type { z } from 'zod';
import { excerpt } from './errors.js';

/** One line per zod issue: `tasks.train.retry.attempts: expected number, received string`. */
export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // Keys come from the input, so each is quoted as an excerpt.
    const path = issue.path.map((key) => excerpt(String(key), 80)).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys')
      return `${path}: unknown key ${issue.keys.map((k) => `"${excerpt(k, 80)}"`).join(', ')}`;
    return `${path}: ${issue.message}`;
  });
}
