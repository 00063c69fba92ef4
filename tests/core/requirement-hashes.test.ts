import { describe, expect, it } from 'vitest';
import {
  pipRequirementFiles,
  unhashedRequirements,
} from '../../src/core/images/requirement-hashes.js';

describe('pip requirements without hashes', () => {
  it('finds the files RUN lines give pip', () => {
    const dockerfile = [
      'COPY requirements.txt .',
      'RUN python3 -m pip install --no-cache-dir --requirement requirements.txt',
      'RUN pip install \\',
      '  -r extra/serving.txt',
      'RUN echo -r not-pip.txt',
    ].join('\n');
    expect(pipRequirementFiles(dockerfile)).toEqual(['requirements.txt', 'extra/serving.txt']);
  });

  it('names the requirement lines without a hash', () => {
    const hash = `--hash=sha256:${'a'.repeat(64)}`;
    const text = [
      '# pinned',
      `numpy==1.24.2 \\`,
      `    ${hash}`,
      'pandas==1.5.3 # no hash',
      '--index-url https://example.test/simple',
      '',
    ].join('\n');
    expect(unhashedRequirements(text)).toEqual(['pandas==1.5.3']);
  });
});
