export const id = 192;
export const ids = [192];
export const modules = {

/***/ 5455:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cQ: () => (/* binding */ normalizeError),
/* harmony export */   qU: () => (/* binding */ ArtifactRegistryRepositories),
/* harmony export */   rC: () => (/* binding */ artifactRegistryClient)
/* harmony export */ });
/* unused harmony export policyFromClient */
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(824);
/* harmony import */ var _google_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9167);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7888);



const POLICY_VERSION = 3;
const FORMAT_NAMES = {
  1: "DOCKER",
  2: "MAVEN",
  3: "NPM",
  5: "APT",
  6: "YUM",
  8: "PYTHON",
  9: "KFP",
  10: "GO",
  11: "GENERIC",
  12: "RUBY"
};
function errorBody(error) {
  const message = error?.message;
  if (typeof message !== "string" || !message.trimStart().startsWith("{")) return void 0;
  try {
    const parsed = JSON.parse(message).error;
    return parsed && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function normalizeError(error) {
  if (!(error instanceof Error)) return error;
  const body = errorBody(error);
  const code = error.code;
  const status = typeof body?.code === "number" && body.code >= 100 ? body.code : typeof code === "number" && code >= 100 ? code : void 0;
  if (status === void 0) return error;
  const normalized = new Error(body?.message ?? error.message, { cause: error });
  return Object.assign(normalized, {
    code: status,
    response: { status, data: { error: { ...body, code: status } } }
  });
}
async function call(work) {
  try {
    return await work();
  } catch (error) {
    throw normalizeError(error);
  }
}
function base64(value) {
  if (typeof value === "string") return value === "" ? void 0 : value;
  if (value instanceof Uint8Array)
    return value.length === 0 ? void 0 : Buffer.from(value).toString("base64");
  return void 0;
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function policyFromClient(policy) {
  const p = policy ?? {};
  const bindings = [];
  for (const raw of Array.isArray(p.bindings) ? p.bindings : []) {
    const b = raw;
    const condition = b.condition;
    const expression = text(condition?.expression);
    const description = text(condition?.description);
    bindings.push({
      role: typeof b.role === "string" ? b.role : "",
      members: Array.isArray(b.members) ? b.members.map(String) : [],
      ...expression ? {
        condition: {
          expression,
          title: text(condition?.title) ?? "",
          ...description ? { description } : {}
        }
      } : {}
    });
  }
  const etag = base64(p.etag);
  const audit = Array.isArray(p.auditConfigs) ? p.auditConfigs : [];
  return {
    ...bindings.length > 0 ? { bindings } : {},
    ...etag ? { etag } : {},
    version: typeof p.version === "number" ? p.version : Number(p.version ?? 0) || 1,
    ...audit.length > 0 ? { auditConfigs: audit } : {}
  };
}
function policyToClient(policy) {
  return {
    version: policy.version ?? 1,
    ...policy.etag ? { etag: policy.etag } : {},
    bindings: (policy.bindings ?? []).map((b) => ({
      role: b.role,
      members: [...b.members],
      ...b.condition ? { condition: { ...b.condition } } : {}
    })),
    ...policy.auditConfigs?.length ? { auditConfigs: [...policy.auditConfigs] } : {}
  };
}
async function artifactRegistryClient(options) {
  const google = await import(
    /* webpackIgnore: true */
    "#google-cloud"
  );
  const endpoint = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .googleEndpoints */ .g)(options.env).artifactRegistry;
  const authClient = new google.OAuth2Client();
  authClient.refreshHandler = (0,_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenRefresher */ .SV)(options.token);
  const clientOptions = { ...(0,_google_client_js__WEBPACK_IMPORTED_MODULE_0__/* .restClientOptions */ .i3)(endpoint, options.project, {}), authClient };
  return new google.ArtifactRegistryClient(clientOptions);
}
class ArtifactRegistryRepositories {
  #client;
  constructor(client) {
    this.#client = client;
  }
  /** A registry at the Artifact Registry endpoint of `env`, calling with `token`'s tokens. */
  static async connect(options) {
    return new ArtifactRegistryRepositories(await artifactRegistryClient(options));
  }
  async format(name) {
    try {
      const [repository] = await call(() => this.#client.getRepository({ name }));
      const format = repository.format;
      if (typeof format === "number") return FORMAT_NAMES[format] ?? String(format);
      return typeof format === "string" && format !== "" ? format : void 0;
    } catch (error) {
      if (error.code === 404) return void 0;
      throw error;
    }
  }
  async create(name, body) {
    const parent = /^(projects\/[^/]+\/locations\/[^/]+)\/repositories\/[^/]+$/.exec(name)?.[1];
    if (!parent) throw new Error(`Not an Artifact Registry repository name: ${name}`);
    await call(async () => {
      const [operation] = await this.#client.createRepository({
        parent,
        repositoryId: body.repositoryId,
        repository: { format: body.format }
      });
      await operation.promise();
    });
  }
  async getIamPolicy(name) {
    const [policy] = await call(
      () => this.#client.getIamPolicy({
        resource: name,
        options: { requestedPolicyVersion: POLICY_VERSION }
      })
    );
    return policyFromClient(policy);
  }
  async setIamPolicy(name, policy) {
    const [written] = await call(
      () => this.#client.setIamPolicy({ resource: name, policy: policyToClient(policy) })
    );
    return policyFromClient(written);
  }
  async close() {
    await this.#client.close();
  }
}



/***/ }),

/***/ 7888:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ setupEndpoints),
/* harmony export */   QM: () => (/* binding */ createSetupClients),
/* harmony export */   SV: () => (/* binding */ tokenRefresher),
/* harmony export */   mj: () => (/* binding */ setupTokenSource)
/* harmony export */ });
/* unused harmony export DEFAULT_SETUP_ENDPOINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9033);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(824);
/* harmony import */ var _google_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9167);





const DEFAULT_SETUP_ENDPOINTS = {
  iam: "https://iam.googleapis.com/",
  cloudresourcemanager: "https://cloudresourcemanager.googleapis.com/",
  serviceusage: "https://serviceusage.googleapis.com/",
  storage: "https://storage.googleapis.com/"
};
function setupEndpoints(env) {
  const endpoints = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .googleEndpoints */ .g)(env);
  return {
    iam: `${endpoints.iam}/`,
    cloudresourcemanager: `${endpoints.resourceManager}/`,
    serviceusage: `${endpoints.serviceUsage}/`,
    storage: `${endpoints.storage}/`
  };
}
function setupTokenSource(env) {
  const given = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  if (given) return () => Promise.resolve(given);
  if (!hasDefaultCredentials(env)) return () => Promise.resolve(void 0);
  return (0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultCredentialsTokens */ .wS)(env);
}
function hasDefaultCredentials(env) {
  if ((0,_google_client_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialOptions */ .Kn)(env).keyFilename) return true;
  if (env.GCE_METADATA_HOST || env.CLOUD_SHELL === "true" || env.K_SERVICE) return true;
  const config = env.CLOUDSDK_CONFIG || (process.platform === "win32" ? node_path__WEBPACK_IMPORTED_MODULE_1__.join(env.APPDATA ?? "", "gcloud") : node_path__WEBPACK_IMPORTED_MODULE_1__.join(env.HOME ?? "", ".config", "gcloud"));
  return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(config, "application_default_credentials.json"));
}
const TOKEN_REUSE_MS = 6e4;
const DEFAULT_TIMEOUT_MS = 6e4;
function tokenRefresher(token) {
  return async () => {
    const value = await token();
    if (!value)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo("No Google credentials to set up or check the project with", {
        fix: "Authenticate first: in a workflow, the auth step (or google-github-actions/auth) before this one; on a workstation, gcloud auth application-default login, or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)."
      });
    return { access_token: value, expiry_date: Date.now() + TOKEN_REUSE_MS };
  };
}
async function createSetupClients(options) {
  const google = await import(
    /* webpackIgnore: true */
    "#google-cloud"
  );
  const apis = await google.loadGoogleApis();
  const endpoints = { ...DEFAULT_SETUP_ENDPOINTS, ...options.endpoints };
  const auth = new apis.auth.OAuth2();
  auth.refreshHandler = tokenRefresher(options.token);
  const common = { auth, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return {
    iam: apis.iam({ version: "v1", ...common, rootUrl: endpoints.iam }),
    crm: apis.cloudresourcemanager({
      version: "v1",
      ...common,
      rootUrl: endpoints.cloudresourcemanager
    }),
    usage: apis.serviceusage({ version: "v1", ...common, rootUrl: endpoints.serviceusage }),
    usageBeta: apis.serviceusage({
      version: "v1beta1",
      ...common,
      rootUrl: endpoints.serviceusage
    }),
    storage: apis.storage({ version: "v1", ...common, rootUrl: endpoints.storage })
  };
}



/***/ }),

/***/ 8993:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SJ: () => (/* binding */ reportGoogleError),
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   hC: () => (/* binding */ googleMessage),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   qy: () => (/* binding */ isStalePolicy)
/* harmony export */ });
/* unused harmony exports deniedPermission, disabledService, roleFor */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_setup_permission_lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3501);


