/**
 * The steps of a deploy (./deploy.ts), each journalled so a failure can be rolled back:
 * register the run's model as a registry version (or reuse it), deploy it to the endpoint with
 * its traffic share (or adjust a re-run's), make the smoke prediction, move the champion or
 * canary alias, then retire old deployments after a promotion.
 */
import type { EndpointInfo } from '../adapters/gcp/vertex-endpoints.js';
import type { ModelVersion } from '../adapters/gcp/vertex-models.js';
import type { VertexServing } from '../adapters/gcp/vertex-serving.js';
import { errorMessage, UserError } from '../core/errors.js';
import {
  canarySplit,
  deploymentsToRetire,
  NEW_DEPLOYMENT,
  promotedSplit,
  splitWithout,
  type TrafficSplit,
} from '../core/gcp/deploy-plan.js';
import { MODEL_SHA256_ENV } from '../core/gcp/model-integrity.js';
import { evaluationImport } from '../core/gcp/evaluation-metrics.js';
import { sanitizeLabel } from '../core/gcp/vertex-job.js';
import type { CommandContext, CommandResult, Ui } from './command.js';
import type { DeployInputs, DeployPlan } from './deploy-preflight.js';
import type { JournalEntry } from './deploy-journal.js';
import { smokePrediction } from './deploy-smoke.js';
import { CANARY_ALIAS, CHAMPION_ALIAS, endpointLabel, modelLabel } from './model-inputs.js';

export async function deploy(
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
