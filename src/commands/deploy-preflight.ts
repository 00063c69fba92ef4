/**
 * The deploy command's plan (./deploy.ts): its parsed inputs, and everything checked before
 * the first change: a succeeded run, a model in Cloud Storage whose file hashes to what the
 * run recorded, a serving image matching the model's framework version, metrics to attach,
 * and the smoke prediction to make.
 */
import { CloudStorage } from '../adapters/gcp/cloud-storage.js';
import { readImageLabels } from '../adapters/registry/registry-client.js';
import { registryCredentials } from '../adapters/registry/registry-credentials.js';
import { errorMessage, UserError } from '../core/errors.js';
import {
  checkFrameworkVersions,
  prebuiltSklearnImage,
  prebuiltSklearnVersion,
} from '../core/gcp/deploy-plan.js';
import { checkModelHash, MODEL_FILE, recordedModelHash } from '../core/gcp/model-integrity.js';
import type { SmokePlan, SmokeSource } from '../core/gcp/smoke-test.js';
import { sanitizeLabel } from '../core/gcp/vertex-job.js';
import { SKLEARN_VERSION_LABELS } from '../core/images/framework-versions.js';
import { modelArtifact, taskMetrics, type RunRecord } from '../core/run-record.js';
import type { CommandContext } from './command.js';
import { planSmoke } from './deploy-smoke.js';
import { readRunRecord, type GoogleLocation } from './google-inputs.js';

export interface DeployInputs {
  readonly runRecord: string;
  readonly model: string;
  readonly modelOutput: string | undefined;
  readonly metricsTask: string | undefined;
  readonly endpoint: string;
  readonly servingImage: string;
  readonly predictRoute: string | undefined;
  readonly healthRoute: string | undefined;
  readonly servingPort: number | undefined;
  readonly machineType: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly traffic: number;
  readonly keepDeployed: number;
  readonly servingServiceAccount: string | undefined;
  readonly location: GoogleLocation;
  readonly timeoutMs: number;
  readonly smoke: SmokeSource;
  readonly smokeTimeoutMs: number;
}

/** Everything checked before the first API call. */
export interface DeployPlan {
  readonly record: RunRecord;
  readonly artifactUri: string;
  readonly artifactName: string;
  readonly imageUri: string;
  readonly metrics: Record<string, number>;
  readonly runLabel: string;
  readonly smoke: SmokePlan;
  /** The model file's sha256 as the run recorded it (and deploy found it); none for older runs. */
  readonly modelSha256: string | undefined;
}

/** Checks the run, the model and the serving image before anything changes. */
export async function planDeploy(
  inputs: DeployInputs,
  context: CommandContext,
): Promise<DeployPlan> {
  const record = await readRunRecord(inputs.runRecord, context.cwd);
  if (record.state !== 'SUCCEEDED') {
    throw new UserError(`Run ${record.runId} ${record.state}; only a succeeded run is deployed`, {
      fix: 'Deploy the record of a run that succeeded (and passed the gate).',
    });
  }
  const located = modelArtifact(record, inputs.modelOutput);
  const artifactName = `${located.task}.${located.output}`;
  const smoke = await planSmoke(inputs.smoke, located.artifact.metadata, artifactName, context.cwd);
  const artifactUri = located.artifact.uri.replace(/\/+$/, '');
  if (!artifactUri.startsWith('gs://')) {
    throw new UserError(
      `The model ${artifactName} is at ${artifactUri}, not in Cloud Storage; Vertex serves models from gs://`,
      { fix: 'Deploy a run made on Vertex AI (run with target: vertex).' },
    );
  }
  const framework = located.artifact.metadata.framework;
  const trainedWith = located.artifact.metadata.framework_version;
  const modelFramework = {
    framework: typeof framework === 'string' ? framework : undefined,
    version: typeof trainedWith === 'string' ? trainedWith : undefined,
  };
  let imageUri = inputs.servingImage;
  if (imageUri === 'prebuilt') {
    if (!modelFramework.version) {
      throw new UserError(
        `The model ${artifactName} does not record its framework_version, so no prebuilt image can be matched to it`,
        {
          fix: 'Write framework and framework_version into the model artifact metadata, or set serving-image to an image URI.',
        },
      );
    }
    imageUri = prebuiltSklearnImage(inputs.location.region, modelFramework.version);
  }
  const image = await servingImageVersion(imageUri, context);
  checkFrameworkVersions(modelFramework, { uri: imageUri, ...image });
  if (!image.version && modelFramework.version) {
    context.ui.warning(
      `Cannot tell which scikit-learn ${imageUri} has (${image.source}); make sure it is ${modelFramework.version}, the version the model was trained with.`,
    );
  }
  let metrics: Record<string, number> = {};
  try {
    metrics = taskMetrics(record.metrics, inputs.metricsTask).metrics;
  } catch (error) {
    if (inputs.metricsTask !== undefined) throw error;
    context.ui.warning(`No evaluation metrics attached to the version: ${errorMessage(error)}`);
  }
  return {
    record,
    artifactUri,
    artifactName,
    imageUri,
    metrics,
    runLabel: sanitizeLabel(record.runId).slice(0, 63),
    smoke,
    modelSha256: await verifyStoredModel(
      inputs,
      artifactUri,
      artifactName,
      located.artifact.metadata,
      context,
    ),
  };
}

/**
 * Hashes the model file in Cloud Storage against the sha256 the run recorded, last of the
 * checks (it downloads the model) and before any change: what deploy uploads, maybe hours after
 * the gate, must be what the gate scored. Returns the hash, for the serving container.
 */
async function verifyStoredModel(
  inputs: DeployInputs,
  artifactUri: string,
  artifactName: string,
  metadata: Readonly<Record<string, unknown>>,
  { env, ui }: CommandContext,
): Promise<string | undefined> {
  const expected = recordedModelHash(metadata, artifactName);
  const fileUri = `${artifactUri}/${MODEL_FILE}`;
  if (expected === undefined) {
    // Runs packaged before hashes were recorded still deploy: refusing them would strand
    // every existing model, and the serving container checks what metadata.json records.
    ui.warning(
      `The run record holds no sha256 of ${artifactName} (it was packaged before model hashes were recorded): deploying ${fileUri} without checking it is the model the gate scored. Train again to get a record that ties the two.`,
    );
    return undefined;
  }
  const storage = await CloudStorage.connect({
    project: inputs.location.project,
    env,
    onRetry: (message) => ui.warning(message),
  });
  checkModelHash(expected, await storage.sha256(fileUri), fileUri, artifactName);
  ui.info(`${fileUri} has the sha256 the run recorded (${expected}).`);
  return expected;
}

/**
 * The scikit-learn version of the serving image: from a prebuilt image's name, else from the
 * image's labels in its registry (read without pulling).
 */
async function servingImageVersion(
  imageUri: string,
  context: CommandContext,
): Promise<{ version: string | undefined; source: string }> {
  const prebuilt = prebuiltSklearnVersion(imageUri);
  if (prebuilt) return { version: prebuilt, source: 'from the prebuilt image name' };
  const read = await readImageLabels(imageUri, registryCredentials(context.env));
  if ('error' in read)
    return { version: undefined, source: `its labels could not be read: ${read.error}` };
  const label = SKLEARN_VERSION_LABELS.find((key) => read.labels[key]);
  return label
    ? { version: read.labels[label], source: `label ${label}` }
    : { version: undefined, source: `no ${SKLEARN_VERSION_LABELS[0]} label` };
}
