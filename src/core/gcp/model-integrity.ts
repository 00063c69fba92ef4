import { excerpt, UserError } from '../errors.js';

/**
 * The sha256 that ties the model deploy uploads (maybe hours after the gate, after an approval)
 * to the one the gate scored. package-model records it as `model_sha256` in the model artifact's
 * metadata, which the run record keeps; deploy hashes model.joblib in Cloud Storage against it
 * before changing anything, and gives it to the serving container as MLOPS_MODEL_SHA256, which
 * checks the file again before loading it. Loading a joblib model runs code: whoever can write
 * the model bucket can run code wherever the model is loaded.
 */

export const MODEL_FILE = 'model.joblib';
export const MODEL_SHA256_KEY = 'model_sha256';
export const MODEL_SHA256_ENV = 'MLOPS_MODEL_SHA256';

const SHA256 = /^[0-9a-f]{64}$/;

/** The hash a model artifact records; undefined for a model packaged before hashes were recorded. */
export function recordedModelHash(
  metadata: Readonly<Record<string, unknown>>,
  artifactName: string,
): string | undefined {
  const value = metadata[MODEL_SHA256_KEY];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !SHA256.test(value)) {
    throw new UserError(
      `The model ${artifactName} records ${MODEL_SHA256_KEY} ${excerpt(JSON.stringify(value), 80)}, which is not a sha256`,
      {
        fix: 'Deploy the run record as the run wrote it (64 lowercase hexadecimal digits), or train again.',
      },
    );
  }
  return value;
}

/** Checks the stored model file (its hash, or undefined when it is missing) against the record. */
export function checkModelHash(
  expected: string,
  actual: string | undefined,
  fileUri: string,
  artifactName: string,
): void {
  if (actual === undefined) {
    throw new UserError(
      `The model file ${fileUri} does not exist, so it cannot be the model ${artifactName} the gate scored (sha256 ${expected}); nothing was deployed`,
      {
        fix: 'Check the run record names the run whose model you mean to deploy, and whether the model folder was moved or deleted (a bucket lifecycle rule?); train again if it is gone.',
      },
    );
  }
  if (actual !== expected) {
    throw new UserError(
      `The model file ${fileUri} has sha256 ${actual}, but the run record says ${artifactName} had sha256 ${expected}: it is not the model the gate scored, so nothing was deployed`,
      {
        fix: 'Find out what changed the model folder since the run (loading a model runs code: treat the bucket as compromised until you know), then deploy a fresh training run.',
      },
    );
  }
}
