import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { evaluateGate, parseGateRules, type Metrics } from '../../src/core/gate.js';
import { taskMetrics } from '../../src/core/run-record.js';
import { clipMarkdown } from '../../src/core/report/pipeline-report.js';

const candidate: Metrics = { accuracy: 0.91, f1: 0.9, roc_auc: 0.97, log_loss: 0.21 };
const champion: Metrics = { accuracy: 0.93, f1: 0.905, roc_auc: 0.95, log_loss: 0.25 };

/** `null`: no champion yet. */
function verdictOf(rule: string, champ: Metrics | null = champion) {
  const [result] = evaluateGate(parseGateRules([rule]), candidate, champ ?? undefined).rules;
  if (!result) throw new Error('no result');
  return result;
}

describe('gate rules', () => {
  it.each([
    ['accuracy >= 0.85', 'pass'],
    ['accuracy >= 0.95', 'fail'],
    ['roc_auc > 0.9', 'pass'],
    ['f1 >= champion.f1 - 0.01', 'pass'],
    ['f1 >= champion.f1', 'fail'],
    ['accuracy >= champion.accuracy', 'fail'],
    ['log_loss <= champion.log_loss', 'pass'],
    ['roc_auc - champion.roc_auc >= 0.01', 'pass'],
    ['accuracy >= 1', 'fail'],
    ['accuracy < 1', 'pass'],
    ['f1 >= champion.f1 - 1', 'pass'],
    ['accuracy >= 0.9 && roc_auc >= 0.96', 'pass'],
    ['accuracy >= 0.95 || roc_auc >= 0.96', 'pass'],
    ['candidate["roc_auc"] > champion["roc_auc"]', 'pass'],
    ['accuracy >= 0.85 ? true : false', 'pass'],
  ])('%s → %s', (rule, outcome) => {
    expect(verdictOf(rule).outcome).toBe(outcome);
  });

  it('reports the values a rule read, candidate and champion', () => {
    expect(verdictOf('f1 >= champion.f1 - 0.01').values).toEqual({
      f1: 0.9,
      'champion.f1': 0.905,
    });
  });

  it('fails closed on a missing candidate metric and lists the ones that exist', () => {
    const result = verdictOf('precision >= 0.8');
    expect(result.outcome).toBe('fail');
    expect(result.note).toBe(
      'the candidate has no metric precision (it has: accuracy, f1, log_loss, roc_auc)',
    );
  });

  it('fails closed on a metric missing from the champion', () => {
    const result = verdictOf('roc_auc >= champion.auc', { accuracy: 0.9 });
    expect(result.outcome).toBe('fail');
    expect(result.note).toBe('the champion has no metric auc (it has: accuracy)');
  });

  it('passes a champion rule with a note while there is no champion', () => {
    const result = verdictOf('f1 >= champion.f1 - 0.01', null);
    expect(result).toMatchObject({ outcome: 'pass', note: 'no champion yet: passes' });
    // A rule on the candidate alone is still checked.
    expect(verdictOf('accuracy >= 0.95', null).outcome).toBe('fail');
  });

  it('reads metric names that are not identifiers through candidate[...]', () => {
    const verdict = evaluateGate(
      parseGateRules(['candidate["roc-auc"] >= 0.9']),
      { 'roc-auc': 0.93 },
      undefined,
    );
    expect(verdict.passed).toBe(true);
  });

  it('passes only when every rule passes, and keeps going after a failure', () => {
    const verdict = evaluateGate(
      parseGateRules(['accuracy >= 0.99', 'roc_auc > 0.9', 'recall > 0.5']),
      candidate,
      champion,
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.rules.map((rule) => rule.outcome)).toEqual(['fail', 'pass', 'fail']);
  });

  it('skips blank lines and # comments', () => {
    const rules = parseGateRules(['# quality bar', '', '  accuracy >= 0.85  ', '']);
    expect(rules.map((rule) => [rule.text, rule.line])).toEqual([['accuracy >= 0.85', 3]]);
  });

  it.each([
    ['accuracy >=', /line 1: accuracy >=/],
    ['accuracy >= 0.8 &&', /line 1: accuracy >= 0\.8 &&/],
    ['accuracy + 1', /gives a double, not true or false/],
    ['"yes"', /gives a string, not true or false/],
    ['accuracy >= 0.8)', /line 1/],
    ['candidate', /reads `candidate` as a whole/],
  ])('rejects the malformed rule %s, naming it', (rule, message) => {
    expect(() => parseGateRules([rule])).toThrow(UserError);
    expect(() => parseGateRules([rule])).toThrow(message);
  });

  it('names every malformed rule at once, with its line', () => {
    let described = '';
    try {
      parseGateRules(['accuracy >= 0.8', 'f1 >>= 2', 'roc_auc >']);
    } catch (error) {
      described = (error as UserError).describe();
    }
    expect(described).toContain('2 gate rules are not valid CEL');
    expect(described).toContain('line 2: f1 >>= 2');
    expect(described).toContain('line 3: roc_auc >');
    expect(described).not.toContain('line 1');
  });

  it('refuses an empty rule list', () => {
    expect(() => parseGateRules(['', '# nothing'])).toThrow('No gate rules given');
  });
});

describe('taskMetrics', () => {
  const metrics = {
    'train-random-forest': { cv_score: 0.9 },
    evaluate: { accuracy: 0.91 },
  };

  it('picks the evaluating task when several reported metrics', () => {
    expect(taskMetrics(metrics, undefined)).toEqual({
      task: 'evaluate',
      metrics: { accuracy: 0.91 },
    });
  });

  it('takes the only task with metrics whatever its name', () => {
    expect(taskMetrics({ score: { auc: 0.8 } }, undefined).task).toBe('score');
  });

  it('takes the task named, and lists the others when it has none', () => {
    expect(taskMetrics(metrics, 'train-random-forest').metrics).toEqual({ cv_score: 0.9 });
    expect(() => taskMetrics(metrics, 'train')).toThrow(/Task "train" reported no metrics[\s\S]*/);
  });

  it('asks which task when it cannot tell', () => {
    expect(() => taskMetrics({ a: { x: 1 }, b: { y: 2 } }, undefined)).toThrow(
      'Several tasks reported metrics: a, b',
    );
    expect(() => taskMetrics({}, undefined)).toThrow('The run reported no metrics');
  });
});

describe('clipMarkdown', () => {
  it('keeps a report that fits and cuts one that does not to the limit, saying so', () => {
    expect(clipMarkdown('short', 100, 'a comment')).toBe('short');
    const long = `<!-- marker -->\n${'| metric | 0.5 |\n'.repeat(5000)}`;
    const clipped = clipMarkdown(long, 65_536, 'a comment');
    expect(clipped).toHaveLength(65_536);
    expect(clipped.startsWith('<!-- marker -->\n')).toBe(true);
    expect(clipped).toMatch(
      /cut at GitHub's 65,536-character limit for a comment; the job summary has it all\)$/,
    );
  });
});
