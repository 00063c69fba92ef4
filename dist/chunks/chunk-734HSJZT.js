import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  NETWORK_ATTEMPTS,
  networkFailure
} from "./chunk-ETE2N4JV.js";
import {
  UserError
} from "./chunk-BNIO3GDX.js";

// src/core/gcp/grpc-codes.ts
var RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16
};
var HTTP_TO_RPC = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  412: "FAILED_PRECONDITION",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED"
};
var TRANSIENT_RPC_CODES = /* @__PURE__ */ new Set([
  RPC_CODES.DEADLINE_EXCEEDED,
  RPC_CODES.RESOURCE_EXHAUSTED,
  RPC_CODES.INTERNAL,
  RPC_CODES.UNAVAILABLE
]);

// src/adapters/gcp/google-client.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/adapters/gcp/endpoints.ts
function fromEnv(env, name, fallback) {
  return (env[name]?.trim() || fallback).replace(/\/+$/, "");
}
function googleEndpoints(env = process.env) {
  return {
    sts: fromEnv(env, "MLOPS_STS_ENDPOINT", "https://sts.googleapis.com"),
    iamCredentials: fromEnv(
      env,
      "MLOPS_IAMCREDENTIALS_ENDPOINT",
      "https://iamcredentials.googleapis.com"
    ),
    vertex: fromEnv(env, "MLOPS_VERTEX_ENDPOINT", "https://{region}-aiplatform.googleapis.com"),
    artifactRegistry: fromEnv(
      env,
      "MLOPS_ARTIFACTREGISTRY_ENDPOINT",
      "https://artifactregistry.googleapis.com"
    ),
    kfpRegistry: fromEnv(env, "MLOPS_KFP_ENDPOINT", "https://{region}-kfp.pkg.dev"),
    dockerRegistry: fromEnv(env, "MLOPS_DOCKER_REGISTRY_HOST", "{region}-docker.pkg.dev"),
    storage: fromEnv(env, "MLOPS_STORAGE_ENDPOINT", "https://storage.googleapis.com")
  };
}

