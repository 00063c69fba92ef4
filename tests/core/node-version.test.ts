import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../src/core/node-version.js';

describe('the Node.js version check', () => {
  it('accepts 24 and newer, and names an older version', () => {
    expect(nodeVersionProblem('24.0.0')).toBeUndefined();
    expect(nodeVersionProblem('25.2.1')).toBeUndefined();
    expect(nodeVersionProblem('20.20.2')).toBe(
      'mlops-platform needs Node.js 24 or newer; this is Node.js 20.20.2',
    );
    expect(nodeVersionProblem('garbage')).toContain('needs Node.js 24');
  });
});
