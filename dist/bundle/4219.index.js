export const id = 4219;
export const ids = [4219];
export const modules = {

/***/ 826:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vg: () => (/* binding */ generateAccessToken),
/* harmony export */   Wk: () => (/* binding */ generateIdToken),
/* harmony export */   qA: () => (/* binding */ gitHubOidcRequest),
/* harmony export */   qQ: () => (/* binding */ exchangeGitHubToken),
/* harmony export */   ub: () => (/* binding */ fetchGitHubOidcToken),
/* harmony export */   vE: () => (/* binding */ jwtClaims)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5487);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6323);



function gitHubOidcRequest(env) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (url && token) return { url, token };
  const fork = env.GITHUB_EVENT_NAME === "pull_request" && env.GITHUB_HEAD_REPOSITORY !== void 0 && env.GITHUB_HEAD_REPOSITORY !== env.GITHUB_REPOSITORY;
  throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
    fork ? "GitHub gives no OIDC token to workflows run from a fork pull request" : "GitHub did not provide an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set)",
    {
      fix: fork ? "Run Google Cloud steps only for pushes and same-repository pull requests (if: github.event.pull_request.head.repo.full_name == github.repository)." : "Add `permissions: id-token: write` (and contents: read) to the job or workflow."
    }
  );
}
function jwtClaims(jwt) {
  try {
    return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return {};
  }
}
async function fetchGitHubOidcToken(request, audience) {
  const url = new URL(request.url);
  url.searchParams.set("audience", audience);
  const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)("get the GitHub OIDC token", url.toString(), {
    headers: { Authorization: `Bearer ${request.token}`, Accept: "application/json" }
  }).catch((error) => {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && (error.status === 401 || error.status === 403)) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub refused the OIDC token request (HTTP ${error.status})`, {
        fix: "Add `permissions: id-token: write` to the job."
      });
    }
    throw error;
  });
  if (typeof body.value !== "string" || body.value === "")
    throw new Error('The GitHub OIDC token response has no "value"');
  return body.value;
}
async function exchangeGitHubToken(endpoints, provider, oidcToken, oidcAudience, audience) {
  try {
    const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `exchange the GitHub token at STS for ${provider.name}`,
      `${endpoints.sts}/v1/token`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          audience,
          grantType: "urn:ietf:params:oauth:grant-type:token-exchange",
          requestedTokenType: "urn:ietf:params:oauth:token-type:access_token",
          scope: "https://www.googleapis.com/auth/cloud-platform",
          subjectTokenType: "urn:ietf:params:oauth:token-type:jwt",
          subjectToken: oidcToken
        })
      }
    );
    if (!body.access_token) throw new Error("STS replied without an access_token");
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 3600 };
  } catch (error) {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && error.status === 400) {
      const reply = error.body ?? {};
      throw (0,_core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .explainStsError */ .ce)(
        provider,
        oidcAudience,
        reply.error ?? "invalid_request",
        reply.error_description ?? ""
      );
    }
    throw error;
  }
}
function iamFailure(error, serviceAccount, provider, identity) {
  if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$ && error.status >= 400 && error.status < 500) {
    const message = error.body?.error?.message ?? error.message;
    return (0,_core_gcp_workload_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .explainIamError */ .tG)(serviceAccount, provider, error.status, message, identity);
  }
  return error;
}
async function generateAccessToken(endpoints, bearer, serviceAccount, lifetimeSeconds, context = {}) {
  try {
    return await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `mint an access token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          scope: ["https://www.googleapis.com/auth/cloud-platform"],
          lifetime: `${lifetimeSeconds}s`
        })
      }
    );
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
}
async function generateIdToken(endpoints, bearer, serviceAccount, audience, context = {}) {
  try {
    const body = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)(
      `mint an ID token for ${serviceAccount}`,
      `${endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateIdToken`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body: JSON.stringify({ audience, includeEmail: true })
      }
    );
    return body.token;
  } catch (error) {
    throw iamFailure(error, serviceAccount, context.provider, context);
  }
}



/***/ }),

/***/ 7443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ remoteRepository),
/* harmony export */   o: () => (/* binding */ gitOutput)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);

function gitOutput(cwd, args) {
  try {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
  } catch {
    return void 0;
  }
}
function remoteRepository(cwd) {
  const url = gitOutput(cwd, ["remote", "get-url", "origin"]);
  return url ? /github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/.exec(url)?.[1] : void 0;
}



/***/ }),

/***/ 4642:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   r: () => (/* binding */ quoteArgv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);


