/**
 * Which strings hide a secret in logs. A mask replaces every occurrence in every later line, so
 * masking `1` would turn `per_page=100` into `per_page=***00` throughout the log while hiding
 * nothing a reader could not guess: values shorter than MIN_MASKED_LENGTH are not masked, and
 * the warning names them (never their value) so the user knows to keep them out of output.
 */
export const MIN_MASKED_LENGTH = 4;

/**
 * A `maskSecret` for a host: `register` hides one string (the runner and the CLI mask line by
 * line, so each line of a multi-line value is registered too, except lines too short to hide,
 * such as the braces of a JSON value, and so is its JSON-escaped form); `warn` says which named
 * value stays visible.
 */
export function secretMasker(
  register: (pattern: string) => void,
  warn: (message: string) => void,
): (value: string, name: string) => void {
  return (value, name) => {
    if (value.trim() === '') return;
    if (value.trim().length < MIN_MASKED_LENGTH) {
      warn(
        `${name} is not masked in the log: values under ${MIN_MASKED_LENGTH} characters cannot be hidden without hiding every other occurrence of the same characters`,
      );
      return;
    }
    register(value);
    if (!value.includes('\n')) return;
    // The one-line form JSON (and so most error dumps) writes it in, with \n escapes.
    register(JSON.stringify(value).slice(1, -1));
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_MASKED_LENGTH) register(line.trim());
    }
  };
}
