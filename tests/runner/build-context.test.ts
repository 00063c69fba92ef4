import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashBuildContext, type BuildSettings } from '../../src/adapters/docker/build-context.js';
import { tempDir } from '../helpers/paths.js';

describe('build context hash', () => {
  let context: string;
  let settings: BuildSettings;
  const hash = async (overrides: Partial<BuildSettings> = {}): Promise<string> =>
    (await hashBuildContext({ ...settings, ...overrides })).hash;

  beforeEach(async () => {
    context = await tempDir('build-context');
    await mkdir(path.join(context, 'src'));
    await writeFile(path.join(context, 'Dockerfile'), 'FROM base\nCOPY . /app\n');
    await writeFile(path.join(context, 'src/train.py'), 'print("train")\n');
    await writeFile(path.join(context, 'requirements.txt'), 'scikit-learn==1.2.1\n');
    settings = {
      context,
      dockerfile: path.join(context, 'Dockerfile'),
      platform: 'linux/amd64',
      buildArgs: {},
      labels: {},
    };
  });

  it('is stable, and counts what Docker would send', async () => {
    const first = await hashBuildContext(settings);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toMatchObject({ files: 3, credentialFiles: [] });
    expect(await hash()).toBe(first.hash);
  });

  it('changes with file content, file names, the execute bit, build args, labels and platform', async () => {
    const base = await hash();
    const seen = new Set([base]);
    const changed = async (what: string, change: () => Promise<string>): Promise<void> => {
      const value = await change();
      expect(seen.has(value), what).toBe(false);
      seen.add(value);
    };
    await changed('content', async () => {
      await writeFile(path.join(context, 'src/train.py'), 'print("train v2")\n');
      return hash();
    });
    await changed('new file', async () => {
      await writeFile(path.join(context, 'src/serve.py'), '');
      return hash();
    });
    await changed('execute bit', async () => {
      await chmod(path.join(context, 'src/serve.py'), 0o755);
      return hash();
    });
    await changed('build arg', () => hash({ buildArgs: { PYTHON: '3.11' } }));
    await changed('label', () => hash({ labels: { team: 'ml' } }));
    await changed('platform', () => hash({ platform: 'linux/arm64' }));
    await changed('Dockerfile', async () => {
      await writeFile(path.join(context, 'Dockerfile'), 'FROM base\nCOPY src /app\n');
      return hash();
    });
  });

  it('leaves out what .dockerignore excludes, keeps its exceptions, and ignores .git', async () => {
    await writeFile(path.join(context, '.dockerignore'), 'notebooks\n*.md\n!KEEP.md\n');
    await mkdir(path.join(context, 'notebooks'));
    await mkdir(path.join(context, '.git'));
    const base = await hash();
    await writeFile(path.join(context, 'notebooks/explore.ipynb'), '{}');
    await writeFile(path.join(context, 'NOTES.md'), 'scratch');
    await writeFile(path.join(context, '.git/HEAD'), 'ref: refs/heads/main\n');
    expect(await hash()).toBe(base);
    await writeFile(path.join(context, 'KEEP.md'), 'kept');
    expect(await hash()).not.toBe(base);
  });

  it('reads <Dockerfile>.dockerignore before the context one, as BuildKit does', async () => {
    await writeFile(path.join(context, '.dockerignore'), '');
    await writeFile(path.join(context, 'Dockerfile.dockerignore'), 'data\n');
    await mkdir(path.join(context, 'data'));
    const base = await hash();
    await writeFile(path.join(context, 'data/big.csv'), '1,2,3\n');
    expect(await hash()).toBe(base);
  });

  it('finds Google credentials files the context would leak into the image', async () => {
    await writeFile(path.join(context, 'gha-creds-0123456789abcdef.json'), '{}');
    expect((await hashBuildContext(settings)).credentialFiles).toEqual([
      'gha-creds-0123456789abcdef.json',
    ]);
    await writeFile(path.join(context, '.dockerignore'), 'gha-creds-*.json\n');
    expect((await hashBuildContext(settings)).credentialFiles).toEqual([]);
  });

  it('finds credentials by content and the credentials file in use, whatever their names', async () => {
    await mkdir(path.join(context, 'config'));
    await writeFile(
      path.join(context, 'config/key.json'),
      JSON.stringify({ type: 'service_account', private_key: 'x', client_email: 'a@b' }),
    );
    await writeFile(path.join(context, 'config/settings.json'), JSON.stringify({ type: 'table' }));
    const custom = path.join(context, 'auth-output.txt');
    await writeFile(custom, 'written by auth with credentials-file-path');
    expect((await hashBuildContext(settings, [custom])).credentialFiles).toEqual([
      'auth-output.txt',
      'config/key.json',
    ]);
  });
});