function httpStatus(error) {
  const e = error;
  for (const value of [e?.response?.status, e?.status, e?.code])
    if (typeof value === "number" && value >= 100) return value;
  return void 0;
}
function body(error) {
  const response = error?.response;
  const inner = response?.data?.error;
  return inner && typeof inner === "object" ? inner : void 0;
}
function googleMessage(error) {
  return body(error)?.message ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
}
function isStalePolicy(error) {
  const status = httpStatus(error);
  return status === 412 || status === 409 && (body(error)?.status ?? "ABORTED") === "ABORTED";
}
function isNotFound(error) {
  return httpStatus(error) === 404;
}
function isPermissionDenied(error) {
  return httpStatus(error) === 403;
}
function deniedPermission(error) {
  const found = body(error);
  for (const detail of found?.details ?? []) {
    const permission = detail.metadata?.permission;
    if (permission) return permission;
  }
  const message = found?.message ?? "";
  return /Permission '([^']+)' denied/.exec(message)?.[1] ?? /does not have ([\w./]+) access/.exec(message)?.[1];
}
function disabledService(error) {
  const detail = body(error)?.details?.find((d) => d.reason === "SERVICE_DISABLED");
  return detail ? detail.metadata?.service ?? "the API named above" : void 0;
}
const ROLE_BY_PREFIX = [
  ["serviceusage.", "roles/serviceusage.serviceUsageAdmin"],
  ["iam.googleapis.com/workloadIdentityPool", "roles/iam.workloadIdentityPoolAdmin"],
  ["iam.serviceAccounts.create", "roles/iam.serviceAccountCreator"],
  ["iam.serviceAccounts.", "roles/iam.serviceAccountAdmin"],
  ["iam.roles.", "roles/iam.roleAdmin"],
  ["resourcemanager.projects.", "roles/resourcemanager.projectIamAdmin"],
  ["storage.", "roles/storage.admin"],
  ["artifactregistry.", "roles/artifactregistry.admin"]
];
function roleFor(permission) {
  return (0,_core_gcp_setup_permission_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .explainMissingPermission */ .zW)(permission, "setup")?.role ?? ROLE_BY_PREFIX.find(([prefix]) => permission.startsWith(prefix))?.[1];
}
function reportGoogleError(doing, project, error) {
  if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReportedError */ .SS) return error;
  const status = httpStatus(error);
  const message = `Could not ${doing}: ${googleMessage(error)}`;
  const disabled = disabledService(error);
  if (disabled)
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(message, {
      fix: `Enable the API first: gcloud services enable ${disabled} --project ${project} (setup enables every API it needs, given serviceusage.services.enable).`,
      cause: error
    });
  if (status === 403 || status === 401) {
    const permission = deniedPermission(error);
    const role = permission ? roleFor(permission) : void 0;
    const fix = role ? `Grant ${role} on project ${project} to the account running setup (gcloud projects add-iam-policy-binding ${project} --member=YOUR_MEMBER --role=${role}), or run setup as a project Owner.` : `Run setup as an account that may ${doing} in project ${project} (a project Owner may do everything setup does).`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(message, { fix, cause: error });
  }
  if (status === void 0 || status >= 500 || status === 429)
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteFailure */ .p3(message, {
      fix: "Google did not answer or failed on its side: run setup again (it continues where it stopped).",
      cause: error
    });
  return new Error(message, { cause: error });
}



/***/ }),

/***/ 9624:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ readProjectNumber),
/* harmony export */   s: () => (/* binding */ observeProject)
/* harmony export */ });
/* harmony import */ var _core_gcp_setup_desired_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _google_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8993);
/* harmony import */ var _policies_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9328);




async function readProjectNumber(clients, projectId) {
  try {
    const { data } = await clients.crm.projects.get({ projectId });
    if (!data.projectNumber) throw new Error(`Resource Manager gave no number for ${projectId}`);
    return data.projectNumber;
  } catch (error) {
    if ((0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error) || (0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionDenied */ .T1)(error))
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(
        `There is no project ${projectId}, or the caller may not see it (${(0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .googleMessage */ .hC)(error)})`,
        {
          fix: "Check project-id: the project ID as gcloud projects list shows it (not its name or number); the caller needs resourcemanager.projects.get on it (any role on the project, e.g. roles/viewer).",
          cause: error
        }
      );
    throw (0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .reportGoogleError */ .SJ)(`read project ${projectId}`, projectId, error);
  }
}
async function observeProject(clients, desired, options = {}) {
  const project = desired.config.projectId;
  const read = (what, call) => call().catch((error) => {
    if ((0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error)) return void 0;
    throw (0,_google_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .reportGoogleError */ .SJ)(`read ${what}`, project, error);
  });
  const { projectNumber } = desired;
  const enabledApis = await readEnabledApis(clients, desired, read);
  const enabled = (api) => enabledApis.includes(api);
  const when = (api, reads, absent) => enabled(api) ? reads() : Promise.resolve(absent);
  const iam = clients.iam.projects;
  const pools = iam.locations.workloadIdentityPools;
  const [[pool, provider, trainerRole, accounts], bucket, repositories] = await Promise.all([
    when(
      "iam.googleapis.com",
      () => Promise.all([
        read("the workload identity pool", async () => {
          const { data } = await pools.get({ name: desired.pool.name });
          return { state: lifecycle(data.state), ...data.disabled ? { disabled: true } : {} };
        }),
        read("the OIDC provider", async () => {
          const { data } = await pools.providers.get({ name: desired.provider.name });
          return {
            state: lifecycle(data.state),
            ...data.disabled ? { disabled: true } : {},
            ...data.oidc?.issuerUri ? { issuerUri: data.oidc.issuerUri } : {},
            ...data.attributeMapping ? { attributeMapping: data.attributeMapping } : {},
            ...data.attributeCondition ? { attributeCondition: data.attributeCondition } : {}
          };
        }),
        read("the custom role", async () => {
          const { data } = await iam.roles.get({ name: desired.trainerRole.name });
          return {
            permissions: data.includedPermissions ?? [],
            ...data.deleted ? { deleted: true } : {}
          };
        }),
        Promise.all(
          desired.serviceAccounts.map(
            (account) => read(`the service account ${account.email}`, async () => {
              const name = `projects/${project}/serviceAccounts/${account.email}`;
              await iam.serviceAccounts.get({ name });
              return account.email;
            })
          )
        )
      ]),
      [void 0, void 0, void 0, []]
    ),
    when(
      "storage.googleapis.com",
      () => read(`the bucket ${desired.bucket.name}`, async () => {
        const { data } = await clients.storage.buckets.get({ bucket: desired.bucket.name });
        return {
          location: data.location ?? "",
          uniformBucketLevelAccess: data.iamConfiguration?.uniformBucketLevelAccess?.enabled ?? false
        };
      }),
      void 0
    ),
    when(
      "artifactregistry.googleapis.com",
      () => readRepositories(desired, options.repositories, read),
      {}
    )
  ]);
  const serviceAccounts = accounts.filter((email) => email !== void 0);
  const policies = await readPolicies(clients, desired, options.repositories, read, {
    accounts: serviceAccounts,
    bucket: bucket !== void 0,
    repositories
  });
  const projectPolicy = policies[`projects/${project}`] ?? {};
  return {
    projectNumber,
    enabledApis,
    ...pool ? { pool } : {},
    ...provider ? { provider } : {},
    ...trainerRole ? { trainerRole } : {},
    serviceAccounts,
    ...bucket ? { bucket } : {},
    repositories,
    policies,
    // Google binds each service agent to its role when it creates it: an agent named in the
    // project policy exists. (No read-only API lists a project's agents.)
    serviceAgents: {
      vertex: mentions(projectPolicy, (0,_core_gcp_setup_desired_state_js__WEBPACK_IMPORTED_MODULE_0__/* .vertexAgent */ .Uz)(projectNumber)),
      vertexCode: mentions(projectPolicy, (0,_core_gcp_setup_desired_state_js__WEBPACK_IMPORTED_MODULE_0__/* .vertexCodeAgent */ .DA)(projectNumber))
    }
  };
}
async function readEnabledApis(clients, desired, read) {
  const parent = `projects/${desired.config.projectId}`;
  const result = await read("the enabled APIs", async () => {
    const { data } = await clients.usage.services.batchGet({
      parent,
      names: desired.apis.map((api) => `${parent}/services/${api}`)
    });
    return (data.services ?? []).filter((service) => service.state === "ENABLED").map((service) => service.config?.name ?? service.name?.split("/").pop() ?? "");
  });
  return result ?? [];
}
async function readRepositories(desired, registry, read) {
  if (!registry) return {};
  const formats = await Promise.all(
    desired.repositories.map((r) => read(`the repository ${r.id}`, () => registry.format(r.name)))
  );
  const found = {};
  desired.repositories.forEach((repository, index) => {
    const format = formats[index];
    if (format !== void 0) found[repository.id] = format;
  });
  return found;
}
async function readPolicies(clients, desired, registry, read, exists) {
  const resources = [...new Set(desired.bindings.map((binding) => binding.resource))].filter(
    (resource) => {
      if (resource.includes("/serviceAccounts/"))
        return exists.accounts.some((email) => resource.endsWith(`/${email}`));
      if (resource.startsWith("projects/_/buckets/")) return exists.bucket;
      if (resource.includes("/repositories/"))
        return desired.repositories.some((r) => r.name === resource && r.id in exists.repositories);
      return true;
    }
  );
  const policies = await Promise.all(
    resources.map(
      (resource) => read(
        `the IAM policy of ${resource}`,
        () => (0,_policies_js__WEBPACK_IMPORTED_MODULE_3__/* .policyEndpoint */ .Y)(clients, resource, registry).get()
      )
    )
  );
  const byResource = {};
  resources.forEach((resource, index) => {
    const policy = policies[index];
    if (policy) byResource[resource] = policy;
  });
  return byResource;
}
function lifecycle(state) {
  return state === "DELETED" ? "DELETED" : "ACTIVE";
}
function mentions(policy, email) {
  const member = `serviceAccount:${email}`.toLowerCase();
  return (policy.bindings ?? []).some((b) => b.members.some((m) => m.toLowerCase() === member));
}



