import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/validate.js';
import { corpusFile, REPO_ROOT, tempDir } from '../helpers/paths.js';
import { runCommand } from '../helpers/recording-host.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');

/**
 * Bytes that look random but are the same on every run: a truly random file sometimes stops
 * the YAML parser within a few errors, so what the error lists would vary from run to run.
 */
function noiseBytes(size: number): Buffer {
  const blocks: Buffer[] = [];
  let block = createHash('sha256').update('mlops').digest();
  for (let length = 0; length < size; length += block.length) {
    blocks.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(blocks).subarray(0, size);
}

describe('validate (in-process)', () => {
  it('validates a pipeline and shows its parameters with the given values', async () => {
    const result = await runCommand(
      validateCommand,
      { pipeline: PIPELINE, param: ['min_accuracy=0.9'] },
      { cwd: REPO_ROOT },
    );
    expect(result.userError).toBeUndefined();
    expect(result.outputs).toEqual({
      valid: 'true',
      'pipeline-name': 'training-pipeline',
      'source-kind': 'declarative',
      'task-count': '5',
    });
    const table = result.tables.find((t) => t.title === 'Parameters of training-pipeline');
    expect(table?.header).toEqual(['Name', 'Type', 'Default', 'Given']);
    expect(table?.rows).toContainEqual(['min_accuracy', 'NUMBER_DOUBLE', '0.8', '0.9']);
    expect(result.infos.at(-1)).toBe(
      '✓ pipelines/training-pipeline.yaml is a valid pipeline (declarative, 5 tasks)',
    );
  });

  it('validates compiled IR from the corpus', async () => {
    const result = await runCommand(validateCommand, { pipeline: corpusFile('hello_world.yaml') });
    expect(result.userError).toBeUndefined();
    expect(result.outputs['source-kind']).toBe('ir');
  });

  it('rejects bad parameters with one UserError listing each', async () => {
    const result = await runCommand(
      validateCommand,
      { pipeline: PIPELINE, param: ['min_acuracy=0.9', 'seed=abc'] },
      { cwd: REPO_ROOT },
    );
    expect(result.userError?.message).toBe(
      'Invalid parameters for pipelines/training-pipeline.yaml',
    );
    const report = result.userError?.describe() ?? '';
    expect(report).toContain(
      '"min_acuracy" is not a parameter of this pipeline (did you mean "min_accuracy"?)',
    );
    expect(report).toContain('"seed" must be an integer, got "abc"');
    expect(result.outputs).toEqual({});
  });

  it('rejects a malformed --param before reading the pipeline', async () => {
    const result = await runCommand(validateCommand, { pipeline: 'nowhere.yaml', param: 'oops' });
    expect(result.userError).toBeDefined();
    expect(result.inputs).toBeUndefined();
  });

  it('names invalid IR, a binary file and a YAML alias bomb', async () => {
    const empty = await runCommand(validateCommand, {
      pipeline: path.join(
        path.dirname(corpusFile('hello_world.yaml')),
        '../invalid/empty_file.yaml',
      ),
    });
    expect(empty.userError?.describe()).toMatch(/empty_file\.yaml/);

    const dir = await tempDir('cmd-validate');
    const binary = path.join(dir, 'random.bin');
    await writeFile(binary, noiseBytes(2 * 1024 * 1024));
    const noise = await runCommand(validateCommand, { pipeline: binary });
    const report = noise.userError?.describe() ?? '';
    expect(report).toContain('random.bin is not valid YAML');
    expect(report.length).toBeLessThan(20_000);
    expect(report).toMatch(/… and \d+ more\nFix: /);
    // Nothing a terminal would act on: control characters and undecodable bytes are escaped.
    expect(report.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\ufffd]/u);

    const bomb = path.join(dir, 'laughs.yaml');
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [index, name] of [...'bcdefghi'].entries())
      lines.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${'abcdefghi'[index] ?? 'a'}`)
          .join(', ')}]`,
      );
    await writeFile(bomb, `${lines.join('\n')}\n`);
    const aliases = await runCommand(validateCommand, { pipeline: bomb });
    expect(aliases.userError?.message).toContain('laughs.yaml has too many YAML aliases');
    expect(aliases.userError?.fix).toBeTruthy();
  });
});
