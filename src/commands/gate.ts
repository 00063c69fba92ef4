import path from 'node:path';
import {
  commitContext,
  publishCheckRun,
  upsertStickyComment,
} from '../adapters/github/pull-request-report.js';
import {
  formatMetric,
  gateReport,
  parseReportUrl,
  REPORT_LINK_TEXT,
  type GateReport,
} from '../core/report/pipeline-report.js';
import { UserError } from '../core/errors.js';
import { evaluateGate, parseGateRules, type GateRule, type GateVerdict } from '../core/gate.js';
import { taskMetrics } from '../core/run-record.js';
import {
  booleanInput,
  defineCommand,
  parseFields,
  requireInput,
  stringInput,
  type CommandContext,
  type Ui,
} from './command.js';
import {
  findChampion,
  parseChampionSource,
  type Champion,
  type ChampionSource,
} from './champion.js';
import { PROJECT_INPUT, readRunRecord, REGION_INPUT, RUN_RECORD_INPUT } from './google-inputs.js';
import { CHAMPION_ALIAS, MODEL_INPUT } from './model-inputs.js';

interface GateInputs {
  readonly runRecord: string;
  readonly rules: readonly GateRule[];
  readonly metricsTask: string | undefined;
  readonly champion: ChampionSource;
  readonly failOnGate: boolean;
  readonly checkName: string;
  readonly prComment: boolean;
  readonly githubToken: string | undefined;
  readonly reportUrl: string | undefined;
}

