/**
 * The base images a Dockerfile names by tag. A build's content tag hashes the context and the
 * Dockerfile's text, not what a tag points at today: a base image moved under its tag (a
 * security fix, or a hijacked tag) changes the image without changing its content tag. A digest
 * pins both the content and the hash.
 */

/** A Dockerfile's instructions as Docker reads them: continuation lines joined, comments out. */
export function dockerfileInstructions(
  dockerfile: string,
): Array<{ instruction: string; words: string[]; line: string }> {
  return dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [first = '', ...words] = line.split(/\s+/);
      return { instruction: first.toUpperCase(), words, line };
    });
}

/** `FROM [--platform=…] image [AS name]` lines, with `${ARG}` from ARG defaults and build args. */
export function unpinnedBaseImages(
  dockerfile: string,
  buildArgs: Readonly<Record<string, string>> = {},
): string[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const unpinned: string[] = [];
  for (const { instruction, words } of dockerfileInstructions(dockerfile)) {
    if (instruction === 'ARG') {
      for (const declaration of words) {
        const [name = '', value] = declaration.split(/=(.*)/s);
        const given = buildArgs[name];
        if (given !== undefined) args.set(name, given);
        else if (value !== undefined) args.set(name, value.replace(/^["']|["']$/g, ''));
      }
    } else if (instruction === 'FROM') {
      const operands = words.filter((word) => !word.startsWith('--'));
      const image = (operands[0] ?? '').replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (_, name: string) => args.get(name) ?? '',
      );
      if (operands[1]?.toUpperCase() === 'AS' && operands[2]) stages.add(operands[2].toLowerCase());
      if (image === '' || image === 'scratch' || stages.has(image.toLowerCase())) continue;
      if (!/@sha256:[0-9a-f]{64}$/.test(image)) unpinned.push(image);
    }
  }
  return [...new Set(unpinned)];
}
