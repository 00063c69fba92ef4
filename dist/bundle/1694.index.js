export const id = 1694;
export const ids = [1694];
export const modules = {

/***/ 2254:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  setupGcpCommand: () => (/* binding */ setupGcpCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/iam-policy.js
var iam_policy = __webpack_require__(9971);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/google-errors.js
var google_errors = __webpack_require__(8993);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/policies.js
var policies = __webpack_require__(9328);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/apply.js




const MINUTES = 6e4;
async function applyPlan(clients, project, actions, options = {}) {
  const run = new ApplyRun(clients, project, options);
  for (const [index, action] of actions.entries()) {
    options.signal?.throwIfAborted();
    options.onAction?.(action, index);
    await run.apply(action);
  }
}
class ApplyRun {
  constructor(clients, project, options) {
    this.clients = clients;
    this.project = project;
    this.options = options;
    this.#backoff = { initialMs: 1e3, maxMs: 15e3, ...options.backoff };
  }
  clients;
  project;
  options;
  /** Set once this run changed something Google propagates (an API, an account, a policy). */
  #changed = false;
  #backoff;
  async apply(action) {
    const doing = `${action.method} ${action.resource}`;
    if (action.method === "setIamPolicy") {
      await this.#grant(action.resource, action.body.add);
      return;
    }
    const operation = await this.#call(doing, () => this.#start(action)).catch((error) => {
      if (alreadyDone(action, error)) return void 0;
      throw (0,google_errors/* reportGoogleError */.SJ)(doing, this.project, error);
    });
    if (operation) await this.#wait(doing, operation, this.#poller(action));
    this.#changed = true;
  }
  /** The call for each planned method; LRO methods return the Operation, the rest undefined. */
  async #start(action) {
    const { iam, usage, usageBeta, storage } = this.clients;
    const name = action.resource;
    const body = action.body;
    const pools = iam.projects.locations.workloadIdentityPools;
    const parentOf = (child) => name.slice(0, name.lastIndexOf(`/${child}/`));
    const { updateMask, ...patch } = body;
    switch (action.method) {
      case "services.batchEnable":
        return (await usage.services.batchEnable({ parent: name, requestBody: body })).data;
      case "services.generateServiceIdentity":
        return (await usageBeta.services.generateServiceIdentity({ parent: name })).data;
      case "projects.locations.workloadIdentityPools.create": {
        const { workloadIdentityPoolId, ...rest } = body;
        const parent = parentOf("workloadIdentityPools");
        return (await pools.create({ parent, workloadIdentityPoolId, requestBody: rest })).data;
      }
      case "projects.locations.workloadIdentityPools.undelete":
        return (await pools.undelete({ name, requestBody: {} })).data;
      case "projects.locations.workloadIdentityPools.patch":
        return (await pools.patch({ name, updateMask, requestBody: patch })).data;
      case "projects.locations.workloadIdentityPools.providers.create": {
        const { workloadIdentityPoolProviderId, ...rest } = body;
        const parent = parentOf("providers");
        return (await pools.providers.create({
          parent,
          workloadIdentityPoolProviderId,
          requestBody: rest
        })).data;
      }
      case "projects.locations.workloadIdentityPools.providers.undelete":
        return (await pools.providers.undelete({ name, requestBody: {} })).data;
      case "projects.locations.workloadIdentityPools.providers.patch":
        return (await pools.providers.patch({ name, updateMask, requestBody: patch })).data;
      case "projects.roles.create":
        await iam.projects.roles.create({ parent: parentOf("roles"), requestBody: body });
        return void 0;
      case "projects.roles.undelete": {
        const { data: role } = await iam.projects.roles.get({ name });
        await iam.projects.roles.undelete({ name, requestBody: { etag: role.etag ?? null } });
        return void 0;
      }
      case "projects.roles.patch":
        await iam.projects.roles.patch({ name, updateMask, requestBody: patch });
        return void 0;
      case "projects.serviceAccounts.create":
        await iam.projects.serviceAccounts.create({
          name: parentOf("serviceAccounts"),
          requestBody: body
        });
        return void 0;
      case "buckets.insert": {
        const { project, ...rest } = body;
        await storage.buckets.insert({ project, requestBody: rest });
        return void 0;
      }
      case "projects.locations.repositories.create": {
        if (!this.options.repositories)
          throw new Error(`No Artifact Registry client was given to create ${name}`);
        await this.options.repositories.create(
          name,
          body
        );
        return void 0;
      }
      default:
        throw new Error(`setup cannot carry out ${action.service} ${action.method}`);
    }
  }
  /** operations.get of the API that started the operation (the path is the operation's name). */
  #poller(action) {
    const { iam, usage, usageBeta } = this.clients;
    if (action.method === "services.generateServiceIdentity")
      return async (name) => (await usageBeta.operations.get({ name })).data;
    if (action.service === "serviceusage.googleapis.com")
      return async (name) => (await usage.operations.get({ name })).data;
    return async (name) => (await iam.projects.locations.workloadIdentityPools.operations.get({ name })).data;
  }
  /** Polls until done, with a doubling delay; an operation's error is Google's failure. */
  async #wait(doing, first, get) {
    const limit = this.options.operationTimeoutMs ?? 10 * MINUTES;
    const started = Date.now();
    let operation = first;
    let delay = this.#backoff.initialMs;
    while (!operation.done) {
      if (Date.now() - started > limit)
        throw new errors/* RemoteFailure */.p3(`Google did not finish ${doing} within ${seconds(limit)}`, {
          fix: `Check the operation ${operation.name ?? ""} later, then run setup again.`
        });
      await this.#sleep(delay);
      delay = Math.min(delay * 2, this.#backoff.maxMs);
      const name = operation.name ?? "";
      operation = await this.#call(`poll ${name}`, () => get(name)).catch((error) => {
        throw (0,google_errors/* reportGoogleError */.SJ)(`follow ${doing}`, this.project, error);
      });
    }
    if (operation.error)
      throw new errors/* RemoteFailure */.p3(
        `Google failed to ${doing}: ${operation.error.message ?? "no message"}`,
        {
          fix: "Run setup again: it continues with what is still missing."
        }
      );
  }
  /**
   * Adds the members to the resource's policy: read (v3), addMembers, write with the etag read.
   * A write refused because the policy changed meanwhile (409 ABORTED, Storage 412) is redone
   * from a fresh read, so the other party's edit and ours both survive.
   */
  async #grant(resource, add) {
    const endpoint = (0,policies/* policyEndpoint */.Y)(this.clients, resource, this.options.repositories);
    const attempts = this.options.policyAttempts ?? 5;
    const fail = (error) => {
      throw (0,google_errors/* reportGoogleError */.SJ)(`edit the IAM policy of ${resource}`, this.project, error);
    };
    for (let attempt = 1; ; attempt += 1) {
      const policy = await this.#call(`read the policy of ${resource}`, () => endpoint.get()).catch(
        fail
      );
      const updated = (0,iam_policy/* addMembers */.p)(policy, add);
      if (!updated) return;
      try {
        await this.#call(`write the policy of ${resource}`, () => endpoint.set(updated));
        this.#changed = true;
        return;
      } catch (error) {
        if (!(0,google_errors/* isStalePolicy */.qy)(error) || attempt >= attempts) fail(error);
        this.options.onRetry?.(
          `The IAM policy of ${resource} changed while setup edited it; reading it again (attempt ${attempt + 1} of ${attempts}).`
        );
      }
    }
  }
  /**
   * Runs a call; after this run changed something, a 403 (permission or API not yet in effect)
   * or 404 (a new account not yet visible) is retried with back-off until propagationLimitMs.
   */
  async #call(doing, call) {
    const limit = this.options.propagationLimitMs ?? 10 * MINUTES;
    const started = Date.now();
    let delay = this.#backoff.initialMs;
    for (; ; ) {
      try {
        return await call();
      } catch (error) {
        const status = (0,google_errors/* httpStatus */.nG)(error);
        const propagating = this.#changed && (status === 403 || status === 404);
        if (!propagating || Date.now() - started + delay > limit) throw error;
        this.options.onRetry?.(
          `Could not ${doing} (HTTP ${status}: ${(0,google_errors/* googleMessage */.hC)(error)}); Google may still be applying earlier changes, retrying in ${seconds(delay)}.`
        );
        await this.#sleep(delay);
        delay = Math.min(delay * 2, this.#backoff.maxMs);
      }
    }
  }
  async #sleep(ms) {
    const { signal } = this.options;
    signal?.throwIfAborted();
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true }
      );
    });
  }
}
function alreadyDone(action, error) {
  if (action.kind !== "create" || (0,google_errors/* httpStatus */.nG)(error) !== 409) return false;
  if (action.method !== "buckets.insert") return !(0,google_errors/* isStalePolicy */.qy)(error);
  if (/already own it/i.test((0,google_errors/* googleMessage */.hC)(error))) return true;
  throw new errors/* UserError */.yo(`The bucket name in ${action.resource} is taken by another project`, {
    fix: "Bucket names are global: choose another bucket name.",
    cause: error
  });
}
function seconds(ms) {
  return ms < 1e3 ? `${ms} ms` : `${Math.round(ms / 1e3)} s`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/artifact-registry-repositories.js
var artifact_registry_repositories = __webpack_require__(5455);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/clients.js
var project_setup_clients = __webpack_require__(7888);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/observe.js
var observe = __webpack_require__(9624);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/desired-state.js
var desired_state = __webpack_require__(59);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/observed-state.js
var observed_state = __webpack_require__(8049);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/plan-builder.js
class PlanBuilder {
  actions = [];
  unchanged = [];
  notes = [];
  create(service, method, resource, reason, body = {}) {
    this.actions.push({ kind: "create", service, method, resource, body, reason });
  }
  update(service, method, resource, reason, body = {}) {
    this.actions.push({ kind: "update", service, method, resource, body, reason });
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/plan-iam.js

function planIam(plan, desired, observed) {
  for (const [resource, wanted] of wantedByResource(plan, desired, observed)) {
    const missing = (0,iam_policy/* missingMembers */.S)(observed.policies[resource] ?? {}, wanted);
    for (const want of wanted)
      if (!missing.includes(want))
        plan.unchanged.push(`${want.role} on ${resource} for ${want.member}`);
    if (missing.length > 0)
      plan.update(
        serviceOf(resource),
        "setIamPolicy",
        resource,
        `grant ${missing.map((m) => `${m.role} to ${m.member}`).join(", ")} (nothing removed)`,
        { add: missing }
      );
  }
}
function wantedByResource(plan, desired, observed) {
  const byResource = /* @__PURE__ */ new Map();
  let skipped;
  for (const binding of desired.bindings) {
    if (binding.principal === "vertex-code-agent" && !observed.serviceAgents.vertexCode) {
      skipped = binding.member.replace(/^serviceAccount:/, "");
      continue;
    }
    const list = byResource.get(binding.resource) ?? [];
    list.push({ role: binding.role, member: binding.member });
    byResource.set(binding.resource, list);
  }
  if (skipped)
    plan.notes.push(
      `${skipped} does not exist yet (Google creates it on the first Vertex AI pipeline run): run setup again after it to grant it Artifact Registry read.`
    );
  return byResource;
}
function serviceOf(resource) {
  if (resource.startsWith("projects/_/buckets/")) return "storage.googleapis.com";
  if (resource.includes("/repositories/")) return "artifactregistry.googleapis.com";
  if (resource.includes("/serviceAccounts/")) return "iam.googleapis.com";
  return "cloudresourcemanager.googleapis.com";
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/plan.js


const USAGE = "serviceusage.googleapis.com";
const IAM = "iam.googleapis.com";
function planSetup(desired, observed) {
  const plan = new PlanBuilder();
  planApis(plan, desired, observed);
  planPool(plan, desired, observed);
  planProvider(plan, desired, observed);
  planRoleAndAccounts(plan, desired, observed);
  planStorage(plan, desired, observed);
  planIam(plan, desired, observed);
  const { actions, unchanged, notes } = plan;
  return { project: desired.config.projectId, actions, unchanged, notes };
}
function planApis(plan, desired, observed) {
  const project = `projects/${desired.config.projectId}`;
  const missing = desired.apis.filter((api) => !observed.enabledApis.includes(api));
  if (missing.length > 0)
    plan.create(USAGE, "services.batchEnable", project, `enable ${missing.join(", ")}`, {
      serviceIds: missing
    });
  for (const api of desired.apis)
    if (!missing.includes(api)) plan.unchanged.push(`API ${api} enabled`);
  if (!observed.serviceAgents.vertex)
    plan.create(
      USAGE,
      "services.generateServiceIdentity",
      `${project}/services/aiplatform.googleapis.com`,
      "create the Vertex AI service agent, so roles can be granted to it"
    );
}
function planPool(plan, desired, observed) {
  const { pool } = desired;
  const method = "projects.locations.workloadIdentityPools";
  if (!observed.pool)
    plan.create(IAM, `${method}.create`, pool.name, "no workload identity pool", {
      workloadIdentityPoolId: pool.id,
      displayName: pool.displayName
    });
  else if (observed.pool.state === "DELETED")
    plan.update(IAM, `${method}.undelete`, pool.name, "the pool was deleted (kept 30 days)");
  else if (observed.pool.disabled)
    plan.update(IAM, `${method}.patch`, pool.name, "the pool is disabled", {
      updateMask: "disabled",
      disabled: false
    });
  else plan.unchanged.push(`workload identity pool ${pool.id}`);
}
function planProvider(plan, desired, observed) {
  const { provider } = desired;
  const method = "projects.locations.workloadIdentityPools.providers";
  const body = {
    displayName: provider.displayName,
    attributeMapping: provider.attributeMapping,
    attributeCondition: provider.attributeCondition,
    oidc: { issuerUri: provider.issuerUri, allowedAudiences: provider.allowedAudiences }
  };
  const seen = observed.provider;
  if (!seen) {
    plan.create(IAM, `${method}.create`, provider.name, "no OIDC provider for GitHub", {
      workloadIdentityPoolProviderId: provider.id,
      ...body
    });
    return;
  }
  if (seen.state === "DELETED")
    plan.update(
      IAM,
      `${method}.undelete`,
      provider.name,
      "the provider was deleted (kept 30 days)"
    );
  const differs = providerDifferences(seen, desired);
  const attributeMapping = { ...seen.attributeMapping, ...provider.attributeMapping };
  if (differs.length > 0)
    plan.update(IAM, `${method}.patch`, provider.name, differs.join("; "), {
      updateMask: "disabled,attributeMapping,attributeCondition,oidc.issuerUri",
      ...body,
      attributeMapping,
      disabled: false
    });
  else if (seen.state !== "DELETED")
    plan.unchanged.push(`OIDC provider ${provider.id} (admits ${desired.config.repository} only)`);
}
function providerDifferences(seen, desired) {
  const want = desired.provider;
  const differs = [];
  if ((seen.attributeCondition ?? "").trim() !== want.attributeCondition)
    differs.push(
      seen.attributeCondition ? "its attribute condition differs" : "it has no attribute condition (any GitHub repository could use it)"
    );
  const mapping = seen.attributeMapping ?? {};
  const wrong = Object.keys(want.attributeMapping).filter(
    (key) => mapping[key] !== want.attributeMapping[key]
  );
  if (wrong.length > 0) differs.push(`its attribute mapping lacks ${wrong.join(", ")}`);
  if (seen.issuerUri !== want.issuerUri) differs.push(`its issuer is ${seen.issuerUri ?? "unset"}`);
  if (seen.disabled) differs.push("it is disabled");
  return differs;
}
function planRoleAndAccounts(plan, desired, observed) {
  const role = desired.trainerRole;
  const seen = observed.trainerRole;
  if (!seen)
    plan.create(IAM, "projects.roles.create", role.name, "no custom training role", {
      roleId: role.id,
      role: { title: role.title, includedPermissions: role.permissions, stage: "GA" }
    });
  else {
    if (seen.deleted)
      plan.update(IAM, "projects.roles.undelete", role.name, "the role was deleted");
    const lacking = role.permissions.filter((p) => !seen.permissions.includes(p));
    if (lacking.length > 0)
      plan.update(IAM, "projects.roles.patch", role.name, `the role lacks ${lacking.join(", ")}`, {
        updateMask: "includedPermissions",
        includedPermissions: [.../* @__PURE__ */ new Set([...seen.permissions, ...role.permissions])]
      });
    else if (!seen.deleted) plan.unchanged.push(`custom role ${role.id}`);
  }
  for (const account of desired.serviceAccounts) {
    const name = `projects/${desired.config.projectId}/serviceAccounts/${account.email}`;
    if (observed.serviceAccounts.includes(account.email))
      plan.unchanged.push(`service account ${account.email}`);
    else
      plan.create(IAM, "projects.serviceAccounts.create", name, `no ${account.key} account`, {
        accountId: account.id,
        serviceAccount: { displayName: account.displayName }
      });
  }
}
function planStorage(plan, desired, observed) {
  const { bucket, config } = desired;
  if (!observed.bucket)
    plan.create(
      "storage.googleapis.com",
      "buckets.insert",
      `projects/_/buckets/${bucket.name}`,
      `no bucket ${bucket.name}`,
      {
        project: config.projectId,
        name: bucket.name,
        location: bucket.location,
        iamConfiguration: {
          uniformBucketLevelAccess: { enabled: true },
          publicAccessPrevention: bucket.publicAccessPrevention
        }
      }
    );
  else {
    if (observed.bucket.location.toUpperCase() !== bucket.location)
      plan.notes.push(
        `bucket ${bucket.name} is in ${observed.bucket.location}, not ${bucket.location}: Vertex AI refuses a pipeline root in another location; choose another bucket name.`
      );
    if (!observed.bucket.uniformBucketLevelAccess)
      plan.notes.push(
        `bucket ${bucket.name} uses fine-grained ACLs: turn on uniform bucket-level access (gcloud storage buckets update gs://${bucket.name} --uniform-bucket-level-access) so IAM alone decides access.`
      );
    plan.unchanged.push(`bucket ${bucket.name}`);
  }
  for (const repository of desired.repositories) {
    const format = observed.repositories[repository.id];
    if (format === void 0)
      plan.create(
        "artifactregistry.googleapis.com",
        "projects.locations.repositories.create",
        repository.name,
        `no ${repository.format} repository ${repository.id}`,
        { repositoryId: repository.id, format: repository.format }
      );
    else {
      if (format !== repository.format)
        plan.notes.push(
          `repository ${repository.id} is a ${format} repository, not ${repository.format}: give another repository id.`
        );
      plan.unchanged.push(`repository ${repository.id} (${format})`);
    }
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/plan-render.js
const MARK = { create: "+", update: "~" };
function renderPlanText(plan) {
  const lines = [`Set-up plan for project ${plan.project}:`];
  for (const action of plan.actions)
    lines.push(`${MARK[action.kind]} ${action.method} ${action.resource}: ${action.reason}`);
  for (const line of plan.unchanged) lines.push(`= ${line}`);
  for (const note of plan.notes) lines.push(`! ${note}`);
  const creates = plan.actions.filter((a) => a.kind === "create").length;
  lines.push(
    plan.actions.length === 0 ? `Nothing to do: ${plan.unchanged.length} resources and grants already in place.` : `${creates} to create, ${plan.actions.length - creates} to update, ${plan.unchanged.length} unchanged.`
  );
  return lines.join("\n");
}
function renderPlanJson(plan) {
  return JSON.stringify(plan, null, 2);
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/terraform.js

const NUMBER_MARKER = "project-number";
const NUMBER_REFERENCE = "${data.google_project.this.number}";
function hclString(value) {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "	") out += "\\t";
    else if (code < 32 || code === 127) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  out = out.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
  return `"${out.replaceAll(hclEscapedMarker(), NUMBER_REFERENCE)}"`;
}
function hclEscapedMarker() {
  return NUMBER_MARKER.split("").join("\\u0001");
}
function render(value, indent) {
  if (typeof value === "string") return hclString(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value;
    return items.length === 0 ? "[]" : `[
${items.map((item) => `${indent}  ${hclString(item)},`).join("\n")}
${indent}]`;
  }
  if ("raw" in value && typeof value.raw === "string") return value.raw;
  const entries = Object.entries(value).map(
    ([k, v]) => [hclString(k), hclString(v)]
  );
  const width = Math.max(...entries.map(([k]) => k.length));
  return `{
${entries.map(([k, v]) => `${indent}  ${k.padEnd(width)} = ${v}`).join("\n")}
${indent}}`;
}
function block(header, attributes, nested = []) {
  const rendered = attributes.map(([key, value]) => [key, render(value, "  ")]);
  const lines = [];
  let run = [];
  const flush = () => {
    const width = Math.max(...run.map(([key]) => key.length));
    lines.push(...run.map(([key, text]) => `  ${key.padEnd(width)} = ${text}`));
    run = [];
  };
  for (const [key, text] of rendered) {
    if (!text.includes("\n")) run.push([key, text]);
    else {
      flush();
      lines.push(`  ${key} = ${text}`);
    }
  }
  flush();
  return `${header} {
${[...lines, ...nested].join("\n")}
}`;
}
const resource = (type, name, attributes, nested = []) => block(`resource "${type}" "${name}"`, attributes, nested);
const raw = (text) => ({ raw: text });
function label(text) {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(cleaned) ? cleaned : `r_${cleaned}`;
}
function renderTerraform(config) {
  const desired = (0,desired_state/* desiredState */.Iq)(config, NUMBER_MARKER);
  const apis = (names2) => raw(
    `[${names2.map((api) => `google_project_service.${label(api.split(".")[0] ?? api)}`).join(", ")}]`
  );
  const blocks = [
    `# Written by mlops setup gcp --format terraform for ${config.repository}.
# IAM grants are additive (*_iam_member): they never remove a member someone else granted.`,
    block(
      "terraform",
      [],
      [
        "  required_providers {",
        '    google      = { source = "hashicorp/google", version = ">= 5.0" }',
        '    google-beta = { source = "hashicorp/google-beta", version = ">= 5.0" }',
        "  }"
      ]
    ),
    block('provider "google"', [
      ["project", config.projectId],
      ["region", config.region]
    ]),
    block('provider "google-beta"', [
      ["project", config.projectId],
      ["region", config.region]
    ]),
    block('data "google_project" "this"', [["project_id", config.projectId]])
  ];
  for (const api of desired_state/* REQUIRED_APIS */.CO)
    blocks.push(
      resource("google_project_service", label(api.split(".")[0] ?? api), [
        ["service", api],
        ["disable_on_destroy", false]
      ])
    );
  blocks.push(
    resource("google_project_service_identity", "vertex_agent", [
      ["provider", raw("google-beta")],
      ["service", "aiplatform.googleapis.com"]
    ])
  );
  blocks.push(
    resource("google_iam_workload_identity_pool", "github", [
      ["workload_identity_pool_id", desired.pool.id],
      ["display_name", desired.pool.displayName],
      ["depends_on", apis(["iam.googleapis.com", "sts.googleapis.com"])]
    ])
  );
  blocks.push(
    resource(
      "google_iam_workload_identity_pool_provider",
      "github",
      [
        [
          "workload_identity_pool_id",
          raw("google_iam_workload_identity_pool.github.workload_identity_pool_id")
        ],
        ["workload_identity_pool_provider_id", desired.provider.id],
        ["display_name", desired.provider.displayName],
        ["attribute_mapping", desired.provider.attributeMapping],
        ["attribute_condition", desired.provider.attributeCondition ?? ""]
      ],
      [`  oidc {
    issuer_uri = ${hclString(desired.provider.issuerUri)}
  }`]
    )
  );
  blocks.push(
    resource("google_project_iam_custom_role", "trainer", [
      ["role_id", desired.trainerRole.id],
      ["title", desired.trainerRole.title],
      ["permissions", desired.trainerRole.permissions],
      ["depends_on", apis(["iam.googleapis.com"])]
    ])
  );
  for (const account of desired.serviceAccounts)
    blocks.push(
      resource("google_service_account", account.key, [
        ["account_id", account.id],
        ["display_name", account.displayName],
        ["depends_on", apis(["iam.googleapis.com"])]
      ])
    );
  blocks.push(
    resource("google_storage_bucket", "pipelines", [
      ["name", desired.bucket.name],
      ["location", desired.bucket.location],
      ["uniform_bucket_level_access", true],
      ["public_access_prevention", desired.bucket.publicAccessPrevention],
      ["depends_on", apis(["storage.googleapis.com"])]
    ])
  );
  for (const repository of desired.repositories)
    blocks.push(
      resource("google_artifact_registry_repository", repository.format.toLowerCase(), [
        ["location", config.region],
        ["repository_id", repository.id],
        ["format", repository.format],
        ["depends_on", apis(["artifactregistry.googleapis.com"])]
      ])
    );
  const names = /* @__PURE__ */ new Set();
  for (const binding of desired.bindings) {
    const text = iamMember(desired, binding, names);
    blocks.push(
      binding.principal === "vertex-code-agent" ? `# Google creates the Vertex AI Custom Code Service Agent on the first pipeline run; then uncomment:
${text.replace(/^/gm, "# ")}` : text
    );
  }
  return `${blocks.join("\n\n")}
`;
}
const TARGET = {
  project: (d) => ["google_project_iam_member", [["project", d.config.projectId]]],
  bucket: () => [
    "google_storage_bucket_iam_member",
    [["bucket", raw("google_storage_bucket.pipelines.name")]]
  ],
  "docker-repository": (d) => [
    "google_artifact_registry_repository_iam_member",
    [
      ["location", d.config.region],
      ["repository", raw("google_artifact_registry_repository.docker.name")]
    ]
  ],
  "kfp-repository": (d) => [
    "google_artifact_registry_repository_iam_member",
    [
      ["location", d.config.region],
      ["repository", raw("google_artifact_registry_repository.kfp.name")]
    ]
  ],
  "training-account": () => [
    "google_service_account_iam_member",
    [["service_account_id", raw("google_service_account.training.name")]]
  ],
  "deploy-account": () => [
    "google_service_account_iam_member",
    [["service_account_id", raw("google_service_account.deploy.name")]]
  ],
  "pipeline-account": () => [
    "google_service_account_iam_member",
    [["service_account_id", raw("google_service_account.pipeline.name")]]
  ]
};
const DEPENDS = {
  training: "google_service_account.training",
  deploy: "google_service_account.deploy",
  pipeline: "google_service_account.pipeline",
  "vertex-agent": "google_project_service_identity.vertex_agent",
  "github-repository": "google_iam_workload_identity_pool_provider.github",
  "github-deploy-environment": "google_iam_workload_identity_pool_provider.github"
};
function iamMember(desired, binding, names) {
  const [type, target] = TARGET[binding.scope](desired);
  let name = label(`${binding.principal}_${binding.role.split("/").pop() ?? ""}_${binding.scope}`);
  while (names.has(`${type}.${name}`)) name = `${name}_2`;
  names.add(`${type}.${name}`);
  const role = binding.role.includes("/roles/") && !binding.role.startsWith("roles/") ? raw("google_project_iam_custom_role.trainer.name") : binding.role;
  const depends = DEPENDS[binding.principal];
  return resource(type, name, [
    ...target,
    ["role", role],
    ["member", binding.member],
    ...depends ? [["depends_on", raw(`[${depends}]`)]] : []
  ]);
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/secrets/sync-plan.js
var sync_plan = __webpack_require__(2224);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/gcp-project-inputs.js + 1 modules
var gcp_project_inputs = __webpack_require__(4581);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/github-writes.js + 2 modules
var github_writes = __webpack_require__(2164);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/setup-gcp.js
















const COMMAND = "setup gcp";
const FORMATS = ["text", "json", "terraform"];
const setupGcpCommand = (0,command/* defineCommand */.NB)({
  name: "setup-gcp",
  summary: "Set up a Google Cloud project for the workflows: APIs, Workload Identity Federation that admits this repository only, least-privilege service accounts, bucket and repositories. Prints the plan, then applies what is missing.",
  inputs: [
    ...gcp_project_inputs/* GCP_PROJECT_INPUTS */.Z_,
    {
      name: "dry-run",
      description: "Setup: print the plan and change nothing. Without Google credentials, plans against an empty project.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "format",
      description: "Setup: the plan as a diff (text, the default), as API calls (json), or as Terraform resources to apply yourself (terraform: nothing is changed).",
      kind: "string",
      choices: FORMATS
    },
    {
      name: "output",
      description: "Setup: write the json plan or the Terraform to this file instead of the log.",
      kind: "string",
      valueName: "FILE"
    }
  ],
  outputs: [
    {
      name: "workload-identity-provider",
      description: "The provider resource name, for the auth step."
    },
    { name: "service-account", description: "The training service account." },
    { name: "deploy-service-account", description: "The deploy service account." },
    { name: "pipeline-service-account", description: "The account pipeline runs act as." },
    { name: "pipeline-root", description: "gs:// folder for pipeline runs." },
    { name: "changes", description: "How many changes the plan held (0: already set up)." }
  ],
  parseInputs(raw, context) {
    return (0,command/* parseFields */.L5)(COMMAND, {
      project: () => (0,gcp_project_inputs/* parseGcpProjectRequest */.uq)(raw, context, COMMAND),
      dryRun: () => (0,command/* booleanInput */.tE)(raw, "dry-run"),
      format: () => (0,command/* choiceInput */.ij)(raw, "format", FORMATS, "text"),
      output: () => raw.string("output")?.trim() || void 0
    });
  },
  async run(request, context) {
    const { ui } = context;
    const config = await (0,gcp_project_inputs/* planGcpProject */.Pp)(request.project, context, COMMAND);
    if (request.format === "terraform") {
      await emit(request, context, renderTerraform(config), "Terraform");
      ui.info(
        "Nothing was changed in Google Cloud: run terraform init and terraform apply on it (its grants are additive)."
      );
      return { outputs: { changes: "0" } };
    }
    const token = (0,project_setup_clients/* setupTokenSource */.mj)(context.env);
    if (!await token()) {
      if (!request.dryRun)
        throw new errors/* UserError */.yo("No Google credentials to set up the project with", {
          fix: "Sign in as a project Owner (gcloud auth application-default login, or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)), or use --dry-run to see the plan first."
        });
      ui.warning(
        "No Google credentials: this plan is against an empty project (the project number shows as PROJECT_NUMBER). Sign in to plan against what the project has."
      );
      const desired = (0,desired_state/* desiredState */.Iq)(config);
      const plan = planSetup(desired, observed_state/* EMPTY_PROJECT */.e);
      await showPlan(request, context, plan);
      await finish(context, desired, request);
      return { outputs: { ...valueOutputs(desired), changes: String(plan.actions.length) } };
    }
    const google = await connect(config, context, token);
    try {
      return await setUp(request, context, config, google);
    } finally {
      await google.close();
    }
  }
});
async function connect(config, context, token) {
  const clients = await (0,project_setup_clients/* createSetupClients */.QM)({ token, endpoints: (0,project_setup_clients/* setupEndpoints */.Ge)(context.env) });
  const repositories = await artifact_registry_repositories/* ArtifactRegistryRepositories */.qU.connect({
    project: config.projectId,
    env: context.env,
    token
  });
  return { clients, repositories, close: () => repositories.close() };
}
async function setUp(request, context, config, google) {
  const { ui } = context;
  const survey = async () => {
    const number = await (0,observe/* readProjectNumber */.b)(google.clients, config.projectId);
    const desired2 = (0,desired_state/* desiredState */.Iq)(config, number);
    const observed = await (0,observe/* observeProject */.s)(google.clients, desired2, {
      repositories: google.repositories
    });
    return { desired: desired2, plan: planSetup(desired2, observed) };
  };
  let { desired, plan } = await ui.group(`Read project ${config.projectId}`, survey);
  await showPlan(request, context, plan);
  const changes = plan.actions.length;
  if (request.dryRun || changes === 0) {
    if (request.dryRun && changes > 0) ui.info("Dry run: nothing was changed.");
    await finish(context, desired, request);
    return { outputs: { ...valueOutputs(desired), changes: String(changes) } };
  }
  const options = {
    repositories: google.repositories,
    onRetry: (message) => ui.info(message),
    ...context.signal ? { signal: context.signal } : {}
  };
  const progress = (total) => (action, index) => ui.info(`[${index + 1}/${total}] ${action.method} ${action.resource}`);
  const enabling = plan.actions.filter((action) => action.method === "services.batchEnable");
  if (enabling.length > 0) {
    await ui.group(
      "Enable the APIs",
      () => applyPlan(google.clients, config.projectId, enabling, {
        ...options,
        onAction: progress(enabling.length)
      })
    );
    ({ desired, plan } = await ui.group(`Read project ${config.projectId} again`, survey));
  }
  const { actions } = plan;
  await ui.group(
    `Apply ${actions.length} changes`,
    () => applyPlan(google.clients, config.projectId, actions, {
      ...options,
      onAction: progress(actions.length)
    })
  );
  ui.info(`Project ${config.projectId} is set up. A second run changes nothing.`);
  await finish(context, desired, request);
  return { outputs: { ...valueOutputs(desired), changes: String(changes) } };
}
async function showPlan(request, context, plan) {
  if (request.format === "json") await emit(request, context, renderPlanJson(plan), "The plan");
  else for (const line of renderPlanText(plan).split("\n")) context.ui.info(line);
}
async function emit(request, context, text, what) {
  if (!request.output) {
    context.ui.info(text);
    return;
  }
  const file = external_node_path_.resolve(context.cwd, request.output);
  await (0,promises_.writeFile)(file, text.endsWith("\n") ? text : `${text}
`);
  context.ui.info(`${what} is in ${external_node_path_.relative(context.cwd, file) || file}`);
}
function valueOutputs(desired) {
  const values = (0,desired_state/* workflowValues */.s0)(desired);
  return {
    "workload-identity-provider": values.GCP_WORKLOAD_IDENTITY_PROVIDER ?? "",
    "service-account": values.GCP_SERVICE_ACCOUNT ?? "",
    "deploy-service-account": values.GCP_DEPLOY_SERVICE_ACCOUNT ?? "",
    "pipeline-service-account": values.GCP_PIPELINE_SERVICE_ACCOUNT ?? "",
    "pipeline-root": values.GCP_PIPELINE_ROOT ?? ""
  };
}
async function finish(context, desired, request) {
  const { ui } = context;
  const values = (0,desired_state/* workflowValues */.s0)(desired);
  const token = request.project.githubToken;
  const { owner, name } = desired.config;
  const target = { level: "repository", owner, repo: name };
  const entries = Object.entries(values).map(([key, value], index) => ({
    name: key,
    value,
    line: index + 1
  }));
  if (!token || request.dryRun) {
    ui.table(
      "Values for the workflows (repository variables)",
      ["Variable", "Value"],
      entries.map((entry) => [entry.name, entry.value])
    );
    if (!request.dryRun)
      ui.info(
        `Set them as variables of ${desired.config.repository} (Settings \u2192 Secrets and variables \u2192 Actions \u2192 Variables), or run again with a GitHub token that may write variables.`
      );
    return;
  }
  const store = await (0,github_writes/* openSecretsStore */.fI)(target, token, context);
  const plan = (0,sync_plan/* planSync */.R4)(
    entries,
    { include: [], exclude: [], variables: ["*"] },
    { secrets: [], variables: await store.variables() },
    void 0
  );
  const outcome = await (0,github_writes/* writeChanges */.vB)(store, plan.changes, 4);
  ui.table(
    `Values for the workflows \u2192 variables of ${desired.config.repository}`,
    ["Variable", "Value", "Change"],
    plan.changes.map((change) => [
      change.name,
      change.value ?? "",
      outcome.done.get(change) ?? github_writes/* ACTION_TEXT */.pr[change.action]
    ])
  );
  const failure = (0,github_writes/* writeFailure */.EU)(
    outcome,
    plan.changes.length,
    `the variables of ${desired.config.repository}`,
    'Google Cloud is set up: give a token that may write variables ("Variables: write") and run setup again, or set the values above by hand.'
  );
  if (failure) throw failure;
}



/***/ }),

/***/ 4807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ checkRegion),
/* harmony export */   v: () => (/* binding */ checkProjectId)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const REGION = /^(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+$/;
function checkRegion(region) {
  const trimmed = region.trim();
  if (!REGION.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`region "${region}" is not a Google Cloud region`, {
      fix: "Use a Vertex AI region such as us-central1, europe-west4 or asia-southeast1 (not a zone like us-central1-a, nor a multi-region like us)."
    });
  }
  return trimmed;
}
function checkProjectId(project) {
  const trimmed = project.trim();
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`project "${project}" is not a project ID or number`, {
      fix: "Give the project ID (6-30 lowercase letters, digits and hyphens) or its number."
    });
  }
  return trimmed;
}



/***/ })

};
