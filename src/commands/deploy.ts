/**
 * The deploy command: its inputs and outputs, and the run that plans the deploy
 * (./deploy-preflight.ts), performs its steps (./deploy-steps.ts) and rolls every change back
 * through the journal (./deploy-journal.ts) when one fails.
 */
import path from 'node:path';
import { VertexServing } from '../adapters/gcp/vertex-serving.js';
import { errorMessage, RemoteFailure, type ReportedError, UserError } from '../core/errors.js';
import { smokeSource } from '../core/gcp/smoke-test.js';
import {
  defineCommand,
  integerInput,
  once,
  parseFields,
  requireInput,
  stringInput,
} from './command.js';
import { rollBack, type JournalEntry } from './deploy-journal.js';
import { planDeploy, type DeployInputs } from './deploy-preflight.js';
import { SMOKE_INPUTS, SMOKE_OUTPUT } from './deploy-smoke.js';
import { deploy } from './deploy-steps.js';
import {
  parseGoogleLocation,
  parseTimeout,
  PROJECT_INPUT,
  REGION_INPUT,
  RUN_RECORD_INPUT,
} from './google-inputs.js';
import { MODEL_INPUT, parseEndpointName, parseModelName } from './model-inputs.js';

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
    const model = once(() =>
      parseModelName(
        requireInput(raw, 'model', 'Name the registry model, e.g. model: churn-classifier.'),
      ),
    );
    const minReplicas = once(() => integerInput(raw, 'min-replicas', 1));
    return parseFields('deploy', {
      runRecord: () =>
        path.resolve(
          context.cwd,
          requireInput(raw, 'run-record', "Pass the run step's run-record output."),
        ),
      model,
      modelOutput: () => raw.string('model-output')?.trim() || undefined,
      metricsTask: () => raw.string('metrics-task')?.trim() || undefined,
      endpoint: () => parseEndpointName(raw.string('endpoint')?.trim() || model()),
      servingImage: () => stringInput(raw, 'serving-image'),
      predictRoute: () => raw.string('predict-route')?.trim() || undefined,
      healthRoute: () => raw.string('health-route')?.trim() || undefined,
      servingPort: () =>
        raw.string('serving-port')?.trim() ? integerInput(raw, 'serving-port', 1) : undefined,
      machineType: () => stringInput(raw, 'machine-type'),
      minReplicas,
      maxReplicas: () => {
        const maxReplicas = integerInput(raw, 'max-replicas', 1, minReplicas());
        if (maxReplicas < minReplicas()) {
          throw new UserError(
            `max-replicas (${maxReplicas}) is below min-replicas (${minReplicas()})`,
            { fix: 'Raise max-replicas or lower min-replicas.' },
          );
        }
        return maxReplicas;
      },
      traffic: () => {
        const traffic = integerInput(raw, 'traffic', 1);
        if (traffic > 100)
          throw new UserError(`traffic is ${traffic}`, { fix: 'Give a percent from 1 to 100.' });
        return traffic;
      },
      keepDeployed: () => integerInput(raw, 'keep-deployed', 1),
      servingServiceAccount: () => raw.string('serving-service-account')?.trim() || undefined,
      location: () => parseGoogleLocation(raw, context, 'Deploys'),
      timeoutMs: () => parseTimeout(raw, 'deploy-timeout'),
      smoke: (): DeployInputs['smoke'] => {
        const smoke = smokeSource(raw.string('smoke-instances'));
        return smoke.kind === 'file'
          ? { kind: 'file', path: path.resolve(context.cwd, smoke.path) }
          : smoke;
      },
      smokeTimeoutMs: () => parseTimeout(raw, 'smoke-timeout'),
    });
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
      // A refusal the user can fix stays a UserError; anything else failed on the service side.
      const Report = error instanceof UserError ? UserError : RemoteFailure;
      throw new Report(`Deploy failed and was rolled back: ${errorMessage(error)}`, {
        details: [
          ...restored.map((change) => `undone: ${change}`),
          ...problems.map((problem) => `NOT undone: ${problem}`),
        ],
        fix:
          problems.length > 0
            ? 'Fix what was not undone by hand (see above), then re-run the deploy.'
            : ((error as ReportedError).fix ?? 'Fix the cause above and re-run the deploy.'),
        cause: error,
      });
    } finally {
      await serving.close();
    }
  },
});