/***/ }),

/***/ 9328:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ policyEndpoint)
/* harmony export */ });
const POLICY_VERSION = 3;
function policyEndpoint(clients, resource, repositories) {
  const bucket = /^projects\/_\/buckets\/([^/]+)$/.exec(resource)?.[1];
  if (bucket) return bucketPolicy(clients, bucket);
  if (/^projects\/[^/]+\/serviceAccounts\/[^/]+$/.test(resource)) {
    const accounts = clients.iam.projects.serviceAccounts;
    return {
      get: async () => policyOf(
        (await accounts.getIamPolicy({
          resource,
          "options.requestedPolicyVersion": POLICY_VERSION
        })).data
      ),
      set: async (policy) => policyOf(
        (await accounts.setIamPolicy({ resource, requestBody: { policy: wire(policy) } })).data
      )
    };
  }
  if (resource.includes("/repositories/")) {
    if (!repositories)
      throw new Error(`No Artifact Registry client was given to edit the policy of ${resource}`);
    return {
      get: () => repositories.getIamPolicy(resource),
      set: (policy) => repositories.setIamPolicy(resource, policy)
    };
  }
  const project = /^projects\/([^/]+)$/.exec(resource)?.[1];
  if (project) {
    const projects = clients.crm.projects;
    return {
      get: async () => policyOf(
        (await projects.getIamPolicy({
          resource: project,
          requestBody: { options: { requestedPolicyVersion: POLICY_VERSION } }
        })).data
      ),
      set: async (policy) => policyOf(
        (await projects.setIamPolicy({
          resource: project,
          requestBody: { policy: wire(policy) }
        })).data
      )
    };
  }
  throw new Error(`setup does not know how to edit the IAM policy of ${resource}`);
}
function bucketPolicy(clients, bucket) {
  const buckets = clients.storage.buckets;
  return {
    get: async () => policyOf(
      (await buckets.getIamPolicy({ bucket, optionsRequestedPolicyVersion: POLICY_VERSION })).data
    ),
    set: async (policy) => policyOf((await buckets.setIamPolicy({ bucket, requestBody: wire(policy, false) })).data)
  };
}
function wire(policy, withAudit = true) {
  return {
    bindings: (policy.bindings ?? []).map((b) => ({
      role: b.role,
      members: [...b.members],
      ...b.condition ? { condition: { ...b.condition } } : {}
    })),
    ...policy.etag ? { etag: policy.etag } : {},
    ...policy.version === void 0 ? {} : { version: policy.version },
    ...withAudit && policy.auditConfigs ? { auditConfigs: [...policy.auditConfigs] } : {}
  };
}
function policyOf(data) {
  const bindings = (data.bindings ?? []).map((raw) => {
    const b = raw;
    const condition = b.condition ? {
      expression: b.condition.expression ?? "",
      title: b.condition.title ?? "",
      ...b.condition.description ? { description: b.condition.description } : {}
    } : void 0;
    return { role: b.role ?? "", members: b.members ?? [], ...condition ? { condition } : {} };
  });
  return {
    bindings,
    ...data.etag ? { etag: data.etag } : {},
    ...typeof data.version === "number" ? { version: data.version } : {},
    ...data.auditConfigs ? { auditConfigs: data.auditConfigs } : {}
  };
}



/***/ }),

/***/ 4581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z_: () => (/* binding */ GCP_PROJECT_INPUTS),
  uq: () => (/* binding */ parseGcpProjectRequest),
  Pp: () => (/* binding */ planGcpProject)
});

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/git.js
var git = __webpack_require__(7443);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/http.js
var http = __webpack_require__(6323);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/github/repository-identity.js


async function lookUpRepository(repository, options) {
  const api = (options.apiUrl || "https://api.github.com").replace(/\/+$/, "");
  const headers = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "mlops-platform",
    ...options.token ? { authorization: `Bearer ${options.token}` } : {}
  };
  try {
    const found = await (0,http/* requestJson */.SS)(
      `read ${repository} from GitHub`,
      `${api}/repos/${repository}`,
      { headers }
    );
    return { fullName: found.full_name, id: String(found.id), ownerId: String(found.owner.id) };
  } catch (error) {
    if (error instanceof http/* HttpError */.j$ && (error.status === 404 || error.status === 401))
      throw new errors/* UserError */.yo(`GitHub does not show the repository ${repository} to this caller`, {
        fix: options.token ? "Check repository (OWNER/NAME) and that the token can read it." : "Check repository (OWNER/NAME); a private repository needs github-token (or GH_TOKEN) to be read, or give repository-id and repository-owner-id."
      });
    throw error;
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/setup-inputs.js + 1 modules
var setup_inputs = __webpack_require__(8353);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/gcp-project-inputs.js





const GCP_PROJECT_INPUTS = [
  {
    name: "project-id",
    description: "Google Cloud: the project ID. Defaults to the project the auth step exported (GOOGLE_CLOUD_PROJECT).",
    kind: "string",
    valueName: "ID"
  },
  {
    name: "region",
    description: "Google Cloud: the Vertex AI region, also of the bucket and repositories.",
    kind: "string",
    valueName: "REGION"
  },
  {
    name: "repository",
    description: `Google Cloud: the GitHub repository Google will trust, OWNER/NAME. Defaults to the workflow's repository (the CLI: the git remote "origin").`,
    kind: "string",
    valueName: "OWNER/NAME"
  },
  {
    name: "repository-id",
    description: "Google Cloud: GitHub's numeric id of the repository. Read from GitHub (or GITHUB_REPOSITORY_ID) when not given.",
    kind: "string",
    valueName: "ID"
  },
  {
    name: "repository-owner-id",
    description: "Google Cloud: GitHub's numeric id of the repository's owner. Read from GitHub (or GITHUB_REPOSITORY_OWNER_ID) when not given.",
    kind: "string",
    valueName: "ID"
  },
  {
    name: "environment",
    description: `Google Cloud: the GitHub environment of deploy jobs; only its jobs may act as the deploy account. Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.environment}.`,
    kind: "string",
    valueName: "NAME"
  },
  {
    name: "branch",
    description: "Google Cloud: admit only tokens of this branch (pull-request runs are then refused). Default: any ref.",
    kind: "string",
    valueName: "BRANCH"
  },
  {
    name: "bucket",
    description: "Google Cloud: the bucket of pipeline roots (a name or gs:// URI). Default: PROJECT-mlops.",
    kind: "string",
    valueName: "BUCKET"
  },
  {
    name: "docker-repository",
    description: `Google Cloud: the Artifact Registry Docker repository of the images. Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.dockerRepository}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "kfp-repository",
    description: `Google Cloud: the Artifact Registry Kubeflow Pipelines repository of templates. Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.kfpRepository}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "training-service-account",
    description: `Google Cloud: the account workflows train as (an id or its email); it cannot deploy. Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.trainingServiceAccount}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "deploy-service-account",
    description: `Google Cloud: the account deploy jobs act as (an id or its email). Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.deployServiceAccount}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "pipeline-service-account",
    description: `Google Cloud: the account Vertex AI pipeline runs act as (an id or its email). Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.pipelineServiceAccount}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "pool",
    description: `Google Cloud: the workload identity pool id. Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.pool}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "provider",
    description: `Google Cloud: the workload identity provider id (or its full resource name, which names the pool too). Default: ${setup_inputs/* SETUP_DEFAULTS */.Dh.provider}.`,
    kind: "string",
    valueName: "ID"
  },
  {
    name: "github-token",
    description: `Google Cloud: a GitHub token, to read a private repository's ids (and, for setup, to write the workflow values as repository variables: "Variables: write"). The CLI also reads GH_TOKEN or GITHUB_TOKEN.`,
    kind: "string",
    valueName: "TOKEN",
    secret: true
  }
];
const PLACEHOLDER = { repository: "owner/name", repositoryId: "1", repositoryOwnerId: "1" };
function parseGcpProjectRequest(raw, context, command) {
  const text = (name) => raw.string(name)?.trim() || void 0;
  const token = text("github-token") ?? (context.env.GH_TOKEN || context.env.GITHUB_TOKEN);
  if (token) context.host.maskSecret(token, "github-token");
  const project = (0,google_inputs/* projectInput */.Yg)(raw, context);
  if (!project)
    throw new errors/* UserError */.yo(`${command} needs a project`, {
      fix: "Set project-id (the project ID, as gcloud projects list shows it)."
    });
  const region = text("region");
  if (!region)
    throw new errors/* UserError */.yo(`${command} needs a region`, {
      fix: "Set region to the Vertex AI region, e.g. us-central1 or europe-west4."
    });
  const inputs = {
    projectId: project,
    region,
    repository: text("repository") ?? context.env.GITHUB_REPOSITORY,
    repositoryId: text("repository-id"),
    repositoryOwnerId: text("repository-owner-id"),
    environment: text("environment"),
    branch: text("branch"),
    bucket: text("bucket"),
    dockerRepository: text("docker-repository"),
    kfpRepository: text("kfp-repository"),
    trainingServiceAccount: text("training-service-account"),
    deployServiceAccount: text("deploy-service-account"),
    pipelineServiceAccount: text("pipeline-service-account"),
    pool: text("pool"),
    provider: text("provider")
  };
  (0,setup_inputs/* resolveSetupInputs */.nr)(
    {
      ...inputs,
      repository: inputs.repository ?? PLACEHOLDER.repository,
      repositoryId: inputs.repositoryId ?? PLACEHOLDER.repositoryId,
      repositoryOwnerId: inputs.repositoryOwnerId ?? PLACEHOLDER.repositoryOwnerId
    },
    command
  );
  return { inputs, githubToken: token || void 0 };
}
async function planGcpProject(request, context, command) {
  const { inputs } = request;
  const repository = inputs.repository ?? (0,git/* remoteRepository */.D)(context.cwd);
  if (!repository)
    throw new errors/* UserError */.yo(`${command} needs the GitHub repository Google Cloud will trust`, {
      fix: 'Set repository to OWNER/NAME (a workflow defaults to its own; the CLI reads the git remote "origin").'
    });
  const identity = await repositoryIdentity(repository, request, context);
  return (0,setup_inputs/* resolveSetupInputs */.nr)({ ...inputs, ...identity }, command);
}
async function repositoryIdentity(repository, request, context) {
  const { repositoryId, repositoryOwnerId } = request.inputs;
  if (repositoryId && repositoryOwnerId) return { repository, repositoryId, repositoryOwnerId };
  const { env } = context;
  if (env.GITHUB_REPOSITORY?.toLowerCase() === repository.toLowerCase() && env.GITHUB_REPOSITORY_ID && env.GITHUB_REPOSITORY_OWNER_ID)
    return {
      repository: env.GITHUB_REPOSITORY,
      repositoryId: repositoryId ?? env.GITHUB_REPOSITORY_ID,
      repositoryOwnerId: repositoryOwnerId ?? env.GITHUB_REPOSITORY_OWNER_ID
    };
  try {
    const found = await lookUpRepository(repository, {
      token: request.githubToken,
      apiUrl: env.GITHUB_API_URL
    });
    return {
      repository: found.fullName,
      repositoryId: repositoryId ?? found.id,
      repositoryOwnerId: repositoryOwnerId ?? found.ownerId
    };
  } catch (error) {
    if (!(error instanceof errors/* RemoteFailure */.p3)) throw error;
    throw new errors/* UserError */.yo(`${error.message}, to read the ids of ${repository}`, {
      fix: "Give repository-id and repository-owner-id (api.github.com/repos/OWNER/NAME shows them as .id and .owner.id), or run where GitHub is reachable.",
      cause: error
    });
  }
}



