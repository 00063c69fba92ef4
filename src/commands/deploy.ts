import path from 'node:path';
import { CloudStorage } from '../adapters/gcp/cloud-storage.js';
import {
  VertexServing,
  type EndpointInfo,
  type ModelVersion,
} from '../adapters/gcp/vertex-serving.js';
import { readImageLabels } from '../adapters/registry/registry-client.js';
import { registryCredentials } from '../adapters/registry/registry-credentials.js';
import { errorMessage, UserError } from '../core/errors.js';
import {
  canarySplit,
  checkFrameworkVersions,
  deploymentsToRetire,
  NEW_DEPLOYMENT,
  prebuiltSklearnImage,
  prebuiltSklearnVersion,
  promotedSplit,
  splitWithout,
  type TrafficSplit,
} from '../core/gcp/deploy-plan.js';
import {
  checkModelHash,
  MODEL_FILE,
  MODEL_SHA256_ENV,
  recordedModelHash,
} from '../core/gcp/model-integrity.js';
import { smokeSource, type SmokePlan, type SmokeSource } from '../core/gcp/smoke-test.js';
import { evaluationImport } from '../core/gcp/evaluation-metrics.js';
import { sanitizeLabel } from '../core/gcp/vertex-job.js';
import { SKLEARN_VERSION_LABELS } from '../core/images/framework-versions.js';
import { modelArtifact, taskMetrics, type RunRecord } from '../core/run-record.js';
import {
  defineCommand,
  integerInput,
  requireInput,
  stringInput,
  type CommandContext,
  type CommandResult,
  type Ui,
} from './command.js';
import { planSmoke, SMOKE_INPUTS, SMOKE_OUTPUT, smokePrediction } from './deploy-smoke.js';
import {
  parseGoogleLocation,
  parseTimeout,
  PROJECT_INPUT,
  readRunRecord,
  REGION_INPUT,
  RUN_RECORD_INPUT,
  type GoogleLocation,
} from './google-inputs.js';
import {
  CANARY_ALIAS,
  CHAMPION_ALIAS,
  endpointLabel,
  MODEL_INPUT,
  modelLabel,
  parseEndpointName,
  parseModelName,
} from './model-inputs.js';

