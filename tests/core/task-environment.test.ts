import { describe, expect, it } from 'vitest';
import { isTaskVariable, taskEnvironment } from '../../src/core/pipeline/task-environment.js';

describe('the task environment allow-list', () => {
  it.each([
    ['PATH', true],
    ['LC_ALL', true],
    ['PYTHONPATH', true],
    ['MLOPS_VERTEX_ENDPOINT', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['GOOGLE_OAUTH_ACCESS_TOKEN', true],
    ['ACTIONS_RUNTIME_TOKEN', false],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', false],
    ['INPUT_GITHUB-TOKEN', false],
    ['GITHUB_TOKEN', false],
    ['MLOPS_SYNC_TOKEN', false],
    ['MLOPS_REGISTRY_PASSWORD', false],
    ['MLOPS_API_KEY', false],
    ['PYTHON_KEYRING_AUTH', false],
    ['AWS_SECRET_ACCESS_KEY', false],
  ])('%s → %s', (name, passed) => {
    expect(isTaskVariable(name)).toBe(passed);
  });

  it('adds the names asked for, credentials included, and drops unset values', () => {
    expect(
      taskEnvironment({ PATH: '/bin', HF_TOKEN: 'hf', OTHER: 'x', LANG: undefined }, ['HF_TOKEN']),
    ).toEqual({ PATH: '/bin', HF_TOKEN: 'hf' });
  });
});
