import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { imagesVerifyCommand } from '../../src/commands/images-verify.js';
import { createRecordingHost, rawInputsOf, runCommand } from '../helpers/recording-host.js';

/**
 * images verify in-process: its inputs, checked before any registry is asked
 * (tests/commands/images-verify-registry.test.ts checks real images in the test registry).
 */

function parse(inputs: Record<string, string>) {
  const { ui, host, recording } = createRecordingHost();
  const context: CommandContext = { ui, host, cwd: process.cwd(), env: {} };
  return { inputs: imagesVerifyCommand.parseInputs(rawInputsOf(inputs), context), recording };
}

describe('images verify (in-process): inputs', () => {
  it('needs the image, and says what to give', async () => {
    const result = await runCommand(imagesVerifyCommand, {});
    expect(result.userError?.describe()).toContain('Missing required input "image"');
    expect(result.userError?.describe()).toContain('REGISTRY/PATH/NAME:TAG or @sha256:');
  });

  it('an image or training image that is no reference is an error naming the input', async () => {
    const image = await runCommand(imagesVerifyCommand, { image: 'Not An Image' });
    expect(image.userError?.describe()).toMatch(/^image: .*Not An Image/m);
    const training = await runCommand(imagesVerifyCommand, {
      image: '127.0.0.1:5000/acme/server:1',
      'training-image': 'trainer@sha256:short',
    });
    expect(training.userError?.describe()).toMatch(/^training-image: /m);
  });

  it('a registry user without a password is an error', async () => {
    const result = await runCommand(imagesVerifyCommand, {
      image: '127.0.0.1:5000/acme/server:1',
      'registry-username': 'robot',
    });
    expect(result.userError?.describe()).toContain(
      'registry-username is set without registry-password',
    );
  });

  it('logs in to the image registry only, masks the password, and compares the default frameworks', () => {
    const { inputs, recording } = parse({
      image: '127.0.0.1:5000/acme/server:1',
      'training-image': 'us-docker.pkg.dev/acme/images/trainer:1',
      'registry-password': 'verify-password',
    });
    expect(recording.masked).toEqual([{ value: 'verify-password', name: 'registry-password' }]);
    expect(inputs.login).toEqual({
      host: '127.0.0.1:5000',
      credentials: { username: 'oauth2accesstoken', password: 'verify-password' },
    });
    expect(inputs.frameworks).toEqual(expect.arrayContaining(['python', 'scikit-learn']));
    expect(inputs.trainingImage?.registry).toBe('us-docker.pkg.dev');
  });

  it('frameworks are package names, normalized as pip does, each once', () => {
    const { inputs } = parse({
      image: '127.0.0.1:5000/acme/server:1',
      frameworks: 'Scikit_Learn\nscikit-learn,python,XGBoost',
    });
    expect(inputs.frameworks).toEqual(['scikit-learn', 'python', 'xgboost']);
  });
});
