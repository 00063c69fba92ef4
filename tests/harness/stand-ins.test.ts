import { beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
import { buildxHere, RUNNER_IMAGE } from './runner-image.js';
import { fixtureRepository, job, runFixture, step } from './test-fixtures.js';
import type { RepositoryUnderTest, WorkflowRun } from './types.js';

/** The stand-ins for third-party actions and the model of the ubuntu-latest image. */

describe('the workflow harness: stand-in actions and the runner image', () => {
  let repository: RepositoryUnderTest;
  let pythonRun: Promise<WorkflowRun> | undefined;
  const pythonWorkflow = () => (pythonRun ??= runFixture(repository, 'python.yml'));

  beforeAll(async () => {
    repository = await fixtureRepository(['artifacts.yml', 'python.yml', 'unknown-action.yml'], {
      files: { '.python-version': '3.11\n' },
    });
  });

  it('stores uploads by upload-artifact@v4 path rules and downloads them by name or all', async () => {
    const run = await runFixture(repository, 'artifacts.yml');
    expect(run.conclusion, run.log).toBe('success');
    const files = Object.fromEntries([...run.artifacts.values()].map((a) => [a.name, a.files]));
    expect(files).toEqual({
      // One file named by its path: stored at the root by its name.
      single: ['single.txt'],
      // Several search paths: relative to their least common ancestor (out/).
      several: ['a/one.txt', 'b/two.txt'],
      // A folder: relative to it, hidden files left out.
      folder: ['a/one.txt', 'b/two.txt', 'single.txt'],
    });
    // A hidden folder finds nothing; no files warns by default; a name is unique in the run.
    const id = String(run.artifacts.get('single')?.id);
    const outputs = step(run, 'produce', 'single').outputs;
    expect(Object.keys(outputs).sort()).toEqual(['artifact-id', 'artifact-url']);
    expect(outputs['artifact-id']).toBe(id);
    expect(outputs['artifact-url']).toMatch(
      new RegExp(`^https://github\\.com/${repository.fullName}/actions/runs/\\d+/artifacts/${id}$`),
    );
    const again = step(run, 'produce', 'again');
    expect(again).toMatchObject({ outcome: 'failure', conclusion: 'success' });
    expect(again.log).toContain('(409) Conflict: an artifact with this name already exists');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message:
          'No files were found with the provided path: nothing/*.txt. No artifacts will be uploaded.',
      }),
    );
    const listing = job(run, 'consume').steps[3]?.log.split('\n') ?? [];
    expect(listing).toEqual([
      'shell: bash -e {0}',
      // name: several → its files into the workspace; pattern + merge-multiple → one folder.
      './a/one.txt',
      './b/two.txt',
      './merged/a/one.txt',
      './merged/b/two.txt',
      './merged/single.txt',
      // no name → each artifact in path/<name>/.
      './folder/a/one.txt',
      './folder/b/two.txt',
      './folder/single.txt',
      './several/a/one.txt',
      './several/b/two.txt',
      './single/single.txt',
      'download-path=true',
    ]);
    expect(job(run, 'consume').steps[4]?.log).toBe(
      "##[error]Unable to download artifact(s): Artifact 'missing' not found",
    );
  });

  it("models the image's python3: 3.12, no scikit-learn, pip install refused by PEP 668", async () => {
    const run = await pythonWorkflow();
    const [versions, pip, sklearn] = job(run, 'image-python').steps;
    expect(versions?.log).toContain('Python 3.12.3');
    expect(versions?.log).toContain('(3, 12) 3.12.3');
    expect(pip?.outcome).toBe('failure');
    expect(pip?.log).toContain('error: externally-managed-environment');
    expect(pip?.log).toContain('See /usr/share/doc/python3.12/README.venv for more information.');
    expect(pip?.log).toContain('hint: See PEP 668 for the detailed specification.');
    expect(sklearn?.log).toContain("ModuleNotFoundError: No module named 'sklearn'");
    expect(RUNNER_IMAGE).toMatchObject({ python: '3.12.3', buildx: true });
    expect(typeof buildxHere()).toBe('boolean');
  });

  it('refuses a Python setup-python cannot provide here, saying why', async () => {
    const run = await pythonWorkflow();
    const [setup] = job(run, 'setup-312').steps;
    expect(setup).toMatchObject({
      outcome: 'failure',
      pin: 'sha',
      uses: 'actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065',
    });
    expect(setup?.log).toContain(
      `setup-python (harness stand-in) cannot provide Python '3.12': only 3.11`,
    );
    expect(setup?.log).toContain(PYTHON);
  });

  it.skipIf(!pythonWithSklearn())(
    'provides 3.11 from .python-version as a venv first on PATH that sees scikit-learn',
    async () => {
      const run = await pythonWorkflow();
      const setup = job(run, 'setup-311');
      expect(setup.result, run.log).toBe('success');
      const python = step(run, 'setup-311', 'python');
      expect(python.pin).toBe('tag');
      expect(python.outputs['python-version']).toMatch(/^3\.11\.\d+$/);
      expect(python.log).toContain('cache: pip is accepted; the harness caches nothing');
      const check = setup.steps[2]?.log ?? '';
      expect(check).toMatch(/\(3, 11\) sklearn \d/);
      expect(check).toContain(`python=${python.outputs['python-path']} `);
    },
  );

  it('fails a job at set-up for an action without a stand-in or a branch-pinned one', async () => {
    const run = await runFixture(repository, 'unknown-action.yml');
    expect(job(run, 'unknown')).toMatchObject({ result: 'failure', steps: [] });
    expect(job(run, 'branch-pinned').result).toBe('failure');
    expect(run.annotations.map((a) => a.message)).toEqual([
      'the harness has no stand-in for docker/setup-buildx-action@v3',
      'actions/checkout@main: pin actions to a full commit SHA or a version tag',
    ]);
  });
});
