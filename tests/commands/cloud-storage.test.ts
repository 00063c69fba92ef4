import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudStorage } from '../../src/adapters/gcp/cloud-storage.js';
import { RemoteFailure, UserError } from '../../src/core/errors.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';

/**
 * CloudStorage.sha256 (src/adapters/gcp/cloud-storage.ts) against the Cloud Storage emulator,
 * with the credentials the auth command wrote: its object read goes through the shared retry
 * policy (fetchWithRetry in src/adapters/http.ts), the body hashed inside each attempt.
 */

const DATA = Buffer.from('model bytes, hashed as they stream in');
const SHA256 = createHash('sha256').update(DATA).digest('hex');

let emulators: GoogleEmulators;
let storage: CloudStorage;
const retries: string[] = [];

beforeAll(async () => {
  emulators = await startGoogleEmulators();
  storage = await CloudStorage.connect({
    project: 'acme-ml',
    env: emulators.env,
    onRetry: (message) => retries.push(message),
  });
  emulators.storage.putObject('gs://models/churn/model.joblib', DATA);
}, 60_000);

afterAll(async () => {
  await emulators?.close();
});

/** The object reads the emulator served (failed ones included) while `action` ran. */
async function downloads<T>(action: () => Promise<T>): Promise<[T, number]> {
  retries.length = 0;
  const before = emulators.storage.calls().getObject;
  const result = await action();
  return [result, emulators.storage.calls().getObject - before];
}

describe('CloudStorage.sha256', () => {
  it('hashes the object as it streams in', async () => {
    const [hash, calls] = await downloads(() => storage.sha256('gs://models/churn/model.joblib'));
    expect(hash).toBe(SHA256);
    expect(calls).toBe(1);
    expect(retries).toEqual([]);
  });

  it('retries a transient 503 on the object read, then hashes the object', async () => {
    emulators.storage.faults.failNext(1, 503, { route: 'getObject', retryAfterSeconds: 0 });
    const [hash, calls] = await downloads(() => storage.sha256('gs://models/churn/model.joblib'));
    expect(hash).toBe(SHA256);
    expect(calls).toBe(2);
    expect(retries).toEqual(['read gs://models/churn/model.joblib: HTTP 503; retrying in 0s']);
  });

  it('does not retry a 404: a missing object has no hash', async () => {
    const [hash, calls] = await downloads(() => storage.sha256('gs://models/churn/absent.joblib'));
    expect(hash).toBeUndefined();
    expect(calls).toBe(1);
    expect(retries).toEqual([]);
  });

  it('reads again a body cut short of its Content-Length', async () => {
    emulators.storage.faults.damageNextDownloads(1, 'truncate');
    const [hash, calls] = await downloads(() => storage.sha256('gs://models/churn/model.joblib'));
    expect(hash).toBe(SHA256);
    expect(calls).toBe(2);
    expect(retries).toEqual([
      'read gs://models/churn/model.joblib: reply cut short (UND_ERR_RES_CONTENT_LENGTH_MISMATCH); retrying in 1s',
    ]);
  });

  it('refuses a denied bucket at once, with the role to grant', async () => {
    emulators.storage.putObject('gs://private/model.joblib', DATA);
    emulators.storage.denyAccess('private');
    try {
      const [error, calls] = await downloads(() =>
        storage.sha256('gs://private/model.joblib').catch((e: unknown) => e),
      );
      expect(calls).toBe(1);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).fix).toMatch(/roles\/storage\.objectViewer/);
    } finally {
      emulators.storage.denyAccess('private', false);
    }
  });

  it('gives up on a server that keeps failing, as a remote failure', async () => {
    emulators.storage.faults.failNext(5, 503, { route: 'getObject', retryAfterSeconds: 0 });
    const [error, calls] = await downloads(() =>
      storage.sha256('gs://models/churn/model.joblib').catch((e: unknown) => e),
    );
    expect(calls).toBe(5);
    expect(error).toBeInstanceOf(RemoteFailure);
    expect((error as RemoteFailure).message).toMatch(
      /^Failed to read gs:\/\/models\/churn\/model\.joblib: HTTP 503/,
    );
    expect(retries).toHaveLength(4);
  });
});