const LOG_TAIL_LINES = 30;
function quoteArgv(argv) {
  return argv.map((arg) => /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`).join(" ");
}
function runProcess(file, args, options) {
  return new Promise((resolve) => {
    const log = options.logFile ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(options.logFile, { flags: "a" }) : void 0;
    const tail = [];
    const stdout = [];
    let partial = "";
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
      detached: true
    });
    const stop = () => {
      if (child.pid === void 0 || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
      }
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    const keep = (line) => {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      options.onOutput?.(line);
    };
    const onData = (chunk) => {
      log?.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      lines.forEach(keep);
    };
    child.stdout?.on("data", (chunk) => {
      stdout.push(chunk);
      onData(chunk);
    });
    child.stderr?.on("data", onData);
    if (options.input !== void 0) {
      child.stdin?.on("error", () => void 0);
      child.stdin?.end(options.input);
    }
    let spawnError;
    child.on("error", (error) => {
      spawnError = error;
    });
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", stop);
      if (partial) keep(partial);
      const result = {
        exitCode: code ?? (signal ? 128 + 15 : 1),
        logTail: tail,
        stdout: Buffer.concat(stdout).toString("utf8"),
        ...spawnError ? { spawnError } : {}
      };
      if (log) log.end(() => resolve(result));
      else resolve(result);
    });
  });
}



/***/ }),

/***/ 5073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  doctorCommand: () => (/* binding */ doctorCommand)
});

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/artifact-registry-repositories.js
var artifact_registry_repositories = __webpack_require__(5455);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/clients.js
var project_setup_clients = __webpack_require__(7888);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/google-errors.js
var google_errors = __webpack_require__(8993);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/observe.js
var project_setup_observe = __webpack_require__(9624);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/google-client.js
var google_client = __webpack_require__(9167);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/project-setup/permission-tests.js




function repositoryPermissions(client) {
  return {
    async testIamPermissions(resource, permissions) {
      try {
        const [answer] = await client.testIamPermissions({
          resource,
          permissions: [...permissions]
        });
        return answer.permissions ?? [];
      } catch (error) {
        throw (0,artifact_registry_repositories/* normalizeError */.cQ)(error);
      }
    }
  };
}
async function testPermissions(clients, repositories, project, probes) {
  return Promise.all(
    probes.map(async (probe) => {
      try {
        const granted = await testOne(clients, repositories, probe);
        return { ...probe, granted };
      } catch (error) {
        throw (0,google_errors/* reportGoogleError */.SJ)(`test the permissions on ${probe.resource}`, project, error);
      }
    })
  );
}
async function testOne(clients, repositories, { resource, permissions }) {
  const bucket = /^projects\/_\/buckets\/([^/]+)$/.exec(resource)?.[1];
  if (bucket) {
    const { data: data2 } = await clients.storage.buckets.testIamPermissions({
      bucket,
      permissions: [...permissions]
    });
    return data2.permissions ?? [];
  }
  if (/^projects\/[^/]+\/serviceAccounts\/[^/]+$/.test(resource)) {
    const { data: data2 } = await clients.iam.projects.serviceAccounts.testIamPermissions({
      resource,
      requestBody: { permissions: [...permissions] }
    });
    return data2.permissions ?? [];
  }
  if (resource.includes("/repositories/"))
    return repositories.testIamPermissions(resource, permissions);
  const project = /^projects\/([^/]+)$/.exec(resource)?.[1];
  if (!project) throw new Error(`doctor does not know how to test permissions on ${resource}`);
  const { data } = await clients.crm.projects.testIamPermissions({
    resource: project,
    requestBody: { permissions: [...permissions] }
  });
  return data.permissions ?? [];
}
async function callerEmail(env) {
  if (env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim())
    return env.CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT?.trim() || void 0;
  const file = (0,google_client/* credentialOptions */.Kn)(env).keyFilename;
  if (!file) return void 0;
  try {
    const credentials = JSON.parse(await (0,promises_.readFile)(file, "utf8"));
    if (typeof credentials.client_email === "string") return credentials.client_email;
    const url = credentials.service_account_impersonation_url;
    return typeof url === "string" ? /\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url)?.[1] : void 0;
  } catch {
    return void 0;
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/workload-identity-client.js
var workload_identity_client = __webpack_require__(826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/process.js
var process = __webpack_require__(4642);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/desired-state.js
var desired_state = __webpack_require__(59);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/observed-state.js
var observed_state = __webpack_require__(8049);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/iam-policy.js
var iam_policy = __webpack_require__(9971);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/doctor-facts.js
const row = (check, result, detail, fix = "") => ({
  check,
  result,
  detail,
  fix
});
function setupCommand(desired) {
  const { projectId, region, repository } = desired.config;
  return `mlops setup gcp --project-id ${projectId} --region ${region} --repository ${repository} (with the same names as this doctor run)`;
}
function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/workload-identity.js + 1 modules
var workload_identity = __webpack_require__(1305);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/identity-checks.js


function identityChecks(facts) {
  const { desired, observed } = facts;
  const { config } = desired;
  const pools = `gcloud iam workload-identity-pools`;
  const where = `--location=global --project=${config.projectId}`;
  const rows = [];
  if (config.providerProjectNumber && config.providerProjectNumber !== observed.projectNumber)
    rows.push(
      row(
        "Provider project",
        "fail",
        `the provider name given is in project number ${config.providerProjectNumber}, but ${config.projectId} is number ${observed.projectNumber ?? "?"}`,
        `Use the provider of project ${config.projectId}: ${desired.provider.name}`
      )
    );
  const pool = observed.pool;
  if (!pool)
    rows.push(
      row("Identity pool", "fail", `${desired.pool.name} does not exist`, setupCommand(desired))
    );
  else if (pool.state === "DELETED")
    rows.push(
      row(
        "Identity pool",
        "fail",
        `${config.pool} was deleted (Google keeps it 30 days)`,
        `${pools} undelete ${config.pool} ${where}`
      )
    );
  else if (pool.disabled)
    rows.push(
      row(
        "Identity pool",
        "fail",
        `${config.pool} is disabled: no token can be exchanged`,
        `${pools} update ${config.pool} --no-disabled ${where}`
      )
    );
  else rows.push(row("Identity pool", "pass", `${config.pool} is active`));
  const provider = observed.provider;
  const providerFlags = `${config.provider} --workload-identity-pool=${config.pool} ${where}`;
  if (!provider) {
    rows.push(
      row(
        "OIDC provider",
        "fail",
        `${desired.provider.name} does not exist`,
        setupCommand(desired)
      )
    );
    return rows;
  }
  const problems = [];
  if (provider.state === "DELETED") problems.push("it was deleted (Google keeps it 30 days)");
  if (provider.disabled) problems.push("it is disabled");
  if (provider.issuerUri !== workload_identity/* GITHUB_ISSUER */.oX)
    problems.push(`its issuer is ${provider.issuerUri ?? "not OIDC"}, not ${workload_identity/* GITHUB_ISSUER */.oX}`);
  rows.push(
    problems.length === 0 ? row("OIDC provider", "pass", `${config.provider} is active, issuer ${workload_identity/* GITHUB_ISSUER */.oX}`) : row(
      "OIDC provider",
      "fail",
      `${config.provider}: ${problems.join("; ")}`,
      provider.state === "DELETED" ? `${pools} providers undelete ${providerFlags}` : `${pools} providers update-oidc ${providerFlags} --issuer-uri=${workload_identity/* GITHUB_ISSUER */.oX} --no-disabled`
    )
  );
  rows.push(conditionCheck(desired, providedAsRead(facts), providerFlags));
  rows.push(mappingCheck(desired, provider.attributeMapping ?? {}, providerFlags));
  return rows;
}
function providedAsRead({ desired, observed }) {
  return {
    name: desired.provider.name,
    issuerUri: observed.provider?.issuerUri ?? "",
    attributeMapping: observed.provider?.attributeMapping ?? {},
    ...observed.provider?.attributeCondition ? { attributeCondition: observed.provider.attributeCondition } : {}
  };
}
function conditionCheck(desired, provider, providerFlags) {
  const check = "Provider condition";
  const fix = `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-condition=${shellQuote(desired.provider.attributeCondition ?? "")}`;
  const findings = (0,workload_identity/* auditCondition */.XX)(provider);
  if (findings.length > 0) return row(check, "fail", `SECURITY: ${findings.join("; ")}`, fix);
  const own = (0,workload_identity/* evaluateCondition */.F9)(sampleClaims(desired, "own"), provider);
  if (!own.admitted)
    return row(
      check,
      "fail",
      `it refuses this repository's tokens: ${own.mismatches.map((m) => m.message).join("; ")}`,
      fix
    );
  if ((0,workload_identity/* evaluateCondition */.F9)(sampleClaims(desired, "other"), provider).admitted)
    return row(
      check,
      "fail",
      `SECURITY: it admits tokens of another repository of ${desired.config.owner}`,
      fix
    );
  return row(check, "pass", `admits ${desired.config.repository} (by id and name) only`);
}
function sampleClaims(desired, whose) {
  const { config } = desired;
  const repository = whose === "own" ? config.repository : `${config.owner}/${config.name}-other`;
  const ref = `refs/heads/${config.branch ?? "main"}`;
  return {
    iss: workload_identity/* GITHUB_ISSUER */.oX,
    aud: `https://iam.googleapis.com/${desired.provider.name}`,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_id: whose === "own" ? config.repositoryId : `${config.repositoryId}0`,
    repository_owner_id: config.repositoryOwnerId,
    ref
  };
}
function mappingCheck(desired, mapping, providerFlags) {
  const used = /* @__PURE__ */ new Set();
  for (const binding of desired.bindings) {
    if (binding.member.includes("/subject/")) used.add("google.subject");
    const attribute = /\/attribute\.([^/]+)\//.exec(binding.member)?.[1];
    if (attribute) used.add(`attribute.${attribute}`);
  }
  const wrong = [...used].filter((key) => mapping[key] !== desired.provider.attributeMapping[key]);
  if (wrong.length === 0)
    return row(
      "Attribute mapping",
      "pass",
      `maps ${[...used].join(", ")} as the bindings use them`
    );
  const wanted = Object.entries(desired.provider.attributeMapping).map(([key, value]) => `${key}=${value}`).join(",");
  return row(
    "Attribute mapping",
    "fail",
    wrong.map(
      (key) => `${key} is ${mapping[key] ?? "not mapped"}, the bindings need ${desired.provider.attributeMapping[key]}`
    ).join("; "),
    `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-mapping=${shellQuote(wanted)}`
  );
}
function claimsCheck(facts) {
  const check = "Workflow token";
  if (!facts.claims)
    return row(check, "skip", "not in a workflow with id-token: write: no GitHub token to check");
  if (facts.unreadable === void 0 && !facts.observed.provider)
    return row(check, "skip", "the provider does not exist (see above)");
  const provider = facts.unreadable === void 0 ? providedAsRead(facts) : facts.desired.provider;
  const verdict = (0,workload_identity/* evaluateCondition */.F9)(facts.claims, provider);
  if (verdict.admitted)
    return row(
      check,
      "pass",
      `the provider admits this job's token (${verdict.attributes["google.subject"] ?? ""})`
    );
  return row(
    check,
    "fail",
    `the provider would refuse this job's token: ${verdict.mismatches.map((m) => m.message).join("; ")}`,
    `Run from what the provider admits, or set its condition to this repository's: ${setupCommand(facts.desired)}`
  );
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/permission-lookup.js
var permission_lookup = __webpack_require__(3501);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/permissions.js
var gcp_setup_permissions = __webpack_require__(2265);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/gcp-setup/doctor-checks.js





const COMPONENT_MODULES = ["sklearn", "pandas", "numpy"];
function callerOf(desired, email) {
  const account = desired.serviceAccounts.find(
    (a) => a.email.toLowerCase() === email?.toLowerCase()
  );
  if (account) return { kind: "account", account: account.key, email: account.email };
  return email ? { kind: "other", email } : { kind: "other" };
}
function permissionProbes(desired, observed, caller) {
  if (caller.kind !== "account") return [];
  const byScope = /* @__PURE__ */ new Map();
  for (const requirement of gcp_setup_permissions/* REQUIREMENTS */.d) {
    if (requirement.principal !== caller.account) continue;
    const list = byScope.get(requirement.scope) ?? [];
    for (const permission of requirement.permissions)
      if (!list.includes(permission)) list.push(permission);
    byScope.set(requirement.scope, list);
  }
  return [...byScope].map(([scope, permissions]) => ({ scope, resource: resourceOf(desired, scope), permissions })).filter((probe) => !observed || resourceExists(desired, observed, probe.resource));
}
function doctorChecks(facts) {
  if (facts.unreadable !== void 0)
    return [
      row(
        "Project configuration",
        "skip",
        `${facts.caller.email ?? "the caller"} may not read it: ${facts.unreadable}`,
        "Run mlops doctor as a project Owner or Security Reviewer (roles/iam.securityReviewer) to check the APIs, identity federation, grants, bucket and repositories."
      ),
      ...callerChecks(facts),
      claimsCheck(facts),
      ...toolChecks(facts.tools)
    ];
  return [
    apiCheck(facts),
    ...identityChecks(facts),
    ...accountChecks(facts),
    trainerRoleCheck(facts),
    ...bindingChecks(facts),
    ...deployIsolationChecks(facts),
    ...bucketChecks(facts),
    ...repositoryChecks(facts),
    ...callerChecks(facts),
    claimsCheck(facts),
    ...toolChecks(facts.tools)
  ];
}
function failureSummary(rows) {
  const failed = rows.filter((row2) => row2.result === "fail");
  if (failed.length === 0) return void 0;
  const names = [...new Set(failed.map((row2) => row2.check))];
  return `${failed.length} check${failed.length === 1 ? "" : "s"} failed: ${names.join(", ")}`;
}
function apiCheck({ desired, observed }) {
  const missing = desired.apis.filter((api) => !observed.enabledApis.includes(api));
  if (missing.length === 0) return row("APIs", "pass", `${desired.apis.length} APIs enabled`);
  return row(
    "APIs",
    "fail",
    `not enabled: ${missing.join(", ")}`,
    `gcloud services enable ${missing.join(" ")} --project=${desired.config.projectId}`
  );
}
function accountChecks({ desired, observed }) {
  return desired.serviceAccounts.map(
    (account) => observed.serviceAccounts.includes(account.email) ? row(`Account ${account.key}`, "pass", `${account.email} exists`) : row(
      `Account ${account.key}`,
      "fail",
      `${account.email} does not exist`,
      `gcloud iam service-accounts create ${account.id} --display-name=${shellQuote(account.displayName)} --project=${desired.config.projectId}`
    )
  );
}
function trainerRoleCheck({ desired, observed }) {
  const { trainerRole } = desired;
  const project = desired.config.projectId;
  const check = `Role ${trainerRole.id}`;
  const permissions = trainerRole.permissions.join(",");
  if (!observed.trainerRole)
    return row(
      check,
      "fail",
      `${trainerRole.name} does not exist`,
      `gcloud iam roles create ${trainerRole.id} --project=${project} --title=${shellQuote(trainerRole.title)} --permissions=${permissions}`
    );
  if (observed.trainerRole.deleted)
    return row(
      check,
      "fail",
      `${trainerRole.name} was deleted`,
      `gcloud iam roles undelete ${trainerRole.id} --project=${project}`
    );
  const missing = trainerRole.permissions.filter(
    (p) => !observed.trainerRole?.permissions.includes(p)
  );
  if (missing.length === 0)
    return row(check, "pass", `holds its ${trainerRole.permissions.length} permissions`);
  return row(
    check,
    "fail",
    `lacks ${missing.join(", ")}`,
    `gcloud iam roles update ${trainerRole.id} --project=${project} --add-permissions=${missing.join(",")}`
  );
}
function bindingChecks({ desired, observed }) {
  const rows = [];
  let present = 0;
  for (const binding of desired.bindings) {
    const policy = observed.policies[binding.resource];
    if (!policy) {
      rows.push(
        row(
          "IAM binding",
          "skip",
          `${binding.role} for ${binding.member}: ${binding.resource} does not exist (see above)`
        )
      );
      continue;
    }
    if ((0,iam_policy/* missingMembers */.S)(policy, [binding]).length === 0) {
      present += 1;
      continue;
    }
    rows.push(missingBindingRow(desired, observed, binding));
  }
  const worst = ["fail", "warn", "skip"].find((r) => rows.some((x) => x.result === r));
  rows.unshift(
    row("IAM bindings", worst ?? "pass", `${present} of ${desired.bindings.length} grants present`)
  );
  return rows;
}
function missingBindingRow(desired, observed, binding) {
  const grant = `grant ${binding.role} to ${binding.member} on ${binding.resource}`;
  const needs = neededBy(binding);
  const fix = grantCommand(desired, binding.resource, binding.member, binding.role);
  if (binding.principal === "vertex-code-agent" && !observed.serviceAgents.vertexCode)
    return row(
      "IAM binding",
      "warn",
      `${grant} (${needs}): Google creates this agent on the first pipeline run`,
      `after the first Vertex AI pipeline run: ${fix}`
    );
  if (binding.principal === "vertex-agent" && !observed.serviceAgents.vertex)
    return row(
      "IAM binding",
      "fail",
      `${grant} (${needs}): the Vertex AI service agent does not exist yet`,
      `gcloud beta services identity create --service=aiplatform.googleapis.com --project=${desired.config.projectId}, then ${fix}`
    );
  return row("IAM binding", "fail", `${grant} (${needs})`, fix);
}
function neededBy(binding) {
  const rows = gcp_setup_permissions/* REQUIREMENTS */.d.filter(
    (r) => r.principal === binding.principal && r.scope === binding.scope
  );
  return `needed by ${[...new Set(rows.map((r) => `${r.command} (${r.operation})`))].join(", ")}`;
}
function deployIsolationChecks({ desired, observed }) {
  const deploy = desired.bindings.find((b) => b.principal === "github-deploy-environment");
  const policy = deploy && observed.policies[deploy.resource];
  if (!deploy || !policy) return [];
  const pool = desired.pool.name;
  const others = (policy.bindings ?? []).filter((b) => b.role === deploy.role && b.condition === void 0).flatMap((b) => b.members).filter((member) => member.includes(`/${pool}/`) && member !== deploy.member);
  const email = deploy.resource.split("/").pop() ?? "";
  return others.map(
    (member) => row(
      "Deploy isolation",
      "warn",
      `${member} can also act as the deploy account: jobs outside the ${desired.config.environment} environment could deploy`,
      `gcloud iam service-accounts remove-iam-policy-binding ${email} --project=${desired.config.projectId} --role=${deploy.role} --member=${shellQuote(member)}`
    )
  );
}
function bucketChecks({ desired, observed }) {
  const { bucket } = desired;
  const { projectId, region } = desired.config;
  const create = `gcloud storage buckets create gs://${bucket.name} --project=${projectId} --location=${region} --uniform-bucket-level-access`;
  if (!observed.bucket)
    return [row("Bucket", "fail", `gs://${bucket.name} does not exist`, create)];
  const rows = [];
  const location = observed.bucket.location.toUpperCase();
  rows.push(
    location === bucket.location ? row("Bucket location", "pass", `gs://${bucket.name} is in ${location}`) : row(
      "Bucket location",
      "fail",
      `gs://${bucket.name} is in ${location}, Vertex AI runs in ${bucket.location}: pipelines refuse a pipeline root elsewhere`,
      `A bucket cannot move: create one in ${region} (gcloud storage buckets create gs://NAME --project=${projectId} --location=${region} --uniform-bucket-level-access) and pass it as bucket`
    )
  );
  rows.push(
    observed.bucket.uniformBucketLevelAccess ? row("Bucket access", "pass", "uniform bucket-level access is on") : row(
      "Bucket access",
      "fail",
      "uniform bucket-level access is off: object ACLs can grant what IAM does not",
      `gcloud storage buckets update gs://${bucket.name} --uniform-bucket-level-access`
    )
  );
  return rows;
}
function repositoryChecks({ desired, observed }) {
  const { projectId, region } = desired.config;
  return desired.repositories.map((repository) => {
    const check = `Repository ${repository.id}`;
    const format = observed.repositories[repository.id];
    if (format === void 0)
      return row(
        check,
        "fail",
        `${repository.name} does not exist`,
        `gcloud artifacts repositories create ${repository.id} --repository-format=${repository.format.toLowerCase()} --location=${region} --project=${projectId}`
      );
    if (format !== repository.format)
      return row(
        check,
        "fail",
        `its format is ${format}, not ${repository.format}`,
        `Give the ${repository.format.toLowerCase()}-repository input a ${repository.format} repository (a repository's format cannot change)`
      );
    return row(check, "pass", `${repository.format} repository in ${region}`);
  });
}
function callerChecks({ desired, caller, permissions }) {
  if (caller.kind !== "account")
    return [
      row(
        "Caller permissions",
        "skip",
        `${caller.email ?? "the caller"} is not one of the product's accounts (an admin?): only the accounts' grants are checked, from the policies above`
      )
    ];
  const check = `Caller (${caller.account})`;
  const own = gcp_setup_permissions/* REQUIREMENTS */.d.filter((r) => r.principal === caller.account);
  const rows = [];
  for (const result of permissions)
    for (const permission of result.permissions.filter((p) => !result.granted.includes(p))) {
      const requirement = own.find(
        (r) => r.scope === result.scope && r.permissions.includes(permission)
      );
      const explained = (0,permission_lookup/* explainMissingPermission */.zW)(permission, caller.account);
      rows.push(
        row(
          check,
          "fail",
          `${caller.email} lacks ${permission} on ${result.resource}${explained ? `: ${explained.message}` : ""}`,
          grantCommand(
            desired,
            result.resource,
            `serviceAccount:${caller.email}`,
            requirement ? (0,permission_lookup/* grantedRole */.sl)(requirement, desired.config.projectId) : explained?.role ?? ""
          )
        )
      );
    }
  const tested = new Set(permissions.map((result) => result.resource));
  for (const scope of new Set(own.map((r) => r.scope))) {
    const resource = resourceOf(desired, scope);
    if (!tested.has(resource))
      rows.push(row(check, "skip", `${resource} does not exist (see above): not tested`));
  }
  if (!rows.some((r) => r.result === "fail"))
    rows.unshift(
      row(check, "pass", `${caller.email} holds what it needs on ${tested.size} resources`)
    );
  return rows;
}
function toolChecks(tools) {
  const rows = [
    tools.docker ? row("Docker", "pass", "docker answers") : row(
      "Docker",
      "warn",
      "no docker engine: only `build` needs it",
      "Install Docker (GitHub-hosted Ubuntu runners have it)"
    )
  ];
  if (tools.docker)
    rows.push(
      tools.buildx ? row("Docker buildx", "pass", "buildx is installed") : row(
        "Docker buildx",
        "warn",
        "no buildx: `build` falls back to the classic builder",
        "Install the docker buildx plugin"
      )
    );
  const modules = COMPONENT_MODULES.join(", ");
  if (tools.missingModules === void 0)
    rows.push(
      row(
        "Python",
        "warn",
        `${tools.python} does not run: local runs need it`,
        "Install Python 3, or choose one with --python PATH (MLOPS_PYTHON)"
      )
    );
  else if (tools.missingModules.length > 0)
    rows.push(
      row(
        "Python",
        "warn",
        `${tools.python} cannot import ${tools.missingModules.join(", ")} (the components import ${modules})`,
        `${tools.python} -m pip install ${tools.missingModules.map(distribution).join(" ")}`
      )
    );
  else rows.push(row("Python", "pass", `${tools.python} imports ${modules}`));
  return rows;
}
function resourceOf(desired, scope) {
  const binding = desired.bindings.find((b) => b.scope === scope);
  if (!binding) throw new Error(`no binding on the ${scope} in the desired state`);
  return binding.resource;
}
function resourceExists(desired, observed, resource) {
  const account = /\/serviceAccounts\/(.+)$/.exec(resource)?.[1];
  if (account) return observed.serviceAccounts.includes(account);
  if (resource.startsWith("projects/_/buckets/")) return observed.bucket !== void 0;
  const repository = desired.repositories.find((r) => r.name === resource);
  if (repository) return repository.id in observed.repositories;
  return true;
}
function grantCommand(desired, resource, member, role) {
  const { projectId, region } = desired.config;
  const grant = `--member=${shellQuote(member)} --role=${role}`;
  const bucket = /^projects\/_\/buckets\/(.+)$/.exec(resource)?.[1];
  if (bucket) return `gcloud storage buckets add-iam-policy-binding gs://${bucket} ${grant}`;
  const account = /\/serviceAccounts\/(.+)$/.exec(resource)?.[1];
  if (account)
    return `gcloud iam service-accounts add-iam-policy-binding ${account} --project=${projectId} ${grant}`;
  const repository = desired.repositories.find((r) => r.name === resource);
  if (repository)
    return `gcloud artifacts repositories add-iam-policy-binding ${repository.id} --location=${region} --project=${projectId} ${grant}`;
  return `gcloud projects add-iam-policy-binding ${projectId} ${grant}`;
}
function distribution(module) {
  return module === "sklearn" ? "scikit-learn" : module;
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/gcp-project-inputs.js + 1 modules
var gcp_project_inputs = __webpack_require__(4581);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/pipeline-inputs.js + 12 modules
var pipeline_inputs = __webpack_require__(8407);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/doctor.js














const COMMAND = "doctor";
const doctorCommand = (0,command/* defineCommand */.NB)({
  name: COMMAND,
  summary: "Check a Google Cloud project and this machine before a run, read-only: APIs, workload identity, accounts, IAM grants, bucket, repositories, the caller\u2019s permissions, the workflow token, Docker and Python; each failure with its fix.",
  inputs: [...gcp_project_inputs/* GCP_PROJECT_INPUTS */.Z_, pipeline_inputs/* PYTHON_INPUT */.oj],
  outputs: [
    { name: "failed", description: "How many checks failed." },
    {
      name: "report",
      description: "Every check as JSON: [{check, result (pass|fail|warn|skip), detail, fix}]."
    }
  ],
  parseInputs: (raw, context) => (0,command/* parseFields */.L5)(COMMAND, {
    request: () => (0,gcp_project_inputs/* parseGcpProjectRequest */.uq)(raw, context, COMMAND),
    python: () => (0,pipeline_inputs/* pythonInput */.ZY)(raw, context)
  }),
  async run(inputs, context) {
    const config = await (0,gcp_project_inputs/* planGcpProject */.Pp)(inputs.request, context, COMMAND);
    const { env, ui } = context;
    const token = (0,project_setup_clients/* setupTokenSource */.mj)(env);
    const firstToken = await token();
    if (!firstToken)
      throw new errors/* UserError */.yo("doctor found no Google credentials", {
        fix: "Authenticate: on a workstation, gcloud auth application-default login (or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)); in a workflow, the auth step before this one."
      });
    context.host.maskSecret(firstToken, "Google access token");
    const clients = await (0,project_setup_clients/* createSetupClients */.QM)({ token, endpoints: (0,project_setup_clients/* setupEndpoints */.Ge)(env) });
    const registry = await (0,artifact_registry_repositories/* artifactRegistryClient */.rC)({ project: config.projectId, env, token });
    try {
      const rows = await ui.group("Read the project", async () => {
        const number = await projectNumber(clients, config);
        const desired = (0,desired_state/* desiredState */.Iq)(config, number.value);
        const observe = async () => {
          if (number.unreadable) return unreadableProject(number.unreadable);
          const repositories = new artifact_registry_repositories/* ArtifactRegistryRepositories */.qU(registry);
          return (0,project_setup_observe/* observeProject */.s)(clients, desired, { repositories }).then(
            (observed) => ({ observed }),
            unreadableProject
          );
        };
        const [observation, email, claims, tools] = await Promise.all([
          observe(),
          callerEmail(env),
          workflowClaims(`https://iam.googleapis.com/${desired.provider.name}`, context),
          localTools(inputs.python, context)
        ]);
        const caller = callerOf(desired, email);
        const permissions = await testPermissions(
          clients,
          repositoryPermissions(registry),
          config.projectId,
          permissionProbes(
            desired,
            observation.unreadable === void 0 ? observation.observed : void 0,
            caller
          )
        );
        return doctorChecks({
          desired,
          ...observation,
          caller,
          permissions,
          ...claims ? { claims } : {},
          tools
        });
      });
      return report(rows, context);
    } finally {
      await registry.close();
    }
  }
});
async function projectNumber(clients, config) {
  try {
    return { value: await (0,project_setup_observe/* readProjectNumber */.b)(clients, config.projectId) };
  } catch (error) {
    const fallback = config.providerProjectNumber;
    if (fallback && error instanceof errors/* UserError */.yo && (0,google_errors/* isPermissionDenied */.T1)(error.cause))
      return { value: fallback, unreadable: error };
    throw error;
  }
}
function unreadableProject(error) {
  if (error instanceof errors/* UserError */.yo && (0,google_errors/* isPermissionDenied */.T1)(error.cause))
    return { observed: observed_state/* EMPTY_PROJECT */.e, unreadable: error.message };
  throw error;
}
function report(rows, { ui }) {
  ui.table(
    "Doctor",
    ["Check", "Result", "Detail", "Fix"],
    rows.map((r) => [r.check, r.result, r.detail, r.fix])
  );
  for (const r of rows.filter((r2) => r2.fix !== "" && r2.result !== "pass")) {
    const line = `${r.check} (${r.result}): ${r.fix}`;
    if (r.result === "fail") ui.warning(line);
    else ui.info(line);
  }
  const failure = failureSummary(rows);
  const outputs = {
    failed: String(rows.filter((r) => r.result === "fail").length),
    report: JSON.stringify(rows)
  };
  return failure ? { outputs, failure } : { outputs };
}
async function workflowClaims(audience, { env, host }) {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return void 0;
  const jwt = await (0,workload_identity_client/* fetchGitHubOidcToken */.ub)((0,workload_identity_client/* gitHubOidcRequest */.qA)(env), audience);
  host.maskSecret(jwt, "GitHub OIDC token");
  return (0,workload_identity_client/* jwtClaims */.vE)(jwt);
}
async function localTools(python, { env, cwd, signal }) {
  const timeout = AbortSignal.timeout(PROBE_TIMEOUT_MS);
  const options = { env, cwd, signal: signal ? AbortSignal.any([signal, timeout]) : timeout };
  const succeeds = async (file, args) => (await (0,process/* runProcess */.R)(file, args, options)).exitCode === 0;
  const [docker, buildx, imports] = await Promise.all([
    succeeds("docker", ["version", "--format", "{{.Server.Version}}"]),
    succeeds("docker", ["buildx", "version"]),
    (0,process/* runProcess */.R)(python, ["-c", MISSING_MODULES, ...COMPONENT_MODULES], options)
  ]);
  return {
    docker,
    buildx,
    python,
    missingModules: imports.exitCode === 0 ? imports.stdout.split(/\s+/).filter(Boolean) : void 0
  };
}
const PROBE_TIMEOUT_MS = 2e4;
const MISSING_MODULES = 'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';



/***/ }),