// src/adapters/gcp/google-client.ts
var ATTEMPTS = 6;
function errorBody(error) {
  const message = error?.message;
  if (typeof message !== "string" || !message.trimStart().startsWith("{")) return void 0;
  try {
    return JSON.parse(message).error;
  } catch {
    return void 0;
  }
}
function grpcCode(error) {
  const status = errorBody(error)?.status;
  if (status && status !== "UNKNOWN" && Object.hasOwn(RPC_CODES, status))
    return RPC_CODES[status];
  const code = error?.code;
  if (typeof code === "number") {
    if (code < 100) return code;
    const name = HTTP_TO_RPC[code] ?? (code >= 500 ? "UNAVAILABLE" : "UNKNOWN");
    return RPC_CODES[name];
  }
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return RPC_CODES.UNAVAILABLE;
  return void 0;
}
function errorText(error) {
  return errorBody(error)?.message ?? (error.message ?? String(error)).split("\n")[0] ?? "";
}
function decodeValue(value) {
  if (value === null || typeof value !== "object") return value;
  const v = value;
  if ("structValue" in v) return decodeStruct(v.structValue);
  if ("listValue" in v)
    return (v.listValue?.values ?? []).map(decodeValue);
  if ("stringValue" in v) return v.stringValue;
  if ("numberValue" in v) return v.numberValue;
  if ("boolValue" in v) return v.boolValue;
  if ("nullValue" in v) return null;
  return value;
}
function decodeStruct(struct) {
  const fields = struct?.fields ?? {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, decodeValue(value)])
  );
}
function timestamp(value) {
  if (typeof value === "string") return value;
  const seconds = Number(value?.seconds);
  if (!Number.isFinite(seconds) || seconds === 0) return void 0;
  const nanos = Number(value.nanos ?? 0);
  return new Date(seconds * 1e3 + Math.floor(nanos / 1e6)).toISOString();
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function stringMap(value) {
  if (value === null || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, String(v)])
  );
}
async function loadGoogleClients(project) {
  const google = await import("#google-cloud");
  const probe = new google.GoogleAuth({
    scopes: ["https://www.googleapis.com/auth/cloud-platform"],
    projectId: project
  });
  try {
    await probe.getClient();
  } catch (error) {
    throw new UserError(
      `No Google Cloud credentials: ${error.message.split("\n")[0] ?? ""}`,
      {
        fix: "Run the auth command first (command: auth with workload-identity-provider), or set GOOGLE_APPLICATION_CREDENTIALS."
      }
    );
  }
  return google;
}
function googleTokenSource(env) {
  let auth;
  return async () => {
    if (!env.GOOGLE_APPLICATION_CREDENTIALS && !env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE)
      return void 0;
    auth ??= import("#google-cloud").then(
      (google) => new google.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/cloud-platform"] })
    );
    try {
      return await (await auth).getAccessToken() ?? void 0;
    } catch {
      return void 0;
    }
  };
}
function restClientOptions(endpointUrl, project) {
  const endpoint = new URL(endpointUrl);
  return {
    apiEndpoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === "http:" ? 80 : 443,
    protocol: endpoint.protocol.replace(":", ""),
    fallback: true,
    projectId: project
  };
}
function vertexClientOptions(env, region, project) {
  return restClientOptions(googleEndpoints(env).vertex.replaceAll("{region}", region), project);
}
var ClientSession = class {
  #client;
  #newClient;
  #options;
  /** API calls made, for the benchmark of calls per minute while waiting. */
  calls = 0;
  constructor(newClient, options = {}) {
    this.#newClient = newClient;
    this.#options = options;
    this.#client = newClient();
  }
  get client() {
    return this.#client;
  }
  async call(purpose, work) {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      try {
        return await work(this.#client);
      } catch (error) {
        const network = networkFailure(error, { purpose });
        if (network) {
          if (!network.heals || attempt >= NETWORK_ATTEMPTS) throw network.error;
          await this.#backOff(`${purpose}: ${network.reason}`, attempt);
          continue;
        }
        const code = grpcCode(error);
        if (code === RPC_CODES.UNAUTHENTICATED && !renewed) {
          renewed = true;
          this.#options.onRetry?.(
            `${purpose}: the access token was refused; fetching fresh credentials`
          );
          const stale = this.#client;
          this.#client = this.#newClient();
          await stale.close().catch(() => void 0);
          continue;
        }
        if (code === void 0 || !TRANSIENT_RPC_CODES.has(code) || attempt >= ATTEMPTS)
          throw explainGoogleError(purpose, error, this.#options.fixes);
        await this.#backOff(`${purpose}: ${errorText(error)}`, attempt);
      }
    }
  }
  /** Waits before another attempt, saying why. */
  async #backOff(reason, attempt) {
    const delay = Math.min(1e3 * 2 ** (attempt - 1), 2e4);
    this.#options.onRetry?.(`${reason}; retrying in ${delay / 1e3}s`);
    await sleep(delay);
  }
  async close() {
    await this.#client.close();
  }
};
var GENERIC_FIXES = {
  [RPC_CODES.INVALID_ARGUMENT]: "Google rejected the request as invalid: check the inputs named in the message.",
  [RPC_CODES.NOT_FOUND]: "Check the project, region and resource names.",
  [RPC_CODES.PERMISSION_DENIED]: "The identity lacks permission: grant it the role the message names (roles/aiplatform.user covers Vertex AI).",
  [RPC_CODES.UNAUTHENTICATED]: "The credentials were rejected: re-run the auth step, and check its workload-identity-provider and service-account."
};
function explainGoogleError(purpose, error, fixes = {}) {
  const code = grpcCode(error);
  const message = `Failed to ${purpose}: ${errorText(error)}`;
  const fix = code === void 0 ? void 0 : fixes[code] ?? GENERIC_FIXES[code];
  return fix ? new UserError(message, { fix, cause: error }) : new Error(message, { cause: error });
}