/***/ }),

/***/ 59:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ REQUIRED_APIS),
/* harmony export */   DA: () => (/* binding */ vertexCodeAgent),
/* harmony export */   Iq: () => (/* binding */ desiredState),
/* harmony export */   Uz: () => (/* binding */ vertexAgent),
/* harmony export */   s0: () => (/* binding */ workflowValues)
/* harmony export */ });
/* unused harmony export UNKNOWN_PROJECT_NUMBER */
/* harmony import */ var _permission_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3501);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2265);
/* harmony import */ var _setup_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8353);
/* harmony import */ var _workload_identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1305);




const UNKNOWN_PROJECT_NUMBER = "PROJECT_NUMBER";
const REQUIRED_APIS = [
  "serviceusage.googleapis.com",
  "cloudresourcemanager.googleapis.com",
  "iam.googleapis.com",
  "iamcredentials.googleapis.com",
  "sts.googleapis.com",
  "aiplatform.googleapis.com",
  "artifactregistry.googleapis.com",
  "storage.googleapis.com"
];
function vertexAgent(projectNumber) {
  return `service-${projectNumber}@gcp-sa-aiplatform.iam.gserviceaccount.com`;
}
function vertexCodeAgent(projectNumber) {
  return `service-${projectNumber}@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`;
}
function desiredState(config, projectNumber = UNKNOWN_PROJECT_NUMBER) {
  const project = config.projectId;
  const account = (key, id, displayName) => ({
    key,
    id,
    email: (0,_setup_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceAccountEmail */ .de)(id, project),
    displayName
  });
  const serviceAccounts = [
    account("training", config.trainingServiceAccount, "mlops training (builds, runs, schedules)"),
    account(
      "deploy",
      config.deployServiceAccount,
      `mlops deploy (${config.environment} environment only)`
    ),
    account("pipeline", config.pipelineServiceAccount, "mlops pipeline runs")
  ];
  const emailOf = (key) => serviceAccounts.find((a) => a.key === key)?.email ?? "";
  const repository = (id, format) => ({
    id,
    name: `projects/${project}/locations/${config.region}/repositories/${id}`,
    format
  });
  const repositories = [
    repository(config.dockerRepository, "DOCKER"),
    repository(config.kfpRepository, "KFP")
  ];
  const github = (0,_workload_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .githubMembers */ .Ld)(config, projectNumber);
  const provider = (0,_workload_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .desiredProvider */ .sd)(config, projectNumber);
  const resourceOf = {
    project: `projects/${project}`,
    bucket: `projects/_/buckets/${config.bucket}`,
    "docker-repository": repositories[0]?.name ?? "",
    "kfp-repository": repositories[1]?.name ?? "",
    "training-account": `projects/${project}/serviceAccounts/${emailOf("training")}`,
    "deploy-account": `projects/${project}/serviceAccounts/${emailOf("deploy")}`,
    "pipeline-account": `projects/${project}/serviceAccounts/${emailOf("pipeline")}`
  };
  const memberOf = {
    "github-repository": github.repository,
    "github-deploy-environment": github.deployEnvironment,
    training: `serviceAccount:${emailOf("training")}`,
    deploy: `serviceAccount:${emailOf("deploy")}`,
    pipeline: `serviceAccount:${emailOf("pipeline")}`,
    "vertex-agent": `serviceAccount:${vertexAgent(projectNumber)}`,
    "vertex-code-agent": `serviceAccount:${vertexCodeAgent(projectNumber)}`
  };
  const bindings = (0,_permission_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .grants */ .gu)(project).map(({ principal, scope, role }) => ({
    scope,
    resource: resourceOf[scope],
    role,
    member: memberOf[principal],
    principal
  }));
  return {
    config,
    projectNumber,
    apis: REQUIRED_APIS,
    pool: {
      id: config.pool,
      name: (0,_workload_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .poolName */ .YX)(projectNumber, config.pool),
      displayName: "GitHub Actions"
    },
    provider: {
      ...provider,
      id: config.provider,
      name: provider.name ?? "",
      displayName: `GitHub ${config.repository}`.slice(0, 32)
    },
    trainerRole: {
      id: _permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .TRAINER_ROLE_ID */ .J,
      name: `projects/${project}/roles/${_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .TRAINER_ROLE_ID */ .J}`,
      title: "mlops training",
      permissions: (0,_permission_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .trainerRolePermissions */ .E8)()
    },
    serviceAccounts,
    bucket: {
      name: config.bucket,
      location: config.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced"
    },
    repositories,
    bindings
  };
}
function workflowValues(desired) {
  const { config } = desired;
  const email = (key) => desired.serviceAccounts.find((a) => a.key === key)?.email ?? "";
  return {
    GCP_PROJECT: config.projectId,
    GCP_REGION: config.region,
    GCP_WORKLOAD_IDENTITY_PROVIDER: desired.provider.name,
    GCP_SERVICE_ACCOUNT: email("training"),
    GCP_DEPLOY_SERVICE_ACCOUNT: email("deploy"),
    GCP_PIPELINE_SERVICE_ACCOUNT: email("pipeline"),
    GCP_PIPELINE_ROOT: `gs://${config.bucket}/pipeline-root`,
    MLOPS_IMAGE_REPOSITORY: config.dockerRepository
  };
}



/***/ }),

/***/ 9971:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ missingMembers),
/* harmony export */   p: () => (/* binding */ addMembers)
/* harmony export */ });
const CONDITIONAL_VERSION = 3;
function missingMembers(policy, wanted) {
  const missing = [];
  for (const want of wanted) {
    const granted = (policy.bindings ?? []).some(
      (binding) => binding.role === want.role && binding.condition === void 0 && binding.members.some((member) => sameMember(member, want.member))
    );
    const listed = missing.some((m) => m.role === want.role && sameMember(m.member, want.member));
    if (!granted && !listed) missing.push(want);
  }
  return missing;
}
function addMembers(policy, wanted) {
  const missing = missingMembers(policy, wanted);
  if (missing.length === 0) return void 0;
  const bindings = [...policy.bindings ?? []];
  for (const want of missing) {
    const index = bindings.findIndex((b) => b.role === want.role && b.condition === void 0);
    const existing = bindings[index];
    if (existing) bindings[index] = { ...existing, members: [...existing.members, want.member] };
    else bindings.push({ role: want.role, members: [want.member] });
  }
  const conditional = bindings.some((b) => b.condition !== void 0);
  const version = conditional ? CONDITIONAL_VERSION : policy.version;
  return { ...policy, bindings, ...version === void 0 ? {} : { version } };
}
function sameMember(a, b) {
  if (a === b) return true;
  const emailKind = /^(user|serviceAccount|group|domain):/;
  return emailKind.test(a) && emailKind.test(b) && a.toLowerCase() === b.toLowerCase();
}



