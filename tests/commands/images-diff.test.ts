import { describe, expect, it } from 'vitest';
import { imagesDiffCommand } from '../../src/commands/images-diff.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * images diff in-process: its input errors, found before Docker is asked anything
 * (tests/commands/images-diff-docker.test.ts compares real images).
 */

function diff(inputs: Record<string, InputValue>) {
  return runCommand(imagesDiffCommand, inputs, { env: { DOCKER_HOST: 'unix:///no/such.sock' } });
}

describe('images diff (in-process): inputs', () => {
  it('needs two images, and says how to give them', async () => {
    const given: Array<Record<string, InputValue>> = [
      {},
      { 'image-a': 'mlops-test-python:bookworm' },
    ];
    for (const inputs of given) {
      const result = await diff(inputs);
      expect(result.userError?.describe()).toContain('Missing required input "image-');
      expect(result.userError?.describe()).toContain(
        'Give two images: mlops images diff IMAGE_A IMAGE_B.',
      );
    }
  });

  it('an image reference that is not one is an error naming the input', async () => {
    const result = await diff({ 'image-a': 'Not An Image', 'image-b': 'python:3.11' });
    expect(result.userError?.describe()).toMatch(/^image-a: /m);
    expect(result.userError?.describe()).toContain('Not An Image');
  });

  it('a registry user without a password is an error', async () => {
    const user = await diff({
      'image-a': '127.0.0.1:5000/acme/a:1',
      'image-b': '127.0.0.1:5000/acme/b:1',
      'registry-username': 'robot',
    });
    expect(user.userError?.describe()).toContain(
      'registry-username is set without registry-password',
    );
  });
});