/***/ 5487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ stsAudience),
/* harmony export */   Wf: () => (/* binding */ parseWorkloadIdentityProvider),
/* harmony export */   _A: () => (/* binding */ projectFromServiceAccount),
/* harmony export */   ce: () => (/* binding */ explainStsError),
/* harmony export */   ff: () => (/* binding */ externalAccountCredentials),
/* harmony export */   fp: () => (/* binding */ checkServiceAccount),
/* harmony export */   n3: () => (/* binding */ defaultOidcAudience),
/* harmony export */   tG: () => (/* binding */ explainIamError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const PROVIDER = /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
const FORMAT = "projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER";
function parseWorkloadIdentityProvider(input) {
  const value = input.trim().replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, "");
  const match = PROVIDER.exec(value);
  if (match) {
    const [, projectNumber = "", pool = "", provider = ""] = match;
    return { name: value, projectNumber, pool, provider };
  }
  const fail = (problem, fix) => {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`workload-identity-provider "${input}" ${problem}`, { fix });
  };
  if (/^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/?$/.test(value)) {
    fail(
      "names a pool, not a provider",
      `Add /providers/PROVIDER: the full name is ${FORMAT} (gcloud iam workload-identity-pools providers list --workload-identity-pool=POOL --location=global).`
    );
  }
  const project = /^projects\/([^/]+)\//.exec(value)?.[1];
  if (project !== void 0 && !/^\d+$/.test(project)) {
    fail(
      `uses the project ID "${project}" where Google expects the project NUMBER`,
      `Use the number: gcloud projects describe ${project} --format='value(projectNumber)'.`
    );
  }
  if (/\/locations\/(?!global\/)/.test(value))
    fail(
      'is not in location "global"',
      `Workload identity pools live in locations/global: ${FORMAT}.`
    );
  return fail(
    "is not a workload identity provider name",
    `Give the full resource name: ${FORMAT}.`
  );
}
function defaultOidcAudience(provider) {
  return `https://iam.googleapis.com/${provider.name}`;
}
function stsAudience(provider) {
  return `//iam.googleapis.com/${provider.name}`;
}
const SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
function checkServiceAccount(email) {
  const trimmed = email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`service-account "${email}" is not an email address`, {
      fix: "Give the service account email, e.g. pipelines@my-project.iam.gserviceaccount.com."
    });
  }
  return trimmed;
}
function projectFromServiceAccount(email) {
  return SERVICE_ACCOUNT.exec(email)?.[1];
}
function externalAccountCredentials(options) {
  const url = new URL(options.oidcRequestUrl);
  url.searchParams.set("audience", options.oidcAudience);
  return {
    type: "external_account",
    audience: stsAudience(options.provider),
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    token_url: `${options.stsEndpoint}/v1/token`,
    credential_source: {
      url: url.toString(),
      headers: { Authorization: `Bearer ${options.oidcRequestToken}` },
      format: { type: "json", subject_token_field_name: "value" }
    },
    ...options.serviceAccount ? {
      service_account_impersonation_url: `${options.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${options.serviceAccount}:generateAccessToken`
    } : {}
  };
}
function explainStsError(provider, oidcAudience, error, description) {
  const said = `Google STS refused the GitHub token for ${provider.name}: ${error}${description ? ` (${description})` : ""}`;
  switch (error) {
    case "invalid_target":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `Check that pool "${provider.pool}" and provider "${provider.provider}" exist and are enabled in project number ${provider.projectNumber}: gcloud iam workload-identity-pools providers describe ${provider.provider} --workload-identity-pool=${provider.pool} --location=global --project=${provider.projectNumber}.`
      });
    case "unauthorized_client":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: "The provider's attribute condition rejected this repository, branch or workflow: compare the condition with the token's claims (repository, ref, workflow), and map every attribute the condition uses (--attribute-mapping)."
      });
    case "invalid_grant":
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `The token's audience is "${oidcAudience}": set the audience input to one the provider allows (its allowed audiences), or leave it empty to use the default; check the provider's issuer is https://token.actions.githubusercontent.com.`
      });
    default:
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `Check workload-identity-provider; it must be ${FORMAT}.`
      });
  }
}
function explainIamError(serviceAccount, provider, status, message, identity) {
  const said = `IAM refused to mint a token for ${serviceAccount} (HTTP ${status}): ${message}`;
  if (status === 404)
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
      fix: `Check that the service account ${serviceAccount} exists (gcloud iam service-accounts describe ${serviceAccount}).`
    });
  if (status === 403 && provider) {
    const pool = `iam.googleapis.com/projects/${provider.projectNumber}/locations/global/workloadIdentityPools/${provider.pool}`;
    const bind = (member) => `gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} --role=roles/iam.workloadIdentityUser --member="${member}"`;
    const delay = "IAM changes can take a few minutes to apply.";
    const environment = /:environment:([^:]+)$/.exec(identity.subject ?? "")?.[1];
    if (environment && identity.subject)
      return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
        fix: `This job runs in the ${environment} environment: if it should act as ${serviceAccount}, bind that environment's subject: ${bind(`principal://${pool}/subject/${identity.subject}`)}. ${delay}`
      });
    const repository = identity.repository ?? "OWNER/REPO";
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, {
      fix: `If ${serviceAccount} is the deploy account, only a job that names its environment may act as it (environment: production in the job; GitHub then issues the subject repo:${repository}:environment:production). For a training account, grant the repository Workload Identity User and map attribute.repository=assertion.repository on the provider: ${bind(`principalSet://${pool}/attribute.repository/${repository}`)}. ${delay}`
    });
  }
  return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(said, { fix: "Check the service account and its IAM policy." });
}



/***/ })

};