/***/ }),

/***/ 8049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ EMPTY_PROJECT)
/* harmony export */ });
const EMPTY_PROJECT = {
  enabledApis: [],
  serviceAccounts: [],
  repositories: {},
  policies: {},
  serviceAgents: { vertex: false, vertexCode: false }
};



/***/ }),

/***/ 3501:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ trainerRolePermissions),
/* harmony export */   gu: () => (/* binding */ grants),
/* harmony export */   sl: () => (/* binding */ grantedRole),
/* harmony export */   zW: () => (/* binding */ explainMissingPermission)
/* harmony export */ });
/* unused harmony export requirementsOf */
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2265);

function trainerRolePermissions() {
  return unique(_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUIREMENTS */ .d.filter((r) => r.viaCustomRole).flatMap((r) => r.permissions));
}
function grantedRole(requirement, projectId) {
  return requirement.viaCustomRole ? `projects/${projectId}/roles/${_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAINER_ROLE_ID */ .J}` : requirement.role;
}
function requirementsOf(command) {
  return REQUIREMENTS.filter((r) => r.command === command);
}
function grants(projectId) {
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  for (const requirement of _permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUIREMENTS */ .d) {
    if (requirement.principal === "setup") continue;
    const role = grantedRole(requirement, projectId);
    const key = `${requirement.principal} ${requirement.scope} ${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ principal: requirement.principal, scope: requirement.scope, role });
  }
  return result;
}
function explainMissingPermission(permission, principal) {
  const rows = _permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUIREMENTS */ .d.filter(
    (r) => r.permissions.includes(permission) && (principal === void 0 || r.principal === principal)
  );
  const [first] = rows;
  if (!first) return void 0;
  const commands = unique(rows.map((r) => r.command));
  const role = first.viaCustomRole ? `${_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAINER_ROLE_ID */ .J} (custom; smallest predefined: ${first.role})` : first.role;
  return {
    role: first.role,
    scope: first.scope,
    commands,
    message: `missing permission ${permission} (needed by ${commands.join(", ")}) \u2192 grant ${role} on the ${first.scope} to the ${first.principal} principal`
  };
}
function unique(values) {
  return [...new Set(values)];
}



/***/ }),

/***/ 2265:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ TRAINER_ROLE_ID),
/* harmony export */   d: () => (/* binding */ REQUIREMENTS)
/* harmony export */ });
const TRAINER_ROLE_ID = "mlopsTrainer";
const IAM_DATASET = "iann0036/iam-dataset gcp/roles";
const REQUIREMENTS = [
  {
    command: "auth",
    operation: "exchange the GitHub token and impersonate the training account",
    principal: "github-repository",
    scope: "training-account",
    permissions: ["iam.serviceAccounts.getAccessToken"],
    role: "roles/iam.workloadIdentityUser",
    source: "google-github-actions/auth README; cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines"
  },
  {
    command: "auth",
    operation: "impersonate the deploy account (jobs in the deploy environment only)",
    principal: "github-deploy-environment",
    scope: "deploy-account",
    permissions: ["iam.serviceAccounts.getAccessToken"],
    role: "roles/iam.workloadIdentityUser",
    source: 'docs/google-cloud.md "Why the environment binding"'
  },
  {
    command: "build",
    operation: "push images and move their tags",
    principal: "training",
    scope: "docker-repository",
    permissions: [
      "artifactregistry.repositories.uploadArtifacts",
      "artifactregistry.repositories.downloadArtifacts",
      "artifactregistry.tags.create",
      "artifactregistry.tags.update"
    ],
    role: "roles/artifactregistry.writer",
    source: `${IAM_DATASET}/artifactregistry.writer.json; cloud.google.com/artifact-registry/docs/access-control`
  },
  {
    command: "run --vertex",
    operation: "submit, watch and cancel a PipelineJob",
    principal: "training",
    scope: "project",
    permissions: [
      "aiplatform.pipelineJobs.create",
      "aiplatform.pipelineJobs.get",
      "aiplatform.pipelineJobs.list",
      "aiplatform.pipelineJobs.cancel",
      "aiplatform.metadataStores.get"
    ],
    role: "roles/aiplatform.user",
    viaCustomRole: true,
    source: "iam-dataset gcp/map.json (pipelineJobs.create); cloud.google.com/vertex-ai/docs/general/access-control"
  },
  {
    command: "run --vertex",
    operation: "run the PipelineJob as the pipeline account",
    principal: "training",
    scope: "pipeline-account",
    permissions: ["iam.serviceAccounts.actAs"],
    role: "roles/iam.serviceAccountUser",
    source: "configure-project page; python-aiplatform #1073"
  },
  {
    command: "run --vertex",
    operation: "write the compiled pipeline and run record under the pipeline root",
    principal: "training",
    scope: "bucket",
    permissions: ["storage.objects.create", "storage.objects.get", "storage.objects.list"],
    role: "roles/storage.objectUser",
    source: `${IAM_DATASET}/storage.objectUser.json; docs/google-cloud.md`
  },
  {
    command: "run --vertex",
    operation: "pipeline tasks read and write artifacts under the pipeline root",
    principal: "pipeline",
    scope: "bucket",
    permissions: [
      "storage.objects.create",
      "storage.objects.get",
      "storage.objects.list",
      "storage.objects.delete"
    ],
    role: "roles/storage.objectUser",
    source: "Tabular Workflows service-accounts page; statmike/vertex-ai-mlops #60"
  },
  {
    command: "run --vertex",
    operation: "the pipeline service reads the metadata store as the pipeline account",
    principal: "pipeline",
    scope: "project",
    permissions: ["aiplatform.metadataStores.get"],
    role: "roles/aiplatform.user",
    viaCustomRole: true,
    source: "python-aiplatform #1880"
  },
  {
    command: "run --vertex",
    operation: "tasks launch CustomJobs that run as the pipeline account",
    principal: "pipeline",
    scope: "pipeline-account",
    permissions: ["iam.serviceAccounts.actAs"],
    role: "roles/iam.serviceAccountUser",
    source: "kubeflow/pipelines GCPC custom_job component.py (service_account)"
  },
  {
    command: "run --vertex",
    operation: "pull task images",
    principal: "vertex-code-agent",
    scope: "docker-repository",
    permissions: ["artifactregistry.repositories.downloadArtifacts"],
    role: "roles/artifactregistry.reader",
    source: "zenml #3766; custom-service-account page"
  },
  {
    command: "deploy",
    operation: "pull the serving image",
    principal: "vertex-agent",
    scope: "docker-repository",
    permissions: ["artifactregistry.repositories.downloadArtifacts"],
    role: "roles/artifactregistry.reader",
    source: "cloud.google.com/vertex-ai/docs/general/access-control#service-agents (which agent pulls serving images is UNCONFIRMED: both are granted)"
  },
  {
    command: "schedule",
    operation: "resolve a template tag into a version",
    principal: "vertex-code-agent",
    scope: "kfp-repository",
    permissions: ["artifactregistry.repositories.downloadArtifacts"],
    role: "roles/artifactregistry.reader",
    source: "python-aiplatform #2398"
  },
  {
    command: "schedule",
    operation: "read templates for scheduled runs",
    principal: "vertex-agent",
    scope: "kfp-repository",
    permissions: ["artifactregistry.repositories.downloadArtifacts"],
    role: "roles/artifactregistry.reader",
    source: "cloud.google.com/vertex-ai/docs/general/access-control#service-agents"
  },
  {
    command: "schedule",
    operation: "create, update and pause the schedule",
    principal: "training",
    scope: "project",
    permissions: [
      "aiplatform.schedules.create",
      "aiplatform.schedules.get",
      "aiplatform.schedules.list",
      "aiplatform.schedules.update"
    ],
    role: "roles/aiplatform.user",
    viaCustomRole: true,
    source: "vertex-ai/docs/pipelines/schedule-pipeline-run"
  },
  {
    command: "gate",
    operation: "read the champion model and its evaluation",
    principal: "training",
    scope: "project",
    permissions: [
      "aiplatform.models.get",
      "aiplatform.models.list",
      "aiplatform.modelEvaluations.get",
      "aiplatform.modelEvaluations.list"
    ],
    role: "roles/aiplatform.user",
    viaCustomRole: true,
    source: "docs/google-cloud.md (mlopsTrainer)"
  },
  {
    command: "publish",
    operation: "upload a pipeline template and tag it",
    principal: "training",
    scope: "kfp-repository",
    permissions: [
      "artifactregistry.kfpartifacts.create",
      "artifactregistry.tags.create",
      "artifactregistry.tags.update"
    ],
    role: "roles/artifactregistry.writer",
    source: `${IAM_DATASET}/artifactregistry.writer.json (kfpartifacts.create)`
  },
  {
    command: "deploy",
    operation: "upload the model version, import its evaluation, move the champion alias",
    principal: "deploy",
    scope: "project",
    permissions: [
      "aiplatform.models.upload",
      "aiplatform.models.update",
      "aiplatform.models.get",
      "aiplatform.modelEvaluations.import"
    ],
    role: "roles/aiplatform.user",
    source: "REST v1 models.upload, mergeVersionAliases, evaluations.import"
  },
  {
    command: "deploy",
    operation: "create the endpoint, deploy, split traffic, smoke-test, roll back",
    principal: "deploy",
    scope: "project",
    permissions: [
      "aiplatform.endpoints.create",
      "aiplatform.endpoints.get",
      "aiplatform.endpoints.deploy",
      "aiplatform.endpoints.undeploy",
      "aiplatform.endpoints.update",
      "aiplatform.endpoints.predict"
    ],
    role: "roles/aiplatform.user",
    source: "iam-dataset gcp/map.json (deployModel \u2192 aiplatform.endpoints.deploy)"
  },
  {
    command: "deploy",
    operation: "read the serving image's labels",
    principal: "deploy",
    scope: "docker-repository",
    permissions: ["artifactregistry.repositories.downloadArtifacts"],
    role: "roles/artifactregistry.reader",
    source: "docs/google-cloud.md"
  },
  {
    command: "deploy",
    operation: "hash the model files before uploading",
    principal: "deploy",
    scope: "bucket",
    permissions: ["storage.objects.get", "storage.objects.list"],
    role: "roles/storage.objectViewer",
    source: "src/adapters/gcp/cloud-storage.ts (403 fix); docs/google-cloud.md"
  },
  ...setupRequirements()
];
function setupRequirements() {
  const setup = (operation, permissions, role) => ({
    command: "setup gcp",
    operation,
    principal: "setup",
    scope: "project",
    permissions,
    role,
    source: "the setup calls' REST reference pages and terraform-google-modules gh-oidc README"
  });
  return [
    setup(
      "enable APIs",
      ["serviceusage.services.enable", "serviceusage.services.get"],
      "roles/serviceusage.serviceUsageAdmin"
    ),
    setup(
      "create the workload identity pool and provider",
      [
        "iam.googleapis.com/workloadIdentityPools.create",
        "iam.googleapis.com/workloadIdentityPoolProviders.create"
      ],
      "roles/iam.workloadIdentityPoolAdmin"
    ),
    setup(
      "create the service accounts",
      ["iam.serviceAccounts.create"],
      "roles/iam.serviceAccountCreator"
    ),
    setup(
      "bind roles on the service accounts",
      ["iam.serviceAccounts.getIamPolicy", "iam.serviceAccounts.setIamPolicy"],
      "roles/iam.serviceAccountAdmin"
    ),
    setup(
      "create the custom training role",
      ["iam.roles.create", "iam.roles.update"],
      "roles/iam.roleAdmin"
    ),
    setup(
      "bind project roles",
      ["resourcemanager.projects.getIamPolicy", "resourcemanager.projects.setIamPolicy"],
      "roles/resourcemanager.projectIamAdmin"
    ),
    setup(
      "create the bucket and bind on it",
      ["storage.buckets.create", "storage.buckets.setIamPolicy"],
      "roles/storage.admin"
    ),
    setup(
      "create the repositories and bind on them",
      ["artifactregistry.repositories.create", "artifactregistry.repositories.setIamPolicy"],
      "roles/artifactregistry.admin"
    )
  ];
}



/***/ }),

/***/ 8353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dh: () => (/* binding */ SETUP_DEFAULTS),
  nr: () => (/* binding */ resolveSetupInputs),
  de: () => (/* binding */ serviceAccountEmail)
});

// UNUSED EXPORTS: VERTEX_PIPELINES_REGIONS

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/init/configuration.js
var configuration = __webpack_require__(7001);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/name-rules.js

const VERTEX_PIPELINES_REGIONS = /* @__PURE__ */ new Set([
  "us-central1",
  "us-east1",
  "us-east4",
  "us-east5",
  "us-south1",
  "us-west1",
  "us-west2",
  "us-west3",
  "us-west4",
  "northamerica-northeast1",
  "northamerica-northeast2",
  "southamerica-east1",
  "europe-central2",
  "europe-north1",
  "europe-southwest1",
  "europe-west1",
  "europe-west2",
  "europe-west3",
  "europe-west4",
  "europe-west6",
  "europe-west8",
  "europe-west9",
  "europe-west12",
  "me-central1",
  "me-central2",
  "me-west1",
  "asia-east1",
  "asia-east2",
  "asia-northeast1",
  "asia-northeast2",
  "asia-northeast3",
  "asia-south1",
  "asia-southeast1",
  "asia-southeast2",
  "australia-southeast1",
  "australia-southeast2",
  "africa-south1"
]);
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SERVICE_ACCOUNT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REPOSITORY_ID = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const POOL_ID = /^[a-z0-9-]{4,32}$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const ENVIRONMENT = /^[^'"\\\p{Cc}]{1,255}$/u;
const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*\/\.)[^\s~^:?*[\\'"\p{Cc}]{1,255}$/u;
function nameRule(valid, what, fix) {
  return (value) => valid(value) ? void 0 : { problem: `"${(0,errors/* excerpt */.Kb)(value)}" is not ${what}`, fix };
}
const projectId = nameRule(
  (value) => PROJECT_ID.test(value) && !value.includes("--"),
  "a project id",
  "Give the project ID (not its name or number): 6\u201330 characters, lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (gcloud projects list)."
);
const region = (value) => {
  if (VERTEX_PIPELINES_REGIONS.has(value)) return void 0;
  const looksLikeRegion = /^[a-z]+-[a-z]+\d+$/.test(value);
  return {
    problem: looksLikeRegion ? `"${value}" has no Vertex AI Pipelines` : `"${(0,errors/* excerpt */.Kb)(value)}" is not a region (a multi-region or zone will not do)`,
    fix: `Choose a region where Vertex AI Pipelines runs, e.g. us-central1 or europe-west4 (cloud.google.com/vertex-ai/docs/general/locations). If Google added ${looksLikeRegion ? value : "it"} since, add it to VERTEX_PIPELINES_REGIONS in src/core/gcp-setup/name-rules.ts.`
  };
};
const bucket = (value) => {
  const fix = 'Bucket names are 3\u201363 characters of lowercase letters, digits, "-", "_" and ".", start and end with a letter or digit, do not start with "goog", contain no "google", and are not IP addresses.';
  const said = (why) => ({ problem: `"${(0,errors/* excerpt */.Kb)(value)}" ${why}`, fix });
  if (value.length < 3 || value.length > 63) return said("is not 3\u201363 characters long");
  if (!/^[a-z0-9._-]+$/.test(value)) return said("has characters other than a-z 0-9 - _ .");
  if (!/^[a-z0-9].*[a-z0-9]$/.test(value))
    return said("does not start and end with a letter or digit");
  if (value.startsWith("goog")) return said('starts with "goog", which Google reserves');
  if (/g[o0][o0]gle/.test(value))
    return said('contains "google" or a look-alike, which Google refuses');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return said("is an IP address");
  if (value.includes("..") || value.includes(".-") || value.includes("-."))
    return said("has an empty or hyphen-edged part between dots");
  return void 0;
};
const repository = (value) => {
  const [owner = "", name = "", ...rest] = value.split("/");
  if (rest.length === 0 && GITHUB_OWNER.test(owner) && GITHUB_NAME.test(name) && !/^\.+$/.test(name))
    return void 0;
  return {
    problem: `"${(0,errors/* excerpt */.Kb)(value)}" is not a GitHub repository OWNER/NAME`,
    fix: "Give the repository as OWNER/NAME, e.g. acme/ml (not a URL); by default it is read from the git remote."
  };
};
const numericId = (what, api) => nameRule(
  (value) => /^[1-9]\d{0,19}$/.test(value),
  `GitHub's numeric ${what} id`,
  `Give the number GitHub assigns (${api}); in a workflow it is in GITHUB_REPOSITORY_ID / GITHUB_REPOSITORY_OWNER_ID.`
);
const serviceAccountId = nameRule(
  (value) => SERVICE_ACCOUNT_ID.test(value),
  "a service account id",
  "Give the part before @: 6\u201330 characters, lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit."
);
const repositoryId = nameRule(
  (value) => REPOSITORY_ID.test(value),
  "an Artifact Registry repository id",
  "Give 1\u201363 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit."
);
const poolId = nameRule(
  (value) => POOL_ID.test(value) && !value.startsWith("gcp-"),
  "a workload identity pool or provider id",
  'Give 4\u201332 lowercase letters, digits and hyphens, not starting with "gcp-" (reserved by Google).'
);
const environment = nameRule(
  (value) => ENVIRONMENT.test(value),
  "a GitHub environment name",
  "Give the environment as named in Settings \u2192 Environments (at most 255 characters, no quotes or backslashes)."
);
const branch = nameRule(
  (value) => BRANCH.test(value) && !value.startsWith("refs/"),
  "a branch name",
  "Give the branch name without refs/heads/, e.g. main."
);


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/setup-inputs.js




const IMAGE_REPOSITORY_DEFAULT = configuration/* CONFIGURATION */.j.find((entry) => entry.name === "MLOPS_IMAGE_REPOSITORY")?.default ?? "ml-images";
const SETUP_DEFAULTS = {
  environment: "production",
  dockerRepository: IMAGE_REPOSITORY_DEFAULT,
  kfpRepository: "mlops-pipelines",
  trainingServiceAccount: "mlops-training",
  deployServiceAccount: "mlops-deploy",
  pipelineServiceAccount: "mlops-pipelines",
  pool: "github",
  provider: "mlops",
  bucketSuffix: "-mlops"
};
function serviceAccountEmail(id, projectId) {
  return `${id}@${projectId}.iam.gserviceaccount.com`;
}
function shortForms(inputs, problems) {
  const project = inputs.projectId.trim();
  const accountId = (input, value) => {
    const email = value?.trim();
    if (!email?.includes("@")) return value;
    const [id = "", domain = ""] = email.split("@");
    if (domain === `${project}.iam.gserviceaccount.com`) return id;
    problems.push({
      input,
      problem: `"${(0,errors/* excerpt */.Kb)(email)}" is not a service account of project ${project}`,
      fix: `Give an account id, or an email ending @${project}.iam.gserviceaccount.com: setup and doctor work within one project.`
    });
    return void 0;
  };
  const bucket = /^gs:\/\/([^/]*)/.exec(inputs.bucket?.trim() ?? "")?.[1] ?? inputs.bucket;
  const docker = inputs.dockerRepository?.trim() ?? "";
  const dockerId = docker.includes("/") ? docker.slice(docker.lastIndexOf("/") + 1) : docker;
  const provider = /^(?:\/\/iam\.googleapis\.com\/)?projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(
    inputs.provider?.trim() ?? ""
  );
  const { trainingServiceAccount, deployServiceAccount, pipelineServiceAccount, ...rest } = inputs;
  const training = accountId("training-service-account", trainingServiceAccount);
  const deploy = accountId("deploy-service-account", deployServiceAccount);
  const pipeline = accountId("pipeline-service-account", pipelineServiceAccount);
  return {
    ...rest,
    ...bucket === void 0 ? {} : { bucket },
    ...docker ? { dockerRepository: dockerId } : {},
    ...provider ? { providerProjectNumber: provider[1], pool: provider[2], provider: provider[3] } : {},
    ...training === void 0 ? {} : { trainingServiceAccount: training },
    ...deploy === void 0 ? {} : { deployServiceAccount: deploy },
    ...pipeline === void 0 ? {} : { pipelineServiceAccount: pipeline }
  };
}
function resolveSetupInputs(given, command = "setup gcp") {
  const problems = [];
  const inputs = shortForms(given, problems);
  const check = (input, value, rule) => {
    const trimmed = (value ?? "").trim();
    const found = rule(trimmed);
    if (found) problems.push({ input, ...found });
    return trimmed;
  };
  const optional = (value) => value === void 0 || value.trim() === "" ? void 0 : value;
  const named = (input, given2, fallback, rule) => check(input, optional(given2) ?? fallback, rule);
  const project = check("project-id", inputs.projectId, projectId);
  const bucketName = optional(inputs.bucket) ?? `${project}${SETUP_DEFAULTS.bucketSuffix}`;
  const checkBucket = optional(inputs.bucket) !== void 0 || problems.length === 0;
  const repo = check("repository", inputs.repository, repository);
  const [owner = "", name = ""] = repo.split("/");
  const branchName = optional(inputs.branch);
  const config = {
    projectId: project,
    region: check("region", inputs.region, region),
    owner,
    name,
    repository: repo,
    repositoryId: check(
      "repository-id",
      inputs.repositoryId,
      numericId("repository", "GET /repos/OWNER/NAME \u2192 .id")
    ),
    repositoryOwnerId: check(
      "repository-owner-id",
      inputs.repositoryOwnerId,
      numericId("owner", "GET /repos/OWNER/NAME \u2192 .owner.id")
    ),
    environment: named(
      "environment",
      inputs.environment,
      SETUP_DEFAULTS.environment,
      environment
    ),
    branch: branchName === void 0 ? void 0 : check("branch", branchName, branch),
    bucket: checkBucket ? check("bucket", bucketName, bucket) : bucketName,
    dockerRepository: named(
      "docker-repository",
      inputs.dockerRepository,
      SETUP_DEFAULTS.dockerRepository,
      repositoryId
    ),
    kfpRepository: named(
      "kfp-repository",
      inputs.kfpRepository,
      SETUP_DEFAULTS.kfpRepository,
      repositoryId
    ),
    trainingServiceAccount: named(
      "training-service-account",
      inputs.trainingServiceAccount,
      SETUP_DEFAULTS.trainingServiceAccount,
      serviceAccountId
    ),
    deployServiceAccount: named(
      "deploy-service-account",
      inputs.deployServiceAccount,
      SETUP_DEFAULTS.deployServiceAccount,
      serviceAccountId
    ),
    pipelineServiceAccount: named(
      "pipeline-service-account",
      inputs.pipelineServiceAccount,
      SETUP_DEFAULTS.pipelineServiceAccount,
      serviceAccountId
    ),
    pool: named("pool", inputs.pool, SETUP_DEFAULTS.pool, poolId),
    provider: named("provider", inputs.provider, SETUP_DEFAULTS.provider, poolId),
    ...inputs.providerProjectNumber ? { providerProjectNumber: inputs.providerProjectNumber } : {}
  };
  crossChecks(config, problems);
  if (problems.length === 1 && problems[0]) {
    const [only] = problems;
    throw new errors/* UserError */.yo(`${only.input}: ${only.problem}`, { fix: only.fix });
  }
  if (problems.length > 1)
    throw new errors/* UserError */.yo(`${problems.length} inputs of ${command} are invalid`, {
      details: problems.map((p) => `${p.input}: ${p.problem}. Fix: ${p.fix}`),
      fix: "Correct each input listed above."
    });
  return config;
}
function crossChecks(config, problems) {
  const accounts = [
    config.trainingServiceAccount,
    config.deployServiceAccount,
    config.pipelineServiceAccount
  ];
  if (new Set(accounts).size < accounts.length)
    problems.push({
      input: "service accounts",
      problem: `the training, deploy and pipeline accounts must differ (${accounts.join(", ")})`,
      fix: "Give each its own id: a training job must not be able to act as the deploy account."
    });
  if (config.dockerRepository === config.kfpRepository)
    problems.push({
      input: "kfp-repository",
      problem: `"${config.kfpRepository}" is also the docker repository`,
      fix: "A repository has one format: give the Kubeflow Pipelines repository its own id."
    });
  const subject = `repo:${config.repository}:environment:${config.environment}`;
  if (new TextEncoder().encode(subject).length > 127)
    problems.push({
      input: "environment",
      problem: `the deploy subject "${(0,errors/* excerpt */.Kb)(subject, 80)}" is over Google's 127-byte limit for mapped attributes`,
      fix: "Use a shorter environment name."
    });
}



/***/ }),

