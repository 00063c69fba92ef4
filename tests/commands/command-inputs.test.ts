import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/commands/build.js';
import type { Command, CommandContext } from '../../src/commands/command.js';
import { initCommand } from '../../src/commands/init.js';
import { runCommand as runPipelineCommand } from '../../src/commands/run.js';
import { serveCommand } from '../../src/commands/serve.js';
import { tempDir } from '../helpers/paths.js';
import {
  createRecordingHost,
  rawInputsOf,
  runCommand,
  type InputValue,
} from '../helpers/recording-host.js';

/**
 * What every command's parseInputs promises (src/commands/command.ts): all the problems of the
 * inputs in one UserError, each with its fix; and no I/O: files and git are read by the
 * command's planning phase, which reports what is missing before anything is done.
 */

/** A working directory that does not exist: parseInputs must not look. */
const NOWHERE = '/nonexistent/mlops-command-inputs';
const REGISTRY_IMAGE = '127.0.0.1:9/acme-ml/images/trainer';

function parse<Inputs>(command: Command<Inputs>, inputs: Record<string, InputValue>): Inputs {
  const { ui, host } = createRecordingHost();
  const context: CommandContext = { ui, host, cwd: NOWHERE, env: {} };
  return command.parseInputs(rawInputsOf(inputs), context);
}

let dir: string;

beforeAll(async () => {
  dir = await tempDir('command-inputs');
  await mkdir(path.join(dir, 'trainer'));
  await writeFile(path.join(dir, 'trainer/Dockerfile'), 'FROM scratch\n');
});

