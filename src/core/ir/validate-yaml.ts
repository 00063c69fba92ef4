/**
 * Reads the YAML (or JSON) documents of a pipeline file for ./validate.ts: strict YAML 1.2
 * first, then, only when that fails, a retry that indents the over-short continuation lines
 * PyYAML writes for quoted scalars. Syntax faults become one UserError listing every line.
 *
 * Pure: works on text only.
 */
import { parseAllDocuments } from 'yaml';
import { excerpt, UserError } from '../errors.js';

const FIX_YAML =
  'Fix the YAML syntax at the reported line, or recompile the pipeline with the KFP SDK.';

interface YamlFault {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Reads every YAML document of a file, tolerating the over-short continuation lines PyYAML writes. */
export function readYamlDocuments(text: string, source: string): unknown[] {
  const strict = parseYaml(text, source);
  if (strict.faults.length === 0) return strict.values;
  // Only when the text is not valid YAML 1.2, and only if the adjusted text then parses cleanly.
  const relaxed = indentQuotedContinuations(text);
  if (relaxed !== undefined) {
    const retry = parseYaml(relaxed, source);
    if (retry.faults.length === 0) return retry.values;
  }
  const [first] = strict.faults;
  const where = first ? `line ${first.line}, column ${first.col}: ${first.message}` : 'unreadable';
  throw new UserError(`${source} is not valid YAML (${where})`, {
    fix: FIX_YAML,
    details: strict.faults.map(
      (fault) => `line ${fault.line}, column ${fault.col}: ${fault.message}`,
    ),
  });
}

/** Aliases expanded per document: plenty for anchors written by hand, too few for a "billion laughs" file. */
const MAX_ALIASES = 100;

function parseYaml(text: string, source: string): { values: unknown[]; faults: YamlFault[] } {
  const documents = parseAllDocuments(text);
  const faults = documents.flatMap((document) =>
    document.errors.map((error) => ({
      line: error.linePos?.[0].line ?? 0,
      col: error.linePos?.[0].col ?? 0,
      // The message repeats the position and an excerpt after its first line; keep the reason,
      // which may quote a token of any length (a binary file is one long "scalar").
      message: excerpt(
        (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
      ),
    })),
  );
  if (faults.length > 0) return { values: [], faults };
  try {
    return {
      values: documents.map((document) => document.toJS({ maxAliasCount: MAX_ALIASES }) as unknown),
      faults,
    };
  } catch (error) {
    // Thrown by toJS rather than reported: an alias without its anchor, or aliases that would
    // expand past the limit (a "billion laughs" file).
    const reason = (error as Error).message;
    if (/excessive alias count/i.test(reason)) {
      throw new UserError(
        `${source} has too many YAML aliases (more than ${MAX_ALIASES} expansions)`,
        {
          fix: 'Write the repeated values out instead of aliases (*name) of aliases.',
          cause: error,
        },
      );
    }
    throw new UserError(`${source} is not valid YAML (${excerpt(reason)})`, {
      fix: FIX_YAML,
      cause: error,
    });
  }
}

/**
 * PyYAML, which the KFP SDK writes specs with, puts the continuation lines of a multi-line
 * quoted scalar in a block sequence at the dash's column. YAML 1.2 requires them to be
 * indented further (yaml-test-suite QB6E), so `yaml` rejects such files although PyYAML and
 * go-yaml read them. Indenting those lines changes no value: a quoted scalar's continuation
 * lines lose their leading white space when folded. Returns undefined when nothing changed.
 */
function indentQuotedContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  let blockScalarOwner = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const indent = leadingSpaces(line);
    // Lines of a literal/folded block scalar keep their indentation: never touch them.
    if (blockScalarOwner >= 0) {
      if (line.trim() === '' || indent > blockScalarOwner) continue;
      blockScalarOwner = -1;
    }
    const node = /^( *)((?:- +)*)([^\s#'"{}[\],][^#]*?:[ \t]+)?(.*)$/.exec(line);
    if (!node) continue;
    const dashes = node[2] ?? '';
    const key = node[3];
    const value = node[4] ?? '';
    const ownerColumn =
      key !== undefined
        ? indent + dashes.length
        : dashes
          ? indent + dashes.trimEnd().lastIndexOf('-')
          : -1;
    if (ownerColumn < 0) continue;
    if (/^[|>][-+0-9]*[ \t]*(#.*)?$/.test(value)) {
      blockScalarOwner = ownerColumn;
      continue;
    }
    const quote = value[0];
    if (quote !== "'" && quote !== '"') continue;
    const end = closingQuoteRow(lines, row, line.length - value.length + 1, quote);
    if (end === undefined) return changed ? lines.join('\n') : undefined;
    const required = ownerColumn + 1;
    for (let next = row + 1; next <= end; next++) {
      const continuation = lines[next] ?? '';
      const missing = required - leadingSpaces(continuation);
      if (continuation.trim() !== '' && missing > 0) {
        lines[next] = ' '.repeat(missing) + continuation;
        changed = true;
      }
    }
    row = end;
  }
  return changed ? lines.join('\n') : undefined;
}

/** Row of the quote closing a scalar opened just before (row, col), or undefined if it never closes. */
function closingQuoteRow(
  lines: readonly string[],
  row: number,
  col: number,
  quote: "'" | '"',
): number | undefined {
  for (let r = row, c = col; r < lines.length; r++, c = 0) {
    const line = lines[r] ?? '';
    while (c < line.length) {
      const char = line[c];
      if (quote === '"' && char === '\\') c += 2;
      else if (char === quote && quote === "'" && line[c + 1] === "'") c += 2;
      else if (char === quote) return r;
      else c += 1;
    }
  }
  return undefined;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
