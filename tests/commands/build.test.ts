import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/commands/build.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * build in-process: the problems found before anything is hashed, created, built or pushed
 * (no Docker, no registry: the registry named is never reached). tests/commands/build-docker.test.ts
 * builds and pushes real images.
 */

const IMAGE = '127.0.0.1:9/acme-ml/images/trainer';
let dir: string;

beforeAll(async () => {
  dir = await tempDir('cmd-build');
  await mkdir(path.join(dir, 'trainer'));
  await writeFile(path.join(dir, 'trainer/Dockerfile'), 'FROM scratch\nCOPY . /app\n');
  await mkdir(path.join(dir, 'empty'));
});

function build(inputs: Record<string, InputValue>, env: NodeJS.ProcessEnv = {}) {
  return runCommand(
    buildCommand,
    { image: IMAGE, context: 'trainer', 'registry-password': 'build-password', ...inputs },
    { cwd: dir, env },
  );
}

describe('build (in-process): inputs', () => {
  it('the image is a name: a tag or digest is refused', async () => {
    for (const image of [`${IMAGE}:v1`, `${IMAGE}@sha256:${'a'.repeat(64)}`]) {
      const result = await build({ image });
      expect(result.userError?.describe()).toContain(`image "${image}" has a tag or digest`);
      expect(result.userError?.describe()).toContain('Give the name only');
    }
  });

  it('a bare name needs the repository, project and region; each is checked', async () => {
    const bare = await build({ image: 'trainer' });
    expect(bare.userError?.describe()).toContain(
      'image "trainer" is a bare name, so build needs the repository to put it in',
    );
    expect(bare.userError?.describe()).toContain('or give image as a full name');

    const where = { image: 'trainer', 'project-id': 'acme-ml', region: 'us-central1' };
    const repository = await build({ ...where, repository: 'My_Images' });
    expect(repository.userError?.describe()).toContain(
      'repository "My_Images" is not an Artifact Registry repository id',
    );
    const region = await build({ ...where, repository: 'images', region: 'US Central' });
    expect(region.userError?.describe()).toContain(
      '"US Central" is not an Artifact Registry location',
    );
  });

  it('tags, build arguments and labels are checked, each problem named', async () => {
    const tag = await build({ 'image-tags': 'latest\n-bad' });
    expect(tag.userError?.describe()).toContain('"-bad" is not a valid image tag');
    const argument = await build({ 'build-args': 'PYTHON_VERSION' });
    expect(argument.userError?.describe()).toContain('"PYTHON_VERSION" is not NAME=VALUE');
    const label = await build({ labels: 'team=ml\nteam=data' });
    expect(label.userError?.describe()).toContain('Label "team" is given twice');
    const login = await build({ 'registry-password': '', 'registry-username': 'robot' });
    expect(login.userError?.describe()).toContain(
      'registry-username is set without registry-password',
    );
  });

  it('reports several bad inputs at once', async () => {
    const result = await build({
      image: `${IMAGE}:v1`,
      'image-tags': '-bad',
      'build-args': 'PYTHON_VERSION',
    });
    const report = result.userError?.describe();
    expect(report).toContain('has a tag or digest');
    expect(report).toContain('"-bad" is not a valid image tag');
    expect(report).toContain('"PYTHON_VERSION" is not NAME=VALUE');
  });

  it('a missing context folder or Dockerfile is refused before anything else', async () => {
    const context = await build({ context: 'no-such-folder' });
    expect(context.userError?.describe()).toContain(
      'The context folder no-such-folder does not exist',
    );
    expect(context.userError?.describe()).toContain(
      'Set context to an existing folder, relative to the working directory.',
    );

    const dockerfile = await build({ context: 'empty' });
    expect(dockerfile.userError?.describe()).toContain(
      `The Dockerfile ${path.join(dir, 'empty/Dockerfile')} does not exist`,
    );
    expect(dockerfile.userError?.describe()).toContain('Add a Dockerfile to the build context');

    const named = await build({ dockerfile: 'trainer/Dockerfile.serving' });
    expect(named.userError?.describe()).toContain(
      'The Dockerfile trainer/Dockerfile.serving does not exist',
    );
    expect(context.groups).toEqual([]);
  });

  it('refuses a build context that holds the Google credentials file, before hashing it into an image', async () => {
    const credentials = path.join(dir, 'trainer/gha-creds-1234.json');
    await writeFile(credentials, '{}');
    const result = await build({}, { GOOGLE_APPLICATION_CREDENTIALS: credentials });
    expect(result.userError?.message).toBe(
      'The build context holds Google credentials: gha-creds-1234.json; the image would carry them',
    );
    expect(result.userError?.fix).toContain('list them in .dockerignore (gha-creds-*.json');
    expect(result.masked).toEqual([{ value: 'build-password', name: 'registry-password' }]);
  });
});