describe('parseInputs reports every problem at once', () => {
  it('build: a bad tag, build argument, label, login and training image in one UserError', async () => {
    const result = await runCommand(
      buildCommand,
      {
        image: REGISTRY_IMAGE,
        context: 'trainer',
        'image-tags': '-bad',
        'build-args': 'NO_EQUALS',
        labels: '=x',
        'registry-username': 'someone',
        'training-image': 'Not An Image',
      },
      { cwd: dir },
    );
    const error = result.userError;
    expect(error?.message).toBe('5 inputs of build are invalid');
    expect(error?.details).toHaveLength(5);
    // Each problem keeps its own fix, on its own line.
    expect(error?.details).toEqual([
      '"NO_EQUALS" is not NAME=VALUE. Fix: Write each build argument as NAME=VALUE, e.g. PYTHON_VERSION=3.11.',
      '"=x" is not NAME=VALUE. Fix: Write each label as NAME=VALUE, e.g. team=ml.',
      expect.stringMatching(/^"-bad" is not a valid image tag. Fix: /),
      'registry-username is set without registry-password. Fix: Give registry-password too, or neither to use the access token of the auth step.',
      expect.stringMatching(/^training-image: .*Fix: /),
    ]);
    expect(error?.describe()).toMatch(/Fix: Correct each input as its line says/);
    expect(result.groups).toEqual([]);
  });

  it('one problem reads as itself, without a count', async () => {
    const result = await runCommand(
      buildCommand,
      { image: REGISTRY_IMAGE, context: 'trainer', 'image-tags': '-bad' },
      { cwd: dir },
    );
    expect(result.userError?.message).toMatch(/"-bad"/);
    expect(result.userError?.details).toEqual([]);
  });

  it('an input that needs a failed one is skipped, not reported twice', async () => {
    // The registry login is for the image's registry: with no image, only the image is named.
    const result = await runCommand(
      buildCommand,
      { context: 'trainer', 'registry-password': 'secret-password' },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe('Missing required input "image"');
  });

  it('run: a bad parameter, executor, parallelism and task-env in one UserError', async () => {
    const result = await runCommand(runPipelineCommand, {
      pipeline: 'pipeline.yaml',
      param: 'no-equals',
      executor: 'kubernetes',
      parallelism: '0',
      'task-env': 'NOT-A-NAME',
    });
    expect(result.userError?.message).toBe('4 inputs of run are invalid');
    expect(result.userError?.details).toEqual([
      expect.stringContaining('no-equals'),
      expect.stringMatching(
        /^Input "executor" is "kubernetes". Fix: Use one of: subprocess, docker/,
      ),
      expect.stringMatching(/^Input "parallelism" is "0". Fix: Give a whole number of at least 1/),
      expect.stringMatching(/^task-env takes variable names, not "NOT-A-NAME". Fix: /),
    ]);
  });
});

describe('parseInputs reads no file and runs no git; the planning phase does', () => {
  it('build: a missing context and Dockerfile are found by the planning phase, both at once', async () => {
    const inputs = parse(buildCommand, {
      image: REGISTRY_IMAGE,
      context: 'no-such-folder',
      dockerfile: 'no/Dockerfile',
    });
    expect(inputs).toMatchObject({
      context: { given: 'no-such-folder', path: path.join(NOWHERE, 'no-such-folder') },
      dockerfile: { given: 'no/Dockerfile', path: path.join(NOWHERE, 'no/Dockerfile') },
      // The commit is read by the planning phase (GITHUB_SHA, else git), not here.
      tags: [],
    });

    const result = await runCommand(
      buildCommand,
      { image: REGISTRY_IMAGE, context: 'no-such-folder', dockerfile: 'no/Dockerfile' },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe('2 inputs of build are invalid');
    expect(result.userError?.details).toEqual([
      expect.stringMatching(/^The context folder no-such-folder does not exist. Fix: /),
      expect.stringMatching(/^The Dockerfile no\/Dockerfile does not exist. Fix: /),
    ]);
    // Before anything: no group opened, nothing hashed, no registry asked.
    expect(result.groups).toEqual([]);
  });

  it('build: the Dockerfile of a context that does not exist is not a second problem', async () => {
    const result = await runCommand(
      buildCommand,
      { image: REGISTRY_IMAGE, context: 'no-such-folder' },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe('The context folder no-such-folder does not exist');
  });

  it('build: the project, region and repository of a bare name are checked together', async () => {
    const result = await runCommand(
      buildCommand,
      {
        image: 'trainer',
        context: 'trainer',
        'project-id': 'Acme ML',
        region: 'US Central',
        repository: 'My_Images',
      },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe('3 inputs of build are invalid');
    expect(result.userError?.details).toEqual([
      expect.stringContaining('"Acme ML"'),
      expect.stringContaining('"US Central" is not an Artifact Registry location'),
      expect.stringContaining('repository "My_Images" is not an Artifact Registry repository id'),
    ]);
  });

  it('serve: a missing model folder is reported by run, not parseInputs', async () => {
    const inputs = parse(serveCommand, { 'model-dir': 'no/such/model' });
    expect(inputs.modelDir).toBe(path.join(NOWHERE, 'no/such/model'));
    const result = await runCommand(serveCommand, { 'model-dir': 'no/such/model' }, { cwd: dir });
    expect(result.userError?.message).toBe('The model folder no/such/model does not exist');
  });

  it('serve: a bad port and a missing model folder name are reported together', () => {
    expect(() => parse(serveCommand, { port: '70000' })).toThrow('2 inputs of serve are invalid');
  });

  it('init: the answers file is read by the planning phase, before anything is laid', async () => {
    const inputs = parse(initCommand, { config: 'answers.yaml', yes: true });
    expect(inputs).toMatchObject({ configFile: path.join(NOWHERE, 'answers.yaml'), yes: true });
    const target = path.join(dir, 'repo');
    const result = await runCommand(
      initCommand,
      { dir: target, config: 'answers.yaml', yes: true },
      { cwd: dir },
    );
    expect(result.userError?.message).toBe(
      `Cannot read the answers file ${path.join(dir, 'answers.yaml')}`,
    );
    expect(result.infos).toEqual([]);
  });
});
