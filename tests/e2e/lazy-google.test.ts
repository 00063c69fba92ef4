import { spawnSync } from 'node:child_process';
import { cp, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

describe('the Google clients load only when a command calls Google', () => {
  it('compile, validate and local runs work from a dist/ without the vendor bundle; Vertex runs need it', async () => {
    const root = await tempDir('no-vendor');
    await mkdir(path.join(root, 'dist'));
    for (const file of ['cli.js', 'main.js', 'post.js'])
      await copyFile(path.join(REPO_ROOT, 'dist', file), path.join(root, 'dist', file));
    await cp(path.join(REPO_ROOT, 'dist/bundle'), path.join(root, 'dist/bundle'), {
      recursive: true,
    });
    await copyFile(path.join(REPO_ROOT, 'package.json'), path.join(root, 'package.json'));
    const pipeline = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
    const cli = (...args: string[]) =>
      spawnSync(NODE, [path.join(root, 'dist/cli.js'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });

    expect(cli('compile', pipeline, '--output', path.join(root, 'out.yaml')).status).toBe(0);
    expect(cli('validate', path.join(root, 'out.yaml')).status).toBe(0);
    const vertex = cli(
      'run',
      '--vertex',
      pipeline,
      '--project-id',
      'acme-ml',
      '--region',
      'us-central1',
      '--pipeline-root',
      'gs://bucket/root',
    );
    expect(vertex.status).toBe(1);
    expect(vertex.stderr).toMatch(/google-cloud\.js/);
  });

  it('Octokit and libsodium load only when sync-secrets writes', async () => {
    const root = await tempDir('no-github');
    await cp(path.join(REPO_ROOT, 'dist'), path.join(root, 'dist'), { recursive: true });
    await copyFile(path.join(REPO_ROOT, 'package.json'), path.join(root, 'package.json'));
    const chunks = path.join(root, 'dist/bundle');
    let removed = 0;
    for (const name of await readdir(chunks)) {
      const text = await readFile(path.join(chunks, name), 'utf8');
      if (text.includes('crypto_box_seal') || text.includes('@octokit')) {
        await rm(path.join(chunks, name));
        removed++;
      }
    }
    expect(removed).toBeGreaterThanOrEqual(2);
    await writeFile(path.join(root, '.env'), 'APP_KEY=value\n');
    const cli = (...args: string[]) =>
      spawnSync(NODE, [path.join(root, 'dist/cli.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', GH_TOKEN: 'ghp_unused' },
      });
    const pipeline = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
    expect(cli('compile', pipeline, '--output', path.join(root, 'out.yaml')).status).toBe(0);
    expect(cli('sync-secrets', '--check-only').status).toBe(0);
    const sync = cli('sync-secrets', '--repository', 'acme/ml');
    expect(sync.status).toBe(1);
    expect(sync.stderr).toMatch(/Cannot find module .*bundle/);
  });
});