/***/ 1305:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oX: () => (/* binding */ GITHUB_ISSUER),
  XX: () => (/* binding */ auditCondition),
  sd: () => (/* binding */ desiredProvider),
  F9: () => (/* binding */ evaluateCondition),
  Ld: () => (/* binding */ githubMembers),
  YX: () => (/* binding */ poolName)
});

// UNUSED EXPORTS: ATTRIBUTE_MAPPING, attributeCondition, attributePrincipalSet, celString, deploySubject, providerName, subjectPrincipal

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/cel-ast.js
var cel_ast = __webpack_require__(7129);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/condition-cel.js


const cel = new lib/* Environment */.OH({ unlistedVariablesAreDyn: true });
function conjuncts(node) {
  return node.op === "&&" ? [...conjuncts(node.args[0]), ...conjuncts(node.args[1])] : [node];
}
function claimsIn(expression, mapping) {
  const found = [];
  const add = (claim) => {
    if (claim !== void 0 && !found.includes(claim)) found.push(claim);
  };
  const root = parsed(expression);
  if (!root) return found;
  (0,cel_ast/* walkCel */.c)(root, (node) => {
    const field = fieldOf(node);
    if (!field) return;
    if (field.on === "assertion") add(field.name);
    if (field.on === "attribute" || field.on === "google") {
      const mapped = mapping[`${field.on}.${field.name}`];
      const direct = mapped === void 0 ? void 0 : /^assertion\.(\w+)$/.exec(mapped.trim())?.[1];
      add(direct ?? `${field.on}.${field.name}`);
    }
  });
  return found;
}
function fieldOf(node) {
  if ((node.op === "." || node.op === ".?") && node.args[0].op === "id")
    return { on: node.args[0].args, name: node.args[1] };
  if ((node.op === "[]" || node.op === "[?]") && node.args[0].op === "id") {
    const key = node.args[1];
    if (key.op === "value" && typeof key.args === "string")
      return { on: node.args[0].args, name: key.args };
  }
  return void 0;
}
const GOOGLE_ALIAS = "google_";
function renameGoogle(expression) {
  const root = parsed(expression);
  if (!root) return expression;
  const starts = [];
  (0,cel_ast/* walkCel */.c)(root, (node) => {
    if (node.op === "id" && node.args === "google") starts.push(node.start);
  });
  let out = expression;
  for (const start of starts.sort((a, b) => b - a))
    out = `${out.slice(0, start)}${GOOGLE_ALIAS}${out.slice(start + "google".length)}`;
  return out;
}
function parsed(expression) {
  try {
    return cel.parse(expression).ast;
  } catch {
    return void 0;
  }
}
function tryEvaluate(expression, context) {
  try {
    return cel.evaluate(renameGoogle(expression), context);
  } catch {
    return void 0;
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/workload-identity.js


const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
const ATTRIBUTE_MAPPING = {
  "google.subject": "assertion.sub",
  "attribute.repository": "assertion.repository",
  "attribute.repository_id": "assertion.repository_id",
  "attribute.repository_owner_id": "assertion.repository_owner_id",
  "attribute.ref": "assertion.ref"
};
function celString(value) {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
function attributeCondition(config) {
  const parts = [
    `assertion.repository_owner_id == ${celString(config.repositoryOwnerId)}`,
    `assertion.repository_id == ${celString(config.repositoryId)}`,
    `assertion.repository == ${celString(config.repository)}`,
    `(!has(assertion.environment) || assertion.environment == ${celString(config.environment)})`
  ];
  if (config.branch !== void 0)
    parts.push(`assertion.ref == ${celString(`refs/heads/${config.branch}`)}`);
  return parts.join(" && ");
}
function desiredProvider(config, projectNumber) {
  return {
    name: providerName(projectNumber, config.pool, config.provider),
    issuerUri: GITHUB_ISSUER,
    // Empty: Google then accepts the provider's own name, which google-github-actions/auth sends.
    allowedAudiences: [],
    attributeMapping: ATTRIBUTE_MAPPING,
    attributeCondition: attributeCondition(config)
  };
}
function poolName(projectNumber, pool) {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}`;
}
function providerName(projectNumber, pool, provider) {
  return `${poolName(projectNumber, pool)}/providers/${provider}`;
}
function subjectPrincipal(projectNumber, pool, subject) {
  return `principal://iam.googleapis.com/${poolName(projectNumber, pool)}/subject/${subject}`;
}
function attributePrincipalSet(projectNumber, pool, attribute, value) {
  return `principalSet://iam.googleapis.com/${poolName(projectNumber, pool)}/attribute.${attribute}/${value}`;
}
function deploySubject(config) {
  return `repo:${config.repository}:environment:${config.environment}`;
}
function githubMembers(config, projectNumber) {
  return {
    repository: attributePrincipalSet(projectNumber, config.pool, "repository", config.repository),
    deployEnvironment: subjectPrincipal(projectNumber, config.pool, deploySubject(config))
  };
}
const MAX_ATTRIBUTE_BYTES = 127;
function evaluateCondition(claims, provider) {
  const mismatches = [];
  if (claims.iss !== provider.issuerUri)
    mismatches.push(
      mismatch(
        "iss",
        claims.iss,
        `iss == ${provider.issuerUri}`,
        "the token comes from another issuer"
      )
    );
  const audiences = provider.allowedAudiences?.length ? provider.allowedAudiences : provider.name ? [`https://iam.googleapis.com/${provider.name}`] : [];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length > 0 && !aud.some((a) => typeof a === "string" && audiences.includes(a)))
    mismatches.push(
      mismatch(
        "aud",
        claims.aud,
        `aud in [${audiences.join(", ")}]`,
        "the token's audience is not one the provider allows"
      )
    );
  const attributes = {};
  for (const [key, expression] of Object.entries(provider.attributeMapping)) {
    const value = tryEvaluate(expression, { assertion: claims });
    if (typeof value === "string") {
      attributes[key] = value;
      if (new TextEncoder().encode(value).length > MAX_ATTRIBUTE_BYTES)
        mismatches.push(
          mismatch(
            claimsIn(expression, provider.attributeMapping)[0] ?? key,
            value,
            `${key} \u2264 ${MAX_ATTRIBUTE_BYTES} bytes`,
            `mapped attribute ${key} is over ${MAX_ATTRIBUTE_BYTES} bytes`
          )
        );
    } else if (key === "google.subject") {
      mismatches.push(
        mismatch(
          claimsIn(expression, provider.attributeMapping)[0] ?? key,
          void 0,
          `${key}=${expression}`,
          "the mapping gives no google.subject"
        )
      );
    }
  }
  const condition = provider.attributeCondition?.trim() ?? "";
  if (condition !== "") {
    const context = {
      assertion: claims,
      attribute: attributeTree(attributes),
      [GOOGLE_ALIAS]: { subject: attributes["google.subject"] }
    };
    if (tryEvaluate(condition, context) !== true) {
      const root = parsed(condition);
      if (!root)
        mismatches.push(
          mismatch("condition", void 0, condition, "the attribute condition is not valid CEL")
        );
      for (const part of root ? conjuncts(root) : []) {
        const text = condition.slice(part.start, part.end);
        if (tryEvaluate(text, context) === true) continue;
        const names = claimsIn(text, provider.attributeMapping);
        const claim = names[0] ?? text;
        mismatches.push(
          mismatch(
            claim,
            names[0] === void 0 ? void 0 : claims[names[0]],
            text,
            "the attribute condition refuses it"
          )
        );
      }
    }
  }
  return { admitted: mismatches.length === 0, mismatches, attributes };
}
function auditCondition(provider) {
  const condition = provider.attributeCondition?.trim() ?? "";
  if (condition === "")
    return ["the provider has no attribute condition: every GitHub repository can use it"];
  const used = new Set(claimsIn(condition, provider.attributeMapping));
  const findings = [];
  if (!used.has("repository_id") && !used.has("repository_owner_id"))
    findings.push(
      "the attribute condition names no numeric id (repository_id, repository_owner_id): a deleted repository or owner name can be re-registered by someone else"
    );
  if (!used.has("repository") && !used.has("repository_id"))
    findings.push("the attribute condition admits every repository of the owner");
  return findings;
}
function attributeTree(attributes) {
  return Object.fromEntries(
    Object.entries(attributes).filter(([key]) => key.startsWith("attribute.")).map(([key, value]) => [key.slice("attribute.".length), value])
  );
}
function mismatch(claim, actual, expected, why) {
  const shown = actual === void 0 ? void 0 : typeof actual === "string" ? actual : JSON.stringify(actual);
  const said = shown === void 0 ? `the token has no ${claim} claim` : `${claim} is "${(0,errors/* excerpt */.Kb)(shown, 120)}"`;
  return { claim, actual: shown, expected, message: `${said}: ${why} (${(0,errors/* excerpt */.Kb)(expected, 200)})` };
}



/***/ }),

