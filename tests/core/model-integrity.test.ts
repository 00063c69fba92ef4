import { describe, expect, it } from 'vitest';
import { splitGcsUri } from '../../src/adapters/gcp/cloud-storage.js';
import { UserError } from '../../src/core/errors.js';
import { checkModelHash, recordedModelHash } from '../../src/core/gcp/model-integrity.js';

const HASH = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

describe('model integrity (deploy)', () => {
  it('reads the recorded sha256, none for a model packaged before hashes were recorded', () => {
    expect(recordedModelHash({ model_sha256: HASH }, 'package-model.deployable_model')).toBe(HASH);
    expect(recordedModelHash({ framework: 'scikit-learn' }, 'm')).toBeUndefined();
  });

  it.each([['abc'], [HASH.toUpperCase()], [42], [{ sha: HASH }]])(
    'refuses a recorded sha256 that is not one: %j',
    (value) => {
      expect(() => recordedModelHash({ model_sha256: value }, 'task.model')).toThrow(
        /The model task\.model records model_sha256 .*, which is not a sha256/,
      );
    },
  );

  it('passes a matching file and refuses a different or missing one, naming both hashes', () => {
    expect(() => checkModelHash(HASH, HASH, 'gs://b/m/model.joblib', 't.m')).not.toThrow();
    const different = (() => {
      try {
        checkModelHash(HASH, OTHER, 'gs://b/m/model.joblib', 't.m');
      } catch (error) {
        return error;
      }
    })();
    expect(different).toBeInstanceOf(UserError);
    expect((different as UserError).message).toBe(
      `The model file gs://b/m/model.joblib has sha256 ${OTHER}, but the run record says t.m had sha256 ${HASH}: it is not the model the gate scored, so nothing was deployed`,
    );
    expect((different as UserError).fix).toMatch(/treat the bucket as compromised/);
    expect(() => checkModelHash(HASH, undefined, 'gs://b/m/model.joblib', 't.m')).toThrow(
      /gs:\/\/b\/m\/model\.joblib does not exist/,
    );
  });

  it('splits gs:// object URIs, refusing . and .. segments', () => {
    expect(splitGcsUri('gs://acme-ml/root/run/model.joblib')).toEqual({
      bucket: 'acme-ml',
      object: 'root/run/model.joblib',
    });
    for (const uri of [
      'gs://bucket/../../etc/passwd',
      'gs://bucket/a/./b',
      'gs://bucket/',
      's3://b/o',
    ])
      expect(() => splitGcsUri(uri), uri).toThrow(UserError);
  });
});
