import { describe, expect, it } from 'vitest';

import {
  errorMessage,
  RemoteFailure,
  ReportedError,
  reportLike,
  UserError,
  wrapError,
} from '../../src/core/errors.js';

describe('RemoteFailure', () => {
  it('renders like a UserError (message, details, Fix line) but is not one', () => {
    const options = {
      fix: 'Check the network connection, then run again.',
      details: ['first', 'second'],
    };
    const failure = new RemoteFailure('Cannot reach api.github.com: DNS lookup failed', options);
    const user = new UserError('Cannot reach api.github.com: DNS lookup failed', options);
    expect(failure.describe()).toBe(
      [
        'Cannot reach api.github.com: DNS lookup failed',
        '  - first',
        '  - second',
        'Fix: Check the network connection, then run again.',
      ].join('\n'),
    );
    expect(failure.describe()).toBe(user.describe());
    expect(failure.name).toBe('RemoteFailure');
    expect(failure).toBeInstanceOf(ReportedError);
    expect(failure).not.toBeInstanceOf(UserError);
    expect(user).not.toBeInstanceOf(RemoteFailure);
    // Hosts print describe(), so the hint is kept; wrapping does not bury it.
    expect(errorMessage(failure)).toContain('Fix: Check the network connection');
    expect(wrapError('Failed to sync', failure)).toBe(failure);
  });

  it('keeps the kind of the error it re-reports', () => {
    const remote = new RemoteFailure('down', { fix: 'try later' });
    expect(reportLike(remote, 'Failed: down', { fix: remote.fix })).toBeInstanceOf(RemoteFailure);
    expect(reportLike(new UserError('bad'), 'Failed: bad')).toBeInstanceOf(UserError);
    expect(reportLike(new Error('x'), 'Failed: x')).toBeInstanceOf(UserError);
  });
});
