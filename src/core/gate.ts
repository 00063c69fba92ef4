import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { walkCel } from './cel-ast.js';
import { UserError } from './errors.js';

/**
 * Deployment gate: rules written by the user, one CEL expression per line, over the candidate's
 * metrics (`accuracy >= 0.85`) and the live champion's (`f1 >= champion.f1 - 0.01`). The gate
 * fails closed: a rule whose metric is missing fails and says which metrics exist. A rule that
 * names the champion passes, with a note, while there is no champion yet.
 */

export type Metrics = Readonly<Record<string, number>>;

export interface GateRule {
  /** The rule as written (trimmed). */
  readonly text: string;
  /** 1-based line in the rules input, for error messages. */
  readonly line: number;
  /** Candidate metrics the rule reads. */
  readonly metrics: readonly string[];
  /** Champion metrics the rule reads (`champion.f1`, `champion["f1"]`). */
  readonly championMetrics: readonly string[];
  /** The rule reads the champion in a way not listed above (e.g. `has(champion.f1)`). */
  readonly usesChampion: boolean;
  readonly evaluate: (context: Record<string, unknown>) => unknown;
}

export type RuleOutcome = 'pass' | 'fail';

export interface RuleResult {
  readonly rule: string;
  readonly outcome: RuleOutcome;
  /** The metrics the rule read, as `accuracy` / `champion.accuracy`, with their values. */
  readonly values: Readonly<Record<string, number | undefined>>;
  /** Why a rule passed or failed other than by its comparison (missing metric, no champion). */
  readonly note?: string;
}

export interface GateVerdict {
  readonly passed: boolean;
  readonly rules: readonly RuleResult[];
  readonly candidate: Metrics;
  /** Undefined when there is no champion yet. */
  readonly champion: Metrics | undefined;
}

const CHAMPION = 'champion';
/** The candidate's metrics as a map, for names that are not identifiers: `candidate["roc-auc"]`. */
const CANDIDATE = 'candidate';

const environment = new Environment({ unlistedVariablesAreDyn: true });

/** Splits the rules input: one rule per line; blank lines and `#` comment lines are skipped. */
export function parseGateRules(lines: readonly string[]): GateRule[] {
  const rules: GateRule[] = [];
  const problems: string[] = [];
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    try {
      rules.push(compileRule(text, index + 1));
    } catch (error) {
      problems.push(`line ${index + 1}: ${text} (${firstLine((error as Error).message)})`);
    }
  });
  if (problems.length > 0) {
    throw new UserError(
      problems.length === 1
        ? `A gate rule is not valid CEL: ${problems[0]}`
        : `${problems.length} gate rules are not valid CEL`,
      {
        details: problems.length === 1 ? [] : problems,
        fix: 'Write each rule as a comparison over metric names, e.g. `accuracy >= 0.85` or `f1 >= champion.f1 - 0.01`.',
      },
    );
  }
  if (rules.length === 0) {
    throw new UserError('No gate rules given', {
      fix: 'Give at least one rule, one per line, e.g. `accuracy >= 0.85`.',
    });
  }
  return rules;
}

function compileRule(text: string, line: number): GateRule {
  const source = withDoubleLiterals(text);
  const program = environment.parse(source);
  const check = program.check();
  if (!check.valid) throw new Error(firstLine(check.error?.message ?? 'does not type-check'));
  if (check.type !== 'bool' && check.type !== 'dyn')
    throw new Error(`gives a ${check.type ?? 'value'}, not true or false`);
  const references = collectReferences(program.ast);
  if (references.metrics.has(CANDIDATE) && references.metrics.size === 1 && !references.indexed)
    throw new Error('reads `candidate` as a whole; compare a metric, e.g. candidate["roc-auc"]');
  references.metrics.delete(CANDIDATE);
  return {
    text,
    line,
    metrics: [...references.metrics, ...references.candidateIndexed],
    championMetrics: [...references.championMetrics],
    usesChampion: references.usesChampion,
    evaluate: (context) => program(context) as unknown,
  };
}

/**
 * Metrics are doubles and CEL has no int/double arithmetic (`champion.f1 - 1` is "no such
 * overload"), so whole-number literals are rewritten as doubles before compiling.
 */
