import { existsSync } from 'node:fs';
import { cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCommand } from '../../src/commands/compile.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { runCommand } from '../helpers/recording-host.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');

describe('compile (in-process)', () => {
  it('compiles the reference pipeline and sets its outputs', async () => {
    const dir = await tempDir('cmd-compile');
    const result = await runCommand(
      compileCommand,
      { pipeline: PIPELINE, output: 'out/training.yaml' },
      { cwd: dir },
    );
    expect(result.userError).toBeUndefined();
    const output = path.join(dir, 'out/training.yaml');
    expect(result.outputs).toEqual({
      'spec-path': output,
      'pipeline-name': 'training-pipeline',
      'source-kind': 'declarative',
      'task-count': '5',
    });
    expect(result.groups).toEqual(['Compile']);
    expect(result.infos.at(-1)).toMatch(
      /Compiled .*training-pipeline\.yaml \(declarative, 5 tasks\)/,
    );
    expect(
      (await readFile(output, 'utf8')).startsWith(
        '# PIPELINE DEFINITION\n# Name: training-pipeline\n',
      ),
    ).toBe(true);
  });

  it('writes JSON when asked, by input or by extension', async () => {
    const dir = await tempDir('cmd-compile-json');
    const byExtension = await runCommand(
      compileCommand,
      { pipeline: PIPELINE, output: 'spec.json' },
      { cwd: dir },
    );
    expect(
      JSON.parse(await readFile(byExtension.outputs['spec-path'] ?? '', 'utf8')),
    ).toHaveProperty('pipelineInfo.name', 'training-pipeline');
    const byInput = await runCommand(
      compileCommand,
      { pipeline: PIPELINE, output: 'spec.txt', format: 'json' },
      { cwd: dir },
    );
    expect((await readFile(path.join(dir, 'spec.txt'), 'utf8')).trimStart()).toMatch(/^\{/);
    expect(byInput.userError).toBeUndefined();
  });

  it('rejects bad inputs with one UserError before doing anything', async () => {
    const missing = await runCommand(compileCommand, {});
    expect(missing.userError?.message).toBe('Missing required input "pipeline"');
    expect(missing.userError?.fix).toMatch(/Name the pipeline file/);

    const format = await runCommand(compileCommand, { pipeline: PIPELINE, format: 'xml' });
    expect(format.userError?.message).toBe('Input "format" is "xml"');
    expect(format.userError?.fix).toBe('Use one of: yaml, json.');

    const folder = await runCommand(compileCommand, { pipeline: PIPELINE, output: 'out/' });
    expect(folder.userError?.message).toBe('output out/ is a folder');
    expect(folder.inputs).toBeUndefined();
  });

  it('lists every problem of a broken pipeline and writes nothing', async () => {
    const dir = await tempDir('cmd-compile-broken');
    const broken = path.join(dir, 'broken.yaml');
    await writeFile(
      broken,
      'apiVersion: mlops/v1\nkind: Pipeline\nname: broken\ntasks:\n  a:\n    component: missing.yaml\n',
    );
    const result = await runCommand(
      compileCommand,
      { pipeline: broken, output: 'never.yaml' },
      { cwd: dir },
    );
    expect(result.userError?.message).toMatch(/broken\.yaml: the pipeline has 1 problem/);
    expect(result.userError?.details).toEqual([
      expect.stringMatching(/^tasks\.a\.component: .*missing\.yaml does not exist/),
    ]);
    expect(result.userError?.fix).toContain(
      `Check the component paths: they are relative to the pipeline's folder, ${dir}.`,
    );
    // The fix says what component paths are relative to, once, after the list.
    expect(result.userError?.describe().match(/Fix:/g)).toHaveLength(1);
    expect(existsSync(path.join(dir, 'never.yaml'))).toBe(false);
  });

  it('never writes over its source or into a folder', async () => {
    const dir = await tempDir('cmd-compile-source');
    await cp(path.join(REPO_ROOT, 'pipelines/components'), path.join(dir, 'components'), {
      recursive: true,
    });
    const source = path.join(dir, 'training-pipeline.yaml');
    await cp(PIPELINE, source);
    const original = await readFile(source, 'utf8');
    await symlink(source, path.join(dir, 'link.yaml'));
    for (const output of [undefined, './components/../training-pipeline.yaml', 'link.yaml']) {
      const result = await runCommand(
        compileCommand,
        { pipeline: 'training-pipeline.yaml', output },
        { cwd: dir },
      );
      expect(result.userError?.message, output).toMatch(/is the pipeline being compiled/);
      expect(result.userError?.fix, output).toMatch(/^Give --output another file/);
    }
    const inPlace = await runCommand(
      compileCommand,
      { pipeline: 'training-pipeline.yaml' },
      { cwd: dir },
    );
    expect(inPlace.userError?.message).toBe(
      'training-pipeline.yaml is the pipeline being compiled: writing its IR there would replace it',
    );
    for (const output of ['components', 'elsewhere/']) {
      const folder = await runCommand(compileCommand, { pipeline: source, output }, { cwd: dir });
      expect(folder.userError?.message).toBe(`output ${output} is a folder`);
      expect(folder.userError?.fix, output).toMatch(/^Give --output a file/);
    }
    expect(existsSync(path.join(dir, 'elsewhere'))).toBe(false);
    expect(await readFile(source, 'utf8')).toBe(original);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('stops a YAML alias bomb with one clear error naming the file', async () => {
    const dir = await tempDir('cmd-compile-bomb');
    const bomb = path.join(dir, 'laughs.yaml');
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [index, name] of [...'bcdefghi'].entries())
      lines.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${'abcdefghi'[index] ?? 'a'}`)
          .join(', ')}]`,
      );
    await writeFile(bomb, `${lines.join('\n')}\n`);
    const result = await runCommand(compileCommand, { pipeline: bomb }, { cwd: dir });
    expect(result.userError?.message).toContain('laughs.yaml has too many YAML aliases');
    expect(result.userError?.fix).toBeTruthy();
  });
});