// src/adapters/gcp/vertex-pipelines.ts
function errorOf(value) {
  const error = value;
  return error?.message ? error : void 0;
}
function times(record) {
  const result = {};
  for (const field of ["createTime", "startTime", "endTime", "updateTime"]) {
    const value = timestamp(record[field]);
    if (value) result[field] = value;
  }
  return result;
}
function toPlainJob(job) {
  const detail = job.jobDetail;
  const runtime = job.runtimeConfig;
  const jobError = errorOf(job.error);
  return {
    ...text(job.name) ? { name: text(job.name) } : {},
    ...text(job.state) ? { state: text(job.state) } : {},
    ...times(job),
    ...jobError ? { error: jobError } : {},
    runtimeConfig: {
      ...runtime?.gcsOutputDirectory ? { gcsOutputDirectory: runtime.gcsOutputDirectory } : {},
      parameterValues: Object.fromEntries(
        Object.entries(runtime?.parameterValues ?? {}).map(([key, value]) => [
          key,
          decodeValue(value)
        ])
      )
    },
    jobDetail: {
      taskDetails: (detail?.taskDetails ?? []).map((task) => {
        const execution = task.execution;
        const outputs = task.outputs ?? {};
        const taskError = errorOf(task.error);
        const parent = typeof task.parentTaskId === "string" || typeof task.parentTaskId === "number" ? String(task.parentTaskId) : "0";
        return {
          taskId: typeof task.taskId === "string" || typeof task.taskId === "number" ? String(task.taskId) : "",
          ...parent !== "0" ? { parentTaskId: parent } : {},
          ...text(task.taskName) ? { taskName: text(task.taskName) } : {},
          ...text(task.state) ? { state: text(task.state) } : {},
          ...times(task),
          ...taskError ? { error: taskError } : {},
          ...execution ? {
            execution: {
              ...execution.state ? { state: execution.state } : {},
              metadata: decodeStruct(execution.metadata)
            }
          } : {},
          outputs: Object.fromEntries(
            Object.entries(outputs).map(([key, list]) => [
              key,
              {
                artifacts: (list.artifacts ?? []).map((artifact) => ({
                  ...text(artifact.name) ? { name: text(artifact.name) } : {},
                  ...text(artifact.displayName) ? { displayName: text(artifact.displayName) } : {},
                  ...text(artifact.uri) ? { uri: text(artifact.uri) } : {},
                  ...text(artifact.schemaTitle) ? { schemaTitle: text(artifact.schemaTitle) } : {},
                  metadata: decodeStruct(artifact.metadata)
                }))
              }
            ])
          )
        };
      })
    }
  };
}
function encodePipelineJob(helpers, request) {
  return {
    ...request,
    pipelineSpec: helpers.toValue(request.pipelineSpec)?.structValue,
    runtimeConfig: {
      gcsOutputDirectory: request.runtimeConfig.gcsOutputDirectory,
      parameterValues: Object.fromEntries(
        Object.entries(request.runtimeConfig.parameterValues).map(([key, value]) => [
          key,
          helpers.toValue(value)
        ])
      )
    }
  };
}
var VertexPipelines = class _VertexPipelines {
  #session;
  #helpers;
  #options;
  constructor(google, options) {
    this.#options = options;
    this.#helpers = google.aiplatformHelpers;
    const clientOptions = vertexClientOptions(options.env, options.region, options.project);
    this.#session = new ClientSession(() => new google.PipelineServiceClient(clientOptions), {
      onRetry: options.onRetry,
      fixes: {
        [RPC_CODES.INVALID_ARGUMENT]: "Vertex rejected the request: check the parameters, labels, service account and pipeline root.",
        [RPC_CODES.PERMISSION_DENIED]: "The identity lacks permission: grant roles/aiplatform.user on the project, and roles/iam.serviceAccountUser on the pipeline service account."
      }
    });
  }
  /** Loads the Google clients (the lazy vendor bundle) and checks credentials are present. */
  static async connect(options) {
    return new _VertexPipelines(await loadGoogleClients(options.project), options);
  }
  /** API calls made, for the benchmark of calls per minute while waiting. */
  get calls() {
    return this.#session.calls;
  }
  get parent() {
    return `projects/${this.#options.project}/locations/${this.#options.region}`;
  }
  jobName(jobId) {
    return `${this.parent}/pipelineJobs/${jobId}`;
  }
  /** Creates the job; an existing job with the same id is returned instead (`existed: true`). */
  async create(jobId, request) {
    const pipelineJob = encodePipelineJob(this.#helpers, request);
    try {
      const [job] = await this.#session.call(
        `create pipeline job ${jobId} in ${this.parent}`,
        (client) => client.createPipelineJob({
          parent: this.parent,
          pipelineJobId: jobId,
          pipelineJob
        })
      );
      return { job: toPlainJob(job), existed: false };
    } catch (error) {
      if (grpcCode(error.cause ?? error) !== RPC_CODES.ALREADY_EXISTS)
        throw error;
      return { job: await this.get(jobId), existed: true };
    }
  }
  async get(jobId) {
    const [job] = await this.#session.call(
      `get pipeline job ${jobId}`,
      (client) => client.getPipelineJob({ name: this.jobName(jobId) })
    );
    return toPlainJob(job);
  }
  async cancel(jobId) {
    await this.#session.call(
      `cancel pipeline job ${jobId}`,
      (client) => client.cancelPipelineJob({ name: this.jobName(jobId) })
    );
  }
  async close() {
    await this.#session.close();
  }
};

export {
  googleEndpoints,
  RPC_CODES,
  TRANSIENT_RPC_CODES,
  grpcCode,
  decodeValue,
  decodeStruct,
  timestamp,
  text,
  stringMap,
  loadGoogleClients,
  googleTokenSource,
  restClientOptions,
  vertexClientOptions,
  ClientSession,
  explainGoogleError,
  encodePipelineJob,
  VertexPipelines
};