export const gateCommand = defineCommand<GateInputs>({
  name: 'gate',
  summary:
    "Check a run's metrics against your rules (CEL, one per line), including against the live champion model, before deploying.",
  inputs: [
    { ...RUN_RECORD_INPUT, required: true, positional: true },
    {
      name: 'rules',
      description:
        'Gate rules, one CEL expression per line, over the candidate\'s metrics and the champion\'s: accuracy >= 0.85, f1 >= champion.f1 - 0.01. Names that are not identifiers: candidate["roc-auc"]. Lines starting with # are comments.',
      kind: 'list',
      required: true,
      valueName: 'RULE',
    },
    {
      name: 'metrics-task',
      description:
        'The task whose metrics are the candidate\'s. Defaults to the only task with metrics, else the one whose name contains "eval".',
      kind: 'string',
      valueName: 'TASK',
    },
    {
      ...MODEL_INPUT,
      description: `${MODEL_INPUT.description} The gate compares with its version aliased "${CHAMPION_ALIAS}" (deploy attaches each version's metrics).`,
    },
    {
      name: 'champion-metrics',
      description:
        'Instead of a registry model: a JSON file with the champion\'s metrics (a run record, or {"accuracy": 0.9, ...}).',
      kind: 'string',
      valueName: 'FILE',
    },
    PROJECT_INPUT,
    REGION_INPUT,
    {
      name: 'check-name',
      description:
        'Gate: the check run that shows the verdict on the commit (on pull requests, on the head commit). Needs github-token with checks: write.',
      kind: 'string',
      default: 'mlops gate',
      valueName: 'NAME',
    },
    {
      name: 'pr-comment',
      description:
        'Gate: also keep one comment on the pull request with the report, edited in place on every push (pull-requests: write).',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'github-token',
      description:
        'Gate: the token for the check run and the comment, usually the workflow token, github.token (the CLI also reads GITHUB_TOKEN). Without one, the report goes to the job summary only.',
      kind: 'string',
      valueName: 'TOKEN',
      secret: true,
    },
    {
      name: 'report-url',
      description:
        "Gate: a link to the run's HTML report (upload-artifact's artifact-url), put next to the verdict in the check, the comment and the job summary.",
      kind: 'string',
      valueName: 'URL',
    },
    {
      name: 'fail-on-gate',
      description:
        'Fail the step when a rule fails (true), or only report it through the passed output (false).',
      kind: 'boolean',
      default: 'true',
    },
  ],
  outputs: [
    { name: 'passed', description: 'true when every gate rule passed, else false.' },
    { name: 'metrics', description: "JSON object of the candidate's metrics." },
    {
      name: 'champion-metrics',
      description: "JSON object of the champion's metrics; empty when there is no champion yet.",
    },
    {
      name: 'champion-version',
      description: 'The champion model version the gate compared with (models/ID@VERSION).',
    },
    {
      name: 'verdict',
      description: 'JSON list of the rules: rule, outcome (pass/fail), values read, note.',
    },
  ],
  parseInputs(raw, context) {
    const token = raw.string('github-token')?.trim() || context.env.GITHUB_TOKEN || undefined;
    if (token) context.host.maskSecret(token, 'github-token');
    return parseFields('gate', {
      runRecord: () =>
        path.resolve(
          context.cwd,
          requireInput(raw, 'run-record', "Pass the run step's run-record output."),
        ),
      rules: () => parseGateRules(raw.list('rules')),
      checkName: () => stringInput(raw, 'check-name'),
      prComment: () => booleanInput(raw, 'pr-comment'),
      githubToken: () => token,
      metricsTask: () => raw.string('metrics-task')?.trim() || undefined,
      champion: () => parseChampionSource(raw, context, 'gate', 'champion-metrics'),
      failOnGate: () => booleanInput(raw, 'fail-on-gate'),
      reportUrl: () => parseReportUrl(raw.string('report-url')),
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const record = await readRunRecord(inputs.runRecord, context.cwd);
    if (record.state !== 'SUCCEEDED') {
      throw new UserError(
        `Run ${record.runId} ${record.state}; only a succeeded run can pass a gate`,
        {
          fix: 'Gate the record of a run that succeeded.',
        },
      );
    }
    const candidate = taskMetrics(record.metrics, inputs.metricsTask);
    const champion = await ui.group('Find the champion', () =>
      findChampion(inputs.champion, inputs.metricsTask, context),
    );
    const verdict = evaluateGate(inputs.rules, candidate.metrics, champion?.metrics);
    report(verdict, candidate.task, record.runId, champion, ui);
    const full = gateReport(verdict, record, champion?.source, inputs.reportUrl);
    ui.headline(
      verdict.passed,
      full.title,
      inputs.reportUrl ? { text: REPORT_LINK_TEXT, url: inputs.reportUrl } : undefined,
    );
    ui.table(
      'Metrics: candidate vs champion',
      ['Metric', 'Candidate', 'Champion', 'Δ'],
      full.metricRows,
    );
    ui.diagram(`Pipeline ${record.pipelineName}`, full.diagram);
    await ui.group('Report on GitHub', () => reportOnGitHub(inputs, full, verdict.passed, context));
    const outputs = {
      passed: String(verdict.passed),
      metrics: JSON.stringify(verdict.candidate),
      'champion-metrics': champion ? JSON.stringify(champion.metrics) : '',
      'champion-version': champion?.source.startsWith('projects/') ? champion.source : '',
      verdict: JSON.stringify(verdict.rules),
    };
    const failed = verdict.rules.filter((rule) => rule.outcome === 'fail');
    if (verdict.passed || !inputs.failOnGate) return { outputs };
    return {
      outputs,
      failure: `Gate failed: ${failed.map((rule) => rule.rule).join('; ')}`,
    };
  },
});

function report(
  verdict: GateVerdict,
  task: string,
  runId: string,
  champion: Champion | undefined,
  ui: Ui,
): void {
  const { colors } = ui;
  ui.table(
    `Gate for ${runId} (metrics of ${task}${champion ? `, champion ${champion.source}` : ', no champion'})`,
    ['Rule', 'Values', 'Result', 'Note'],
    verdict.rules.map((rule) => [
      rule.rule,
      Object.entries(rule.values)
        .map(([name, value]) => `${name}=${formatMetric(value)}`)
        .join(', '),
      rule.outcome === 'pass' ? colors.ok('pass') : colors.fail('FAIL'),
      rule.note ?? '',
    ]),
  );
  const failed = verdict.rules.filter((rule) => rule.outcome === 'fail').length;
  ui.info(
    verdict.passed
      ? colors.ok(`Gate passed: ${verdict.rules.length} of ${verdict.rules.length} rules`)
      : colors.fail(`Gate failed: ${failed} of ${verdict.rules.length} rules failed`),
  );
}

/**
 * The verdict on the commit: a check run and, if asked, the pull request's report comment.
 * Fork pull requests and tokens without the permission degrade to the job summary: a report
 * that cannot be posted is never a reason to fail the gate.
 */
async function reportOnGitHub(
  inputs: GateInputs,
  full: GateReport,
  passed: boolean,
  context: CommandContext,
): Promise<void> {
  const { ui } = context;
  const commit = commitContext(context.env);
  const rows: string[][] = [];
  if (!commit) {
    ui.info('Not in a GitHub workflow: the report stays here.');
    return;
  }
  if (!inputs.githubToken) {
    rows.push([
      'check run',
      'skipped: no github-token (give it ${{ github.token }} with checks: write)',
    ]);
  } else if (commit.fork) {
    ui.warning(
      'Pull request from a fork: its token is read-only, so the verdict is in the job summary only.',
    );
    rows.push(['check run', 'skipped: fork pull request (read-only token)']);
    if (inputs.prComment) rows.push(['pull request comment', 'skipped: fork pull request']);
  } else {
    // Octokit loads only when there is something to post.
    const { githubClient } = await import('../adapters/github/github-client.js');
    const client = githubClient({
      token: inputs.githubToken,
      apiUrl: context.env.GITHUB_API_URL,
      onRetry: (message) => ui.warning(message),
    });
    const runUrl =
      context.env.GITHUB_SERVER_URL && context.env.GITHUB_RUN_ID
        ? `${context.env.GITHUB_SERVER_URL}/${commit.owner}/${commit.repo}/actions/runs/${context.env.GITHUB_RUN_ID}`
        : undefined;
    const attempt = async (where: string, work: () => Promise<string>): Promise<void> => {
      try {
        rows.push([where, await work()]);
      } catch (error) {
        const status = (error as { status?: number }).status;
        const reason = (error as Error).message.split('\n')[0] ?? '';
        ui.warning(`Could not post the ${where}: ${reason}`);
        rows.push([
          where,
          `skipped: ${status === 403 ? 'the token may not (checks: write / pull-requests: write)' : reason}`,
        ]);
      }
    };
    await attempt('check run', () =>
      publishCheckRun(client, commit, {
        name: inputs.checkName,
        passed,
        title: full.title,
        summary: full.markdown,
        ...(runUrl ? { detailsUrl: runUrl } : {}),
      }),
    );
    const pullRequest = commit.pullRequest;
    if (inputs.prComment && pullRequest !== undefined) {
      await attempt('pull request comment', () =>
        upsertStickyComment(
          client,
          { ...commit, pullRequest },
          `<!-- mlops-platform: ${inputs.checkName} -->`,
          full.markdown,
        ),
      );
    }
  }
  ui.table('Reported on GitHub', ['Where', 'Result'], rows);
}