function withDoubleLiterals(text: string): string {
  const ranges: Array<{ start: number; end: number }> = [];
  walkCel(environment.parse(text).ast, (node) => {
    if (node.op === 'value' && typeof node.args === 'bigint') ranges.push(node.range);
  });
  let result = text;
  for (const { start, end } of ranges.sort((a, b) => b.start - a.start)) {
    const literal = result.slice(start, end);
    if (/^\d+$/.test(literal)) result = `${result.slice(0, start)}${literal}.0${result.slice(end)}`;
  }
  return result;
}

interface References {
  metrics: Set<string>;
  championMetrics: Set<string>;
  candidateIndexed: Set<string>;
  usesChampion: boolean;
  indexed: boolean;
}

function collectReferences(root: ASTNode): References {
  const found: References = {
    metrics: new Set(),
    championMetrics: new Set(),
    candidateIndexed: new Set(),
    usesChampion: false,
    indexed: false,
  };
  const fieldOf = (node: ASTNode, name: string): string | undefined => {
    if ((node.op === '.' || node.op === '.?') && isId(node.args[0], name)) return node.args[1];
    if ((node.op === '[]' || node.op === '[?]') && isId(node.args[0], name)) {
      const key = node.args[1];
      return key.op === 'value' && typeof key.args === 'string' ? key.args : undefined;
    }
    return undefined;
  };
  walkCel(root, (node) => {
    const championField = fieldOf(node, CHAMPION);
    if (championField !== undefined) {
      found.championMetrics.add(championField);
      return 'skip';
    }
    const candidateField = fieldOf(node, CANDIDATE);
    if (candidateField !== undefined) {
      found.candidateIndexed.add(candidateField);
      found.indexed = true;
      return 'skip';
    }
    if (node.op === 'id') {
      if (node.args === CHAMPION) found.usesChampion = true;
      else found.metrics.add(node.args);
    }
    return undefined;
  });
  return found;
}

function isId(node: ASTNode, name: string): boolean {
  return node.op === 'id' && node.args === name;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function list(names: Iterable<string>): string {
  const sorted = [...names].sort();
  return sorted.length > 0 ? sorted.join(', ') : 'none';
}

/** Checks every rule; never throws for a failing or unevaluable rule (it fails instead). */
export function evaluateGate(
  rules: readonly GateRule[],
  candidate: Metrics,
  champion: Metrics | undefined,
): GateVerdict {
  const results = rules.map((rule) => evaluateRule(rule, candidate, champion));
  return {
    passed: results.every((result) => result.outcome === 'pass'),
    rules: results,
    candidate,
    champion,
  };
}

function evaluateRule(
  rule: GateRule,
  candidate: Metrics,
  champion: Metrics | undefined,
): RuleResult {
  const values: Record<string, number | undefined> = {};
  for (const name of rule.metrics) values[name] = candidate[name];
  for (const name of rule.championMetrics) values[`${CHAMPION}.${name}`] = champion?.[name];

  const missing = rule.metrics.filter((name) => candidate[name] === undefined);
  if (missing.length > 0) {
    return {
      rule: rule.text,
      outcome: 'fail',
      values,
      note: `the candidate has no ${plural('metric', missing)} ${missing.join(', ')} (it has: ${list(Object.keys(candidate))})`,
    };
  }
  const readsChampion = rule.usesChampion || rule.championMetrics.length > 0;
  if (readsChampion && champion === undefined) {
    return { rule: rule.text, outcome: 'pass', values, note: 'no champion yet: passes' };
  }
  const championMissing = rule.championMetrics.filter((name) => champion?.[name] === undefined);
  if (championMissing.length > 0) {
    return {
      rule: rule.text,
      outcome: 'fail',
      values,
      note: `the champion has no ${plural('metric', championMissing)} ${championMissing.join(', ')} (it has: ${list(Object.keys(champion ?? {}))})`,
    };
  }
  let result: unknown;
  try {
    result = rule.evaluate({ ...candidate, [CANDIDATE]: candidate, [CHAMPION]: champion ?? {} });
  } catch (error) {
    return {
      rule: rule.text,
      outcome: 'fail',
      values,
      note: `cannot be evaluated: ${firstLine((error as Error).message)}`,
    };
  }
  if (typeof result !== 'boolean') {
    return {
      rule: rule.text,
      outcome: 'fail',
      values,
      note: `gives ${String(result)}, not true or false`,
    };
  }
  return { rule: rule.text, outcome: result ? 'pass' : 'fail', values };
}

function plural(word: string, items: readonly unknown[]): string {
  return items.length === 1 ? word : `${word}s`;
}