/***/ 7001:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ CONFIGURATION)
/* harmony export */ });
const CONFIGURATION = [
  {
    name: "GCP_PROJECT",
    kind: "variable",
    answer: "project",
    description: "The Google Cloud project ID that runs the pipelines and hosts models and endpoints."
  },
  {
    name: "GCP_REGION",
    kind: "variable",
    answer: "region",
    default: "us-central1",
    description: "The Vertex AI region of pipeline runs, models, endpoints and images."
  },
  {
    name: "GCP_WORKLOAD_IDENTITY_PROVIDER",
    kind: "variable",
    example: "projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops",
    description: "The Workload Identity Federation provider the workflows sign in through (no JSON keys)."
  },
  {
    name: "GCP_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-training@PROJECT.iam.gserviceaccount.com",
    description: "The training service account: builds images, runs pipelines and schedules, reads the champion. It cannot deploy."
  },
  {
    name: "GCP_DEPLOY_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-deploy@PROJECT.iam.gserviceaccount.com",
    description: "The deploy service account: uploads models and changes endpoints. Only jobs in the production environment may act as it (the binding names the environment), so its protection rules reach Google Cloud."
  },
  {
    name: "GCP_PIPELINE_SERVICE_ACCOUNT",
    kind: "variable",
    example: "mlops-pipelines@PROJECT.iam.gserviceaccount.com",
    description: "The account Vertex AI pipeline runs act as: it reads data and writes artifacts, nothing more. The training account may act as it."
  },
  {
    name: "GCP_PIPELINE_ROOT",
    kind: "variable",
    example: "gs://BUCKET/pipeline-root",
    description: "The Cloud Storage folder where Vertex AI pipeline runs write their artifacts."
  },
  {
    name: "MLOPS_MODEL_NAME",
    kind: "variable",
    answer: "model",
    description: "The Vertex AI Model Registry model that training uploads to and deploys from."
  },
  {
    name: "MLOPS_IMAGE_REPOSITORY",
    kind: "variable",
    default: "ml-images",
    description: "The Artifact Registry Docker repository of the training and serving images."
  },
  {
    name: "MLOPS_TRAINING_DATA_URI",
    kind: "variable",
    example: "gs://BUCKET/data/train.csv",
    description: "The training data of Vertex AI runs, and the drift check's reference data."
  },
  {
    name: "MLOPS_PREDICTION_INPUTS_URI",
    kind: "variable",
    example: "bq://PROJECT.ml.prediction_inputs",
    description: "Recent prediction inputs, which the drift check compares with the training data."
  },
  {
    name: "MLOPS_SYNC_TOKEN",
    kind: "secret",
    description: "A fine-grained token that may write Actions secrets and variables, for the sync workflow (GITHUB_TOKEN cannot)."
  }
];



/***/ })

};
