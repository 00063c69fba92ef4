import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { majorVersionTag, repositoryFromManifest } from '../../src/core/product.js';
import { NODE } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';

/**
 * The npm package as published: `npm pack` of this repository, unpacked in a folder with no
 * node_modules and run from there, as `npx mlops-platform` would. It must carry everything the
 * CLI reads at run time (the bundle, init's templates, serve's server) and nothing of the
 * sources or tests.
 */

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** Runs a script of the unpacked package with the repository's Node; stdout and stderr together. */
function run(
  cwd: string,
  script: string,
  args: readonly string[],
): { code: number; output: string } {
  const result = spawnSync(NODE, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('the npm package (npm pack, unpacked and run without node_modules)', () => {
  let unpacked = '';
  let files: string[] = [];

  beforeAll(async () => {
    const destination = await tempDir('pack');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const [tarball] = packed;
    if (!tarball) throw new Error('npm pack made no tarball');
    files = tarball.files.map((file) => file.path);
    execFileSync('tar', ['-xzf', path.join(destination, tarball.filename), '-C', destination]);
    unpacked = path.join(destination, 'package');
  }, 120_000);

  it('is publishable: not private, with the mlops command', () => {
    expect(manifest.private).toBeUndefined();
    // dist/ bundles every package it runs: installing the CLI downloads nothing else.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.name).toBe('mlops-platform');
    expect(manifest.bin).toEqual({ mlops: 'dist/cli.js' });
  });

  it('holds the bundle, the templates and the server, and no sources or tests', () => {
    for (const file of [
      'package.json',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'dist/cli.js',
      'dist/vendor/google-cloud.js',
      'dist/bundle/licenses.txt',
      'dist/vendor/licenses.txt',
      'pipelines/training-pipeline.yaml',
      'pipelines/serving/server.py',
      'pipelines/components/train.py',
      'workflows-templates/mlops-pr-check.yml',
    ])
      expect(files).toContain(file);
    const stray = files.filter((file) =>
      /^(src|tests|scripts|docs|bench|\.github)\/|^pipelines\/tests\/|__pycache__|\.pyc$/.test(
        file,
      ),
    );
    expect(stray).toEqual([]);
  });

  it('runs mlops --version from the unpacked package', () => {
    const result = run(unpacked, 'dist/cli.js', ['--version']);
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim()).toBe(manifest.version);
  });

  it('validates its own pipeline and lays a repository with mlops init', async () => {
    const validated = run(unpacked, 'dist/cli.js', [
      'validate',
      'pipelines/training-pipeline.yaml',
    ]);
    expect(validated.code, validated.output).toBe(0);

    const target = path.join(await tempDir('pack-init'), 'repo');
    const dry = run(unpacked, 'dist/cli.js', ['init', target, '--dry-run', '--project', 'acme-ml']);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toMatch(/create\s+pipelines\/serving\/server\.py/);
    expect(existsSync(target)).toBe(false);

    const laid = run(unpacked, 'dist/cli.js', ['init', target, '--yes', '--project', 'acme-ml']);
    expect(laid.code, laid.output).toBe(0);
    expect(await readdir(path.join(target, '.github/workflows'))).toContain('mlops-pr-check.yml');
    const workflow = await readFile(
      path.join(target, '.github/workflows/mlops-pr-check.yml'),
      'utf8',
    );
    expect(workflow).toContain(`uses: ${repositoryFromManifest(manifest)}/`);
    expect(workflow).toContain(`@${majorVersionTag(manifest.version)}`);
  });
});