interface DeployInputs {
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
interface DeployPlan {
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

/** One change this deploy made, and how to put it back. */
interface JournalEntry {
  readonly change: string;
  readonly undo: () => Promise<void>;
}

export const deployCommand = defineCommand<DeployInputs>({
  name: 'deploy',
  summary:
    "Upload a run's model to the Vertex Model Registry as a new version and deploy it to an endpoint (canary or full), check it with a smoke prediction, rolling back on failure.",
  inputs: [
    { ...RUN_RECORD_INPUT, required: true, positional: true },
    { ...MODEL_INPUT, required: true },
    {
      name: 'model-output',
      description:
        "The model to deploy as TASK.OUTPUT (e.g. package-model.deployable_model). Defaults to the run's only Model output, else the one from a packaging task.",
      kind: 'string',
      valueName: 'TASK.OUTPUT',
    },
    {
      name: 'metrics-task',
      description:
        "The task whose metrics are attached to the model version (the next gate reads them as the champion's). Defaults as in gate.",
      kind: 'string',
      valueName: 'TASK',
    },
    {
      name: 'endpoint',
      description:
        'Name of the endpoint (found by its mlops_endpoint label, created when missing). Defaults to the model name.',
      kind: 'string',
      valueName: 'NAME',
    },
    {
      name: 'serving-image',
      description:
        "prebuilt: Vertex's scikit-learn image matching the version the model was trained with; or an image URI (checked against the model's framework version when its name tells).",
      kind: 'string',
      default: 'prebuilt',
      valueName: 'IMAGE',
    },
    {
      name: 'predict-route',
      description: 'Custom images: the HTTP path of predictions.',
      kind: 'string',
      valueName: 'PATH',
    },
    {
      name: 'health-route',
      description: 'Custom images: the HTTP path of health checks.',
      kind: 'string',
      valueName: 'PATH',
    },
    {
      name: 'serving-port',
      description: 'Custom images: the port the server listens on (Vertex default 8080).',
      kind: 'integer',
      valueName: 'PORT',
    },
    {
      name: 'machine-type',
      description: 'Machine type of each replica.',
      kind: 'string',
      default: 'n1-standard-2',
      valueName: 'TYPE',
    },
    {
      name: 'min-replicas',
      description: 'Replicas always running.',
      kind: 'integer',
      default: '1',
      valueName: 'N',
    },
    {
      name: 'max-replicas',
      description: 'Most replicas under load (autoscaling). Defaults to min-replicas.',
      kind: 'integer',
      valueName: 'N',
    },
    {
      name: 'traffic',
      description:
        "Percent of the endpoint's traffic for the new version: below 100 is a canary (the others keep the rest); 100 promotes it, moves the champion alias and retires old deployments. Re-running with 100 promotes a canary.",
      kind: 'integer',
      default: '100',
      valueName: 'PERCENT',
    },
    {
      name: 'keep-deployed',
      description:
        'Deployments to keep on the endpoint after a promotion, the new one included (the others stay at 0% for a quick rollback).',
      kind: 'integer',
      default: '2',
      valueName: 'N',
    },
    {
      name: 'serving-service-account',
      description: 'Service account the serving containers run as.',
      kind: 'string',
      valueName: 'EMAIL',
    },
    PROJECT_INPUT,
    REGION_INPUT,
    {
      name: 'deploy-timeout',
      description: 'How long to wait for each long operation (upload, deploy, undeploy).',
      kind: 'string',
      default: '45m',
      valueName: 'DURATION',
    },
    ...SMOKE_INPUTS,
  ],
  outputs: [
    { name: 'model', description: 'The registry model (projects/P/locations/L/models/ID).' },
    { name: 'model-version', description: 'The version deployed (its version id).' },
    { name: 'model-version-name', description: 'The version as models/ID@VERSION.' },
    { name: 'endpoint', description: 'The endpoint (projects/P/locations/L/endpoints/ID).' },
    { name: 'deployed-model-id', description: 'Id of the new deployment on the endpoint.' },
    { name: 'traffic-split', description: "JSON: the endpoint's traffic split afterwards." },
    { name: 'endpoint-url', description: 'Link to the endpoint in the Google Cloud console.' },
    SMOKE_OUTPUT,
  ],
  parseInputs(raw, context) {
    const model = parseModelName(
      requireInput(raw, 'model', 'Name the registry model, e.g. model: churn-classifier.'),
    );
    const minReplicas = integerInput(raw, 'min-replicas', 1);
    const maxReplicas = integerInput(raw, 'max-replicas', 1, minReplicas);
    if (maxReplicas < minReplicas) {
      throw new UserError(`max-replicas (${maxReplicas}) is below min-replicas (${minReplicas})`, {
        fix: 'Raise max-replicas or lower min-replicas.',
      });
    }
    const traffic = integerInput(raw, 'traffic', 1);
    if (traffic > 100) {
      throw new UserError(`traffic is ${traffic}`, { fix: 'Give a percent from 1 to 100.' });
    }
    const port = raw.string('serving-port')?.trim();
    const smoke = smokeSource(raw.string('smoke-instances'));
    return {
      runRecord: path.resolve(
        context.cwd,
        requireInput(raw, 'run-record', "Pass the run step's run-record output."),
      ),
      model,
      modelOutput: raw.string('model-output')?.trim() || undefined,
      metricsTask: raw.string('metrics-task')?.trim() || undefined,
      endpoint: parseEndpointName(raw.string('endpoint')?.trim() || model),
      servingImage: stringInput(raw, 'serving-image'),
      predictRoute: raw.string('predict-route')?.trim() || undefined,
      healthRoute: raw.string('health-route')?.trim() || undefined,
      servingPort: port ? integerInput(raw, 'serving-port', 1) : undefined,
      machineType: stringInput(raw, 'machine-type'),
      minReplicas,
      maxReplicas,
      traffic,
      keepDeployed: integerInput(raw, 'keep-deployed', 1),
      servingServiceAccount: raw.string('serving-service-account')?.trim() || undefined,
      location: parseGoogleLocation(raw, context, 'Deploys'),
      timeoutMs: parseTimeout(raw, 'deploy-timeout'),
      smoke:
        smoke.kind === 'file'
          ? { kind: 'file', path: path.resolve(context.cwd, smoke.path) }
          : smoke,
      smokeTimeoutMs: parseTimeout(raw, 'smoke-timeout'),
    };
  },
  async run(inputs, context) {
    const plan = await planDeploy(inputs, context);
    const { ui } = context;
    const serving = await VertexServing.connect({
      ...inputs.location,
      env: context.env,
      onRetry: (message) => ui.warning(message),
      onProgress: (message) => ui.info(message),
      operationTimeoutMs: inputs.timeoutMs,
    });
    const journal: JournalEntry[] = [];
    try {
      return await deploy(serving, inputs, plan, journal, context);
    } catch (error) {
      if (journal.length === 0) throw error;
      const problems = await ui.group('Roll back', () => rollBack(journal, ui));
      const restored = journal.map((entry) => entry.change).reverse();
      throw new UserError(`Deploy failed and was rolled back: ${errorMessage(error)}`, {
        details: [
          ...restored.map((change) => `undone: ${change}`),
          ...problems.map((problem) => `NOT undone: ${problem}`),
        ],
        fix:
          problems.length > 0
            ? 'Fix what was not undone by hand (see above), then re-run the deploy.'
            : ((error as UserError).fix ?? 'Fix the cause above and re-run the deploy.'),
        cause: error,
      });
    } finally {
      await serving.close();
    }
  },
});

/** Checks the run, the model and the serving image before anything changes. */
async function planDeploy(inputs: DeployInputs, context: CommandContext): Promise<DeployPlan> {
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

async function deploy(
  serving: VertexServing,
  inputs: DeployInputs,
  plan: DeployPlan,
  journal: JournalEntry[],
  context: CommandContext,
): Promise<CommandResult> {
  const { ui } = context;
  const version = await ui.group('Model Registry', () =>
    registerVersion(serving, inputs, plan, journal, context),
  );
  const { endpoint, deployedModelId } = await ui.group(
    `Deploy ${version.versionName} (${inputs.traffic}% of traffic)`,
    () => deployVersion(serving, inputs, version, journal, context),
  );
  // A canary on an endpoint with nothing else to serve gets all the traffic: that is a promotion.
  const promoted = endpoint.trafficSplit[deployedModelId] === 100;
  const smoke = await ui.group('Smoke prediction', () =>
    smokePrediction(
      serving,
      { endpoint: endpoint.name, deployedModelId, promoted, imageUri: plan.imageUri },
      plan.smoke,
      inputs.smokeTimeoutMs,
      ui,
    ),
  );
  await ui.group('Aliases', () => moveAliases(serving, promoted, version, journal, ui));
  // From here on the new version serves as asked: retiring old deployments is cleanup, and a
  // failure there is reported without undoing a good deploy.
  journal.length = 0;
  const final = promoted
    ? await ui.group('Retire old deployments', () =>
        retire(serving, endpoint.name, deployedModelId, inputs.keepDeployed, ui),
      )
    : endpoint;
  const endpointId = final.name.split('/').at(-1) ?? '';
  const url = `https://console.cloud.google.com/vertex-ai/online-prediction/locations/${inputs.location.region}/endpoints/${endpointId}?project=${inputs.location.project}`;
  ui.table(
    `Deployed ${inputs.model}`,
    ['Model version', 'Endpoint', 'Deployed model', 'Traffic split', 'Smoke prediction'],
    [
      [
        version.versionName,
        final.name,
        deployedModelId,
        Object.entries(final.trafficSplit)
          .map(([id, share]) => `${id}${id === deployedModelId ? ' (new)' : ''}: ${share}%`)
          .join(', '),
        smoke.summary,
      ],
    ],
  );
  ui.info(`Endpoint: ${url}`);
  return {
    outputs: {
      model: version.model,
      'model-version': version.versionId,
      'model-version-name': version.versionName,
      endpoint: final.name,
      'deployed-model-id': deployedModelId,
      'traffic-split': JSON.stringify(final.trafficSplit),
      'endpoint-url': url,
      'smoke-prediction': smoke.prediction,
    },
  };
}

/** The version for this run: found by its run label (a re-run), else uploaded. */
async function registerVersion(
  serving: VertexServing,
  inputs: DeployInputs,
  plan: DeployPlan,
  journal: JournalEntry[],
  { ui, env }: CommandContext,
): Promise<ModelVersion> {
  const [parent, ...others] = await serving.findModels(...modelLabel(inputs.model));
  if (others.length > 0) {
    throw new UserError(
      `Several registry models are labelled ${modelLabel(inputs.model).join('=')}: ${[parent, ...others].map((m) => m?.model).join(', ')}`,
      { fix: 'Remove the label from all but one of them.' },
    );
  }
  if (parent) {
    const versions = await serving.listVersions(parent.model);
    const existing = versions.find(
      (version) =>
        version.labels.mlops_run === plan.runLabel && version.artifactUri === plan.artifactUri,
    );
    if (existing) {
      ui.info(`Version ${existing.versionName} already holds this run's model: reusing it.`);
      return existing;
    }
  }
  const labels: Record<string, string> = {
    [modelLabel(inputs.model)[0]]: inputs.model,
    mlops_run: plan.runLabel,
    'managed-by': 'mlops-platform',
  };
  if (env.GITHUB_SHA) labels.commit = sanitizeLabel(env.GITHUB_SHA);
  if (env.GITHUB_RUN_ID) labels['workflow-run'] = sanitizeLabel(env.GITHUB_RUN_ID);
  const version = await serving.upload({
    displayName: inputs.model,
    parentModel: parent?.model,
    modelId: parent ? undefined : inputs.model,
    labels,
    artifactUri: plan.artifactUri,
    description: `${plan.artifactName} of run ${plan.record.runId}${env.GITHUB_SHA ? ` (commit ${env.GITHUB_SHA.slice(0, 7)})` : ''}`,
    container: {
      imageUri: plan.imageUri,
      predictRoute: inputs.predictRoute,
      healthRoute: inputs.healthRoute,
      port: inputs.servingPort,
      // The server checks the file it loads against the hash checked here.
      env: plan.modelSha256 ? { [MODEL_SHA256_ENV]: plan.modelSha256 } : undefined,
    },
    aliases: [],
  });
  journal.push(
    parent
      ? {
          change: `uploaded version ${version.versionName}`,
          undo: () => serving.deleteVersion(version.versionName),
        }
      : {
          change: `created model ${version.model}`,
          undo: () => serving.deleteModel(version.model),
        },
  );
  ui.info(
    `${parent ? 'Uploaded version' : 'Created model'} ${version.versionName} from ${plan.artifactUri} (serving image ${plan.imageUri})`,
  );
  if (Object.keys(plan.metrics).length > 0) {
    await serving.importEvaluation(
      version.versionName,
      `${plan.record.runId} evaluation`,
      evaluationImport(plan.metrics),
      {
        run: plan.record.runId,
        location: plan.record.location,
        ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
      },
    );
    ui.info(`Attached ${Object.keys(plan.metrics).length} evaluation metrics to it.`);
  }
  return version;
}

/** Deploys the version (or adjusts its traffic when a re-run finds it deployed). */
async function deployVersion(
  serving: VertexServing,
  inputs: DeployInputs,
  version: ModelVersion,
  journal: JournalEntry[],
  { ui }: CommandContext,
): Promise<{ endpoint: EndpointInfo; deployedModelId: string }> {
  const [found, ...others] = await serving.findEndpoints(...endpointLabel(inputs.endpoint));
  if (others.length > 0) {
    throw new UserError(
      `Several endpoints are labelled ${endpointLabel(inputs.endpoint).join('=')}: ${[found, ...others].map((e) => e?.name).join(', ')}`,
      { fix: 'Remove the label from all but one of them.' },
    );
  }
  let endpoint = found;
  if (!endpoint) {
    const created = await serving.createEndpoint(inputs.endpoint, inputs.endpoint, {
      [endpointLabel(inputs.endpoint)[0]]: inputs.endpoint,
      'managed-by': 'mlops-platform',
    });
    endpoint = created.endpoint;
    if (created.created) {
      const name = endpoint.name;
      journal.push({
        change: `created endpoint ${name}`,
        undo: () => serving.deleteEndpoint(name),
      });
      ui.info(`Created endpoint ${name}`);
    }
  }
  const endpointName = endpoint.name;
  const before: TrafficSplit = endpoint.trafficSplit;
  const existing = endpoint.deployedModels.find(
    (deployed) =>
      deployed.model.split('@')[0] === version.model &&
      deployed.modelVersionId === version.versionId,
  );
  if (existing) {
    const wanted =
      inputs.traffic === 100
        ? promotedSplit(existing.id)
        : renameNew(canarySplit(splitWithout(before, existing.id), inputs.traffic), existing.id);
    if (sameSplit(wanted, before)) {
      ui.info(`${version.versionName} is already deployed as ${existing.id} with this traffic.`);
      return { endpoint, deployedModelId: existing.id };
    }
    const updated = await serving.setTraffic(endpointName, wanted);
    journal.push({
      change: `traffic split ${formatSplit(before)} → ${formatSplit(wanted)}`,
      undo: async () => {
        await serving.setTraffic(endpointName, before);
      },
    });
    ui.info(`Traffic: ${formatSplit(before)} → ${formatSplit(updated.trafficSplit)}`);
    return { endpoint: updated, deployedModelId: existing.id };
  }
  const split = canarySplit(before, inputs.traffic);
  const deployedModelId = await serving.deploy(
    endpointName,
    {
      model: version.versionName,
      displayName: `${inputs.model}-v${version.versionId}`,
      machineType: inputs.machineType,
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      serviceAccount: inputs.servingServiceAccount,
    },
    split,
  );
  journal.push({
    change: `deployed ${version.versionName} as ${deployedModelId} (traffic was ${formatSplit(before)})`,
    undo: async () => {
      // Traffic first, so the undeploy leaves the endpoint as it was.
      if (Object.keys(before).length > 0) await serving.setTraffic(endpointName, before);
      await serving.undeploy(endpointName, deployedModelId, {});
    },
  });
  const after = await serving.getEndpoint(endpointName);
  ui.info(
    `Deployed as ${deployedModelId}; traffic ${formatSplit(before)} → ${formatSplit(after.trafficSplit)}`,
  );
  return { endpoint: after, deployedModelId };
}

/** `champion` moves to a promoted version, `canary` to a canary; both are put back on failure. */
async function moveAliases(
  serving: VertexServing,
  promoted: boolean,
  version: ModelVersion,
  journal: JournalEntry[],
  ui: Ui,
): Promise<void> {
  const alias = promoted ? CHAMPION_ALIAS : CANARY_ALIAS;
  if (
    version.aliases.includes(alias) &&
    (alias === CANARY_ALIAS || !version.aliases.includes(CANARY_ALIAS))
  ) {
    ui.info(`${version.versionName} already has the ${alias} alias.`);
    return;
  }
  const holder = await serving.getVersion(`${version.model}@${alias}`);
  const changes = [
    alias,
    ...(alias === CHAMPION_ALIAS && version.aliases.includes(CANARY_ALIAS)
      ? [`-${CANARY_ALIAS}`]
      : []),
  ];
  await serving.mergeAliases(version.versionName, changes);
  journal.push({
    change: `alias ${alias} moved to ${version.versionName}${holder ? ` from ${holder.versionName}` : ''}`,
    undo: async () => {
      if (holder) await serving.mergeAliases(holder.versionName, [alias]);
      else await serving.mergeAliases(version.versionName, [`-${alias}`]);
      if (changes.includes(`-${CANARY_ALIAS}`))
        await serving.mergeAliases(version.versionName, [CANARY_ALIAS]);
    },
  });
  ui.info(
    `Alias ${alias} → ${version.versionName}${holder && holder.versionId !== version.versionId ? ` (was ${holder.versionName})` : ''}`,
  );
}

/** Undeploys deployments beyond keep-deployed that have no traffic; failures are warnings. */
async function retire(
  serving: VertexServing,
  endpointName: string,
  promotedId: string,
  keep: number,
  ui: Ui,
): Promise<EndpointInfo> {
  const endpoint = await serving.getEndpoint(endpointName);
  const retiring = deploymentsToRetire(
    endpoint.deployedModels,
    endpoint.trafficSplit,
    promotedId,
    keep,
  );
  if (retiring.length === 0) {
    ui.info(`Nothing to retire: ${endpoint.deployedModels.length} deployment(s), keeping ${keep}.`);
    return endpoint;
  }
  for (const id of retiring) {
    try {
      await serving.undeploy(endpointName, id, {});
      ui.info(`Undeployed ${id}`);
    } catch (error) {
      ui.warning(`Could not undeploy ${id} (it stays deployed at 0%): ${errorMessage(error)}`);
    }
  }
  return serving.getEndpoint(endpointName);
}

async function rollBack(journal: readonly JournalEntry[], ui: Ui): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of [...journal].reverse()) {
    try {
      await entry.undo();
      ui.info(`Undone: ${entry.change}`);
    } catch (error) {
      ui.warning(`Could not undo ${entry.change}: ${errorMessage(error)}`);
      problems.push(`${entry.change} (${errorMessage(error)})`);
    }
  }
  return problems;
}

function renameNew(split: Record<string, number>, id: string): Record<string, number> {
  const { [NEW_DEPLOYMENT]: share = 0, ...rest } = split;
  return { ...rest, [id]: share };
}

function sameSplit(a: TrafficSplit, b: TrafficSplit): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

function formatSplit(split: TrafficSplit): string {
  const entries = Object.entries(split).filter(([, share]) => share > 0);
  return entries.length > 0
    ? `{${entries.map(([id, share]) => `${id}: ${share}%`).join(', ')}}`
    : '{}';
}
