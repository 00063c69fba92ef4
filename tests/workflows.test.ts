import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@actions/languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initCommand } from '../src/commands/init.js';
import { loadCommands } from '../src/commands/registry.js';
import { CONFIGURATION } from '../src/core/init/configuration.js';
import { workflowName } from '../src/core/init/templates.js';
import { createRepository, runWorkflow } from './harness/index.js';
import { REPO_ROOT } from './helpers/paths.js';

const COMMANDS = await loadCommands();

/**
 * Every workflow, template and action.yml is checked by GitHub's own validator (the one behind
 * the VS Code extension, which knows node24), and every step that uses this action is checked
 * against the commands' real inputs.
 */

const WORKFLOWS = path.join(REPO_ROOT, '.github/workflows');
const TEMPLATES = path.join(REPO_ROOT, 'workflows-templates');
const files = [
  ...readdirSync(WORKFLOWS).map((name) => path.join(WORKFLOWS, name)),
  ...readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => path.join(TEMPLATES, name)),
].filter((file) => file.endsWith('.yml'));

async function diagnostics(file: string, uri: string): Promise<string[]> {
  const document = TextDocument.create(uri, 'yaml', 1, readFileSync(file, 'utf8'));
  const found = await validate(document);
  return found.map(
    (d) =>
      `${path.basename(file)}:${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
  );
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** The action's name and channel, from package.json: the one place a fork or a release changes. */
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  repository: { url: string };
};
const ACTION_REPOSITORY = /github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository.url)?.[1] ?? '';
const ACTION_REF = `v${manifest.version.split('.')[0] ?? ''}`;
const ACTION = new RegExp(`^${ACTION_REPOSITORY}@`);

/** Every `uses:` in a workflow: of steps and of jobs that call reusable workflows. */
function usesOf(file: string): string[] {
  const workflow = parse(readFileSync(file, 'utf8')) as {
    jobs: Record<string, { uses?: string; steps?: Step[] }>;
  };
  return Object.values(workflow.jobs).flatMap((job) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])),
  ]);
}

describe('workflows and action.yml', () => {
  it.each(files.map((file) => [path.relative(REPO_ROOT, file), file]))(
    "%s passes GitHub's workflow validator",
    async (_name, file) => {
      // Templates are validated as the workflows they become in a user's repository.
      const uri = `file:///repo/.github/workflows/${path.basename(file)}`;
      expect(await diagnostics(file, uri)).toEqual([]);
    },
  );

  it('action.yml passes the validator (runs.using node24)', async () => {
    const file = path.join(REPO_ROOT, 'action.yml');
    expect(await diagnostics(file, 'file:///repo/action.yml')).toEqual([]);
    expect((parse(readFileSync(file, 'utf8')) as { runs: { using: string } }).runs.using).toBe(
      'node24',
    );
  });

  it('every step using the action names a command and only inputs that command takes', () => {
    let steps = 0;
    for (const file of files) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { steps?: Step[] }>;
      };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.uses || !ACTION.test(step.uses)) continue;
          steps++;
          const values = step.with ?? {};
          const command = COMMANDS.find((c) => c.name === values.command);
          expect(
            command,
            `${path.basename(file)}: command ${String(values.command)}`,
          ).toBeDefined();
          const names = new Set(['command', ...(command?.inputs.map((input) => input.name) ?? [])]);
          for (const key of Object.keys(values))
            expect(
              names.has(key),
              `${path.basename(file)}: ${String(values.command)} has no input ${key}`,
            ).toBe(true);
        }
      }
    }
    expect(steps).toBeGreaterThan(10);
  });

  it('asks for id-token: write only in jobs that authenticate to Google', () => {
    for (const file of readdirSync(WORKFLOWS).map((name) => path.join(WORKFLOWS, name))) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        permissions?: Record<string, string>;
        jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }>;
      };
      expect(workflow.permissions?.['id-token'], path.basename(file)).toBeUndefined();
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const authenticates = (job.steps ?? []).some((step) => step.with?.command === 'auth');
        // The one other use: release.yml's npm job, whose OIDC token signs npm's provenance.
        const provenance = path.basename(file) === 'release.yml' && name === 'npm';
        expect(job.permissions?.['id-token'] === 'write', `${path.basename(file)} ${name}`).toBe(
          authenticates || provenance,
        );
      }
    }
  });

  it('a template that lends pull requests an OIDC token runs only for same-repository ones', () => {
    for (const name of readdirSync(TEMPLATES).filter((file) => file.endsWith('.yml'))) {
      const workflow = parse(readFileSync(path.join(TEMPLATES, name), 'utf8')) as {
        on: Record<string, unknown>;
        permissions?: Record<string, string>;
        jobs: Record<string, { if?: string }>;
      };
      const pullRequests = 'pull_request' in workflow.on || 'pull_request_target' in workflow.on;
      if (!pullRequests || workflow.permissions?.['id-token'] !== 'write') continue;
      for (const [job, definition] of Object.entries(workflow.jobs))
        expect(definition.if ?? '', `${name} ${job}`).toContain(
          'github.event.pull_request.head.repo.full_name == github.repository',
        );
    }
  });

  it('only a job that names the environment authenticates as the deploy account', () => {
    const deployEnvironments: Array<string | undefined> = [];
    for (const file of readdirSync(WORKFLOWS).map((name) => path.join(WORKFLOWS, name))) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { environment?: string; steps?: Step[] }>;
      };
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const deploys = (job.steps ?? []).some((step) => step.with?.command === 'deploy');
        if (deploys) deployEnvironments.push(job.environment);
        for (const step of (job.steps ?? []).filter((s) => s.with?.command === 'auth'))
          expect(step.with?.['service-account'], `${path.basename(file)} ${name}`).toBe(
            deploys ? '${{ inputs.deploy-service-account }}' : '${{ inputs.service-account }}',
          );
      }
    }
    // The one deploy job names the environment its account is bound to.
    expect(deployEnvironments).toEqual(['${{ inputs.environment }}']);
    // Every call of the train-and-deploy workflow passes both accounts from the configuration.
    for (const file of files.filter((f) => f.startsWith(TEMPLATES))) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { uses?: string; with?: Record<string, unknown> }>;
      };
      for (const job of Object.values(workflow.jobs).filter((j) => j.uses?.includes('train-and'))) {
        expect(job.with?.['service-account']).toBe('${{ vars.GCP_SERVICE_ACCOUNT }}');
        expect(job.with?.['deploy-service-account']).toBe('${{ vars.GCP_DEPLOY_SERVICE_ACCOUNT }}');
      }
    }
  });

  it('train-and-deploy refuses one account for training and deploying, before any work', async () => {
    const same = 'ml@acme-ml.iam.gserviceaccount.com';
    const repository = await createRepository({
      files: {
        '.github/workflows/release.yml': [
          'on: push',
          'permissions: { contents: read, id-token: write }',
          'jobs:',
          '  release:',
          '    uses: mlops-platform/mlops-platform/.github/workflows/mlops-train-and-deploy.yml@v0',
          '    with:',
          '      { pipeline: p.yaml, region: r, pipeline-root: gs://b, model: m, rules: x > 0,',
          '        workload-identity-provider: w, service-account: ' + same + ',',
          '        deploy-service-account: ' + same + ' }',
          '',
        ].join('\n'),
      },
    });
    const run = await runWorkflow({
      repository,
      workflow: '.github/workflows/release.yml',
      event: { name: 'push' },
      actionRepository: ACTION_REPOSITORY,
      environments: { production: {} },
    });
    expect(run.conclusion).toBe('failure');
    // The first step fails; checkout, auth and the rest never run.
    const [first, ...rest] = run.jobs.get('release/train')?.steps ?? [];
    expect(first?.outcome).toBe('failure');
    expect(rest.filter((step) => step.outcome !== 'skipped')).toEqual([]);
    expect(run.annotations.map((a) => a.message).join('\n')).toContain(
      'deploy-service-account is the training service-account',
    );
    expect(run.jobs.get('release/deploy')?.result).toBe('skipped');
  });

  it("names this action and its reusable workflows by package.json's repository and major version", () => {
    expect(ACTION_REPOSITORY).toBe('mlops-platform/mlops-platform');
    const own = files.flatMap(usesOf).filter((uses) => uses.startsWith(`${ACTION_REPOSITORY}`));
    expect(own.length).toBeGreaterThan(20);
    for (const uses of own) {
      const match = /^[^/]+\/[^/@]+(?:\/\.github\/workflows\/([\w.-]+\.yml))?@(.+)$/.exec(uses);
      expect(match?.[2], uses).toBe(ACTION_REF);
      const workflow = match?.[1];
      expect(workflow === undefined || existsSync(path.join(WORKFLOWS, workflow)), uses).toBe(true);
    }
    for (const doc of [
      'README.md',
      ...readdirSync(path.join(REPO_ROOT, 'docs')).map((d) => `docs/${d}`),
    ])
      expect(readFileSync(path.join(REPO_ROOT, doc), 'utf8'), doc).not.toMatch(
        /your-org\/mlops-platform/,
      );
  });

  it('checks out without leaving the token in .git/config (persist-credentials: false)', () => {
    let checkouts = 0;
    for (const file of files) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { steps?: Step[] }>;
      };
      for (const [name, job] of Object.entries(workflow.jobs))
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('actions/checkout@')) continue;
          checkouts++;
          // Later steps run code from the checkout (a pull request's, too): no step pushes with git.
          expect(step.with?.['persist-credentials'], `${path.basename(file)} ${name}`).toBe(false);
        }
    }
    expect(checkouts).toBeGreaterThan(5);
  });

  it('pins every third-party action by commit SHA, with the version in a comment', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const uses of usesOf(file).filter((u) => !u.startsWith(ACTION_REPOSITORY))) {
        expect(uses, `${path.basename(file)}: ${uses}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(text, `${path.basename(file)}: ${uses}`).toMatch(
          new RegExp(`${uses.replace(/[.]/g, '\\.')} # v\\d+\\.\\d+\\.\\d+`),
        );
      }
    }
  });

  it('templates read only the configuration names, which docs/configuration.md lists as the code does', () => {
    const table = readFileSync(path.join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` +\| (\w+)/gm)].map(
      ([, name, kind]) => `${name ?? ''} ${kind ?? ''}`,
    );
    expect(documented).toEqual(CONFIGURATION.map((entry) => `${entry.name} ${entry.kind}`));
    const known = new Set(CONFIGURATION.map((entry) => entry.name));
    const read = new Set<string>();
    for (const file of files.filter((f) => f.startsWith(TEMPLATES))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(
        /\b(?:vars|secrets)\.([A-Z0-9_]+)/g,
      ))
        if (name) read.add(name);
    }
    // Every name is read by some template, and no template reads a name outside the table.
    expect([...read].sort()).toEqual([...known].sort());
  });

  it("mlops init's --workflows help names every template", () => {
    const names = files
      .filter((file) => file.startsWith(TEMPLATES))
      .map((file) => workflowName(path.relative(REPO_ROOT, file)));
    const help = initCommand.inputs.find((input) => input.name === 'workflows')?.description;
    expect(help?.replace(/^.*: /, '').replace(/\.$/, '').split(', ').sort()).toEqual(names.sort());
  });

  it('each template has its properties file', () => {
    for (const file of files.filter((f) => f.startsWith(TEMPLATES))) {
      const properties = JSON.parse(
        readFileSync(file.replace(/\.yml$/, '.properties.json'), 'utf8'),
      ) as { name?: string; description?: string; iconName?: string; categories?: string[] };
      expect(properties.name).toBeTruthy();
      expect(properties.description).toBeTruthy();
      expect(properties.categories?.length).toBeGreaterThan(0);
    }
  });

  it.each(COMMANDS.map((command) => [`${command.name}/action.yml`]))(
    '%s passes the validator (runs.using node24)',
    async (name) => {
      const file = path.join(REPO_ROOT, name);
      expect(await diagnostics(file, `file:///repo/${name}`)).toEqual([]);
      expect((parse(readFileSync(file, 'utf8')) as { runs: { using: string } }).runs.using).toBe(
        'node24',
      );
    },
  );

  it('every step using a sub-action (OWNER/REPO/<command>@REF) gives its required inputs and only inputs it takes', () => {
    const subAction = new RegExp(`^${ACTION_REPOSITORY}/([\\w-]+)@${ACTION_REF}$`);
    // The shipped workflows call the top-level action today; the harness fixture uses a sub-action.
    const fixture = path.join(REPO_ROOT, 'tests/harness/fixtures/workflows/sub-action.yml');
    let checked = 0;
    for (const file of [...files, fixture]) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { steps?: Step[] }>;
      };
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])) {
        const name = step.uses?.startsWith(`${ACTION_REPOSITORY}/`) ? step.uses : undefined;
        if (!name) continue;
        checked += 1;
        const command = COMMANDS.find((c) => c.name === subAction.exec(name)?.[1]);
        expect(command, `${path.basename(file)}: ${name}`).toBeDefined();
        const given = Object.keys(step.with ?? {});
        const taken = new Set(command?.inputs.map((input) => input.name));
        expect(
          given.filter((key) => !taken.has(key)),
          `${path.basename(file)}: ${name}`,
        ).toEqual([]);
        const required = command?.inputs.filter((i) => i.required && i.default === undefined);
        for (const input of required ?? [])
          expect(given, `${path.basename(file)}: ${name} needs ${input.name}`).toContain(
            input.name,
          );
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
