import { describe, expect, it } from 'vitest';
import { unpinnedBaseImages } from '../../src/core/images/base-images.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('base images named by tag', () => {
  it('reads FROM lines through ARG defaults, build args, stages and continuations', () => {
    const dockerfile = [
      'ARG BASE_IMAGE=python:3.11-slim',
      'FROM ${BASE_IMAGE} AS build',
      'RUN pip install \\',
      '  x',
      `FROM --platform=linux/amd64 debian:bookworm@${DIGEST}`,
      'FROM build',
      'FROM scratch',
      'from $BASE_IMAGE',
    ].join('\n');
    expect(unpinnedBaseImages(dockerfile)).toEqual(['python:3.11-slim']);
    expect(unpinnedBaseImages(dockerfile, { BASE_IMAGE: `python:3.11-slim@${DIGEST}` })).toEqual(
      [],
    );
    expect(unpinnedBaseImages(dockerfile, { BASE_IMAGE: 'mlops-test-python:bookworm' })).toEqual([
      'mlops-test-python:bookworm',
    ]);
  });
});
