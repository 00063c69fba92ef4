export const id = 7433;
export const ids = [7433];
export const modules = {

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

/***/ 2076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SF: () => (/* binding */ checkFrameworkMatch),
  D0: () => (/* binding */ lazyDocker),
  Jz: () => (/* binding */ readRegistryImage),
  wv: () => (/* binding */ verifyAmd64)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/framework-versions.js
var framework_versions = __webpack_require__(7589);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/process.js
var process = __webpack_require__(4642);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/docker/docker-cli.js







const PYTHON_PROBE = [
  "import json, sys",
  "from importlib import metadata",
  "packages = {}",
  "for dist in metadata.distributions():",
  '    name = dist.metadata["Name"]',
  "    if name: packages[name] = dist.version",
  'print(json.dumps({"python": "%d.%d.%d" % sys.version_info[:3], "packages": packages}))'
].join("\n");
class DockerCli {
  constructor(configDir, options) {
    this.configDir = configDir;
    this.options = options;
  }
  configDir;
  options;
  #buildx;
  /** Checks the engine answers, then makes the private config folder. */
  static async open(options) {
    const probe = await (0,process/* runProcess */.R)("docker", ["version", "--format", "{{.Server.Version}}"], {
      env: options.env,
      ...options.signal ? { signal: options.signal } : {}
    });
    if (probe.spawnError?.code === "ENOENT") {
      throw new errors/* UserError */.yo("Building images needs the docker CLI, which is not on PATH", {
        fix: "Install Docker (GitHub-hosted Ubuntu runners have it)."
      });
    }
    if (probe.exitCode !== 0) {
      throw new errors/* UserError */.yo(`The Docker engine does not answer: ${lastLine(probe)}`, {
        fix: "Start dockerd (or Docker Desktop) and check that this user may use it."
      });
    }
    const configDir = await (0,promises_.mkdtemp)(external_node_path_.join(options.tempDir, "docker-config-"));
    const userPlugins = external_node_path_.join(
      options.env.DOCKER_CONFIG ?? external_node_path_.join((0,external_node_os_.homedir)(), ".docker"),
      "cli-plugins"
    );
    if ((0,external_node_fs_.existsSync)(userPlugins)) await (0,promises_.symlink)(userPlugins, external_node_path_.join(configDir, "cli-plugins"));
    return new DockerCli(configDir, options);
  }
  async close() {
    await (0,promises_.rm)(this.configDir, { recursive: true, force: true });
  }
  /** Logs in to `host` with what `credentials` has for it; anonymous when it has nothing. */
  async loginWith(credentials, host) {
    const basic = await credentials.basic(host);
    if (basic) await this.login(host, basic);
  }
  async login(host, credentials) {
    const result = await this.#run(
      ["login", host, "--username", credentials.username, "--password-stdin"],
      { input: credentials.password, quiet: true }
    );
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === "remote") {
        throw new errors/* RemoteFailure */.p3(`The registry ${host} failed the login: ${reason}`, {
          fix: REMOTE_FIX
        });
      }
      throw new errors/* UserError */.yo(
        `The registry ${host} refused the login of ${credentials.username}: ${reason}`,
        {
          fix: "For Artifact Registry, run the auth step first and grant its service account roles/artifactregistry.writer on the repository; for other registries check registry-username and registry-password."
        }
      );
    }
  }
  /** buildx builds with BuildKit; without it the classic builder is used. */
  async hasBuildx() {
    this.#buildx ??= (await this.#run(["buildx", "version"], { quiet: true })).exitCode === 0;
    return this.#buildx;
  }
  /** Builds and tags an image locally; returns its ID. */
  async build(spec) {
    const iidFile = external_node_path_.join(this.configDir, "image-id");
    const flags = [
      "--platform",
      spec.platform,
      "--file",
      spec.dockerfile,
      "--iidfile",
      iidFile,
      ...Object.entries(spec.buildArgs).flatMap(([key, value]) => [
        "--build-arg",
        `${key}=${value}`
      ]),
      ...Object.entries(spec.labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
      ...spec.tags.flatMap((tag) => ["--tag", tag])
    ];
    const args = await this.hasBuildx() ? ["buildx", "build", "--load", "--provenance=false", ...flags, spec.context] : ["build", ...flags, spec.context];
    const result = await this.#run(args, {});
    if (result.exitCode !== 0) {
      throw new errors/* UserError */.yo(`docker build failed: ${lastLine(result)}`, {
        fix: `Fix the Dockerfile or build context; the build log is above. Command: ${(0,process/* quoteArgv */.r)(["docker", ...args])}`
      });
    }
    return (await (0,promises_.readFile)(iidFile, "utf8")).trim();
  }
  /** Adds labels to a built image (a LABEL-only build on top of it), tagged with `tags`. */
  async addLabels(image, platform, labels, tags) {
    if (Object.keys(labels).length === 0) {
      for (const tag of tags) {
        const result2 = await this.#run(["tag", image, tag], { quiet: true });
        if (result2.exitCode !== 0) throw new Error(`Could not tag ${image}: ${lastLine(result2)}`);
      }
      return;
    }
    const args = [
      "build",
      "--platform",
      platform,
      ...Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
      ...tags.flatMap((tag) => ["--tag", tag]),
      "-"
    ];
    const result = await this.#run(args, { input: `FROM ${image}
`, quiet: true });
    if (result.exitCode !== 0) throw new Error(`Could not label ${image}: ${lastLine(result)}`);
  }
  async inspect(image) {
    const result = await this.#run(["image", "inspect", "--format", "{{json .}}", image], {
      quiet: true
    });
    if (result.exitCode !== 0) return void 0;
    const body = JSON.parse(result.stdout);
    return {
      id: body.Id,
      os: body.Os,
      architecture: body.Architecture,
      ...body.Variant ? { variant: body.Variant } : {},
      labels: body.Config?.Labels ?? {}
    };
  }
  /** Pushes a tag; returns the digest the registry gave the manifest. */
  async push(image) {
    const result = await this.#run(["push", image], {});
    const digest = /digest: (sha256:[a-f0-9]{64})/.exec(result.logTail.join("\n"))?.[1];
    if (result.exitCode !== 0 || !digest) {
      const reason = lastLine(result);
      if (registryFault(reason) === "user") {
        throw new errors/* UserError */.yo(`docker push ${image} was refused: ${reason}`, {
          fix: "Check that the credentials may push to this repository (roles/artifactregistry.writer for Artifact Registry) and that the repository exists."
        });
      }
      throw new errors/* RemoteFailure */.p3(`docker push ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
    return digest;
  }
  async pull(image) {
    const result = await this.#run(["pull", "--quiet", image], { quiet: true });
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === "user") {
        throw new errors/* UserError */.yo(`docker pull ${image} failed: ${reason}`, {
          fix: "Check the image reference and that the credentials may read it."
        });
      }
      throw new errors/* RemoteFailure */.p3(`docker pull ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
  }
  /** Runs Python inside the image (no network) to list its version and packages. */
  async pythonEnvironment(image) {
    let last;
    for (const python of ["python3", "python"]) {
      last = await this.#run(
        ["run", "--rm", "--network", "none", "--entrypoint", python, image, "-c", PYTHON_PROBE],
        { quiet: true }
      );
      if (last.exitCode === 0) {
        const parsed = JSON.parse(last.stdout.trim().split("\n").at(-1) ?? "");
        return {
          python: parsed.python,
          packages: Object.fromEntries(
            Object.entries(parsed.packages).map(([name, version]) => [
              (0,framework_versions/* normalizePackageName */.NX)(name),
              version
            ])
          )
        };
      }
      if (last.exitCode !== 127) break;
    }
    const reason = last?.exitCode === 127 ? "it has no python3 or python" : lastLine(last);
    throw new errors/* UserError */.yo(`Cannot read the Python packages of ${image}: ${reason}`, {
      fix: "The image needs python3 (3.8 or later) on its PATH; or compare images that have it."
    });
  }
  #run(args, options) {
    return (0,process/* runProcess */.R)("docker", args, {
      env: { ...this.options.env, DOCKER_CONFIG: this.configDir },
      ...options.input !== void 0 ? { input: options.input } : {},
      ...!options.quiet && this.options.onOutput ? { onOutput: this.options.onOutput } : {},
      ...this.options.signal ? { signal: this.options.signal } : {}
    });
  }
}
const REMOTE_FIX = "The registry failed or could not be reached (see the message): run the step again; if it keeps failing, check the registry status and the network between this machine and it.";
const REFUSED = /\b(unauthori[sz]ed|denied|forbidden|authentication required|(name|manifest|blob) unknown|not found|does not exist|no such host|invalid reference|invalid username|incorrect username|x509|certificate|server gave HTTP response to HTTPS client|401|403|404)\b/i;
function registryFault(reason) {
  return REFUSED.test(reason) ? "user" : "remote";
}
function lastLine(result) {
  return result?.logTail.map((line) => line.trim()).filter((line) => line && !line.startsWith("Run 'docker")).at(-1) ?? "no output";
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-client.js
var registry_client = __webpack_require__(6714);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/image-reference.js
var image_reference = __webpack_require__(3698);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/image-checks.js





function lazyDocker(context, onOutput) {
  let docker;
  return {
    async get() {
      docker ??= await DockerCli.open({
        tempDir: context.host.tempDir,
        env: context.env,
        ...context.signal ? { signal: context.signal } : {},
        ...onOutput ? { onOutput } : {}
      });
      return docker;
    },
    async close() {
      await docker?.close();
    }
  };
}
async function verifyAmd64(client, reference) {
  const inspected = await (0,registry_client/* inspectImage */.mm)(client, reference);
  if (!inspected.amd64) {
    const found = inspected.platforms.map(registry_client/* formatPlatform */.Bq).join(", ") || "no platform";
    throw new errors/* UserError */.yo(
      `${(0,image_reference/* formatImage */.vy)({ ...client.image, reference })} has no linux/amd64 image: it is ${found}`,
      {
        fix: "Vertex AI runs linux/amd64 only. Build with --platform linux/amd64 (the build command does) and do not pin another platform in FROM --platform."
      }
    );
  }
  return inspected;
}
async function registryImageVersions(client, image, docker, packages) {
  const labelled = (0,framework_versions/* versionsFromLabels */.be)(image.amd64.labels);
  if (labelled) return { versions: labelled, source: "labels" };
  const byDigest = (0,image_reference/* formatImage */.vy)({ ...client.image, reference: image.amd64.digest });
  const cli = await docker.get();
  await cli.loginWith(client.credentials, client.image.registry);
  await cli.pull(byDigest);
  return {
    versions: (0,framework_versions/* frameworkVersions */.aX)(await cli.pythonEnvironment(byDigest), packages),
    source: "python in the image"
  };
}
function readRegistryImage(ui, ref, options) {
  const image = (0,image_reference/* formatImage */.vy)(ref);
  return ui.group(`Verify ${image}`, async () => {
    const client = new registry_client/* RegistryClient */.bP(ref, options.credentials, (message) => ui.warning(message));
    const inspected = await verifyAmd64(client, ref.reference);
    ui.info(
      `${image} (${inspected.digest}): ${inspected.platforms.map(registry_client/* formatPlatform */.Bq).join(", ")}`
    );
    try {
      const { versions, source } = await registryImageVersions(
        client,
        inspected,
        options.docker,
        options.frameworks
      );
      ui.info(`Framework versions from ${source}`);
      return { image, versions };
    } catch (error) {
      if (options.required || !(error instanceof errors/* ReportedError */.SS)) throw error;
      ui.warning(error.message);
      return { image, versions: {} };
    }
  });
}
const MATCH_TEXT = {
  same: "same",
  compatible: "same minor version",
  mismatch: "MISMATCH",
  missing: "MISSING in serving",
  absent: "not in training"
};
function checkFrameworkMatch(ui, training, serving, packages) {
  const { rows, failed } = (0,framework_versions/* compareFrameworks */.l6)(training.versions, serving.versions, packages);
  const color = (row) => row.match === "mismatch" || row.match === "missing" ? ui.colors.fail(MATCH_TEXT[row.match]) : row.match === "absent" ? ui.colors.dim(MATCH_TEXT[row.match]) : ui.colors.ok(MATCH_TEXT[row.match]);
  ui.table(
    "Framework versions, training vs serving",
    ["Package", `Training (${training.image})`, `Serving (${serving.image})`, "Match"],
    rows.map((row) => [row.name, row.training ?? "\u2013", row.serving ?? "\u2013", color(row)])
  );
  if (!failed) return;
  const bad = rows.filter((row) => row.match === "mismatch" || row.match === "missing");
  throw new errors/* UserError */.yo(
    `The serving image cannot be trusted to load the model: ${bad.length} framework version${bad.length === 1 ? "" : "s"} differ from the training image`,
    {
      details: bad.map(
        (row) => `${row.name}: training ${row.training ?? "\u2013"}, serving ${row.serving ?? "not installed"}`
      ),
      fix: "Install the training versions in the serving image (pin them in its requirements, or build both from one base), or narrow frameworks to the packages the model uses."
    }
  );
}



/***/ }),

/***/ 5536:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eh: () => (/* binding */ parseRegistryLogin),
/* harmony export */   L7: () => (/* binding */ imageReferenceInput),
/* harmony export */   LQ: () => (/* binding */ FRAMEWORKS_INPUT),
/* harmony export */   MG: () => (/* binding */ TRAINING_IMAGE_INPUT),
/* harmony export */   Vi: () => (/* binding */ parseFrameworks),
/* harmony export */   ZZ: () => (/* binding */ requireImageInput),
/* harmony export */   bI: () => (/* binding */ parseImageInput),
/* harmony export */   oB: () => (/* binding */ REGISTRY_LOGIN_INPUTS)
/* harmony export */ });
/* harmony import */ var _adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4195);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7589);
/* harmony import */ var _core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3698);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5435);





const REGISTRY_LOGIN_INPUTS = [
  {
    name: "registry-username",
    description: `Images: the registry user (default ${_adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .GOOGLE_REGISTRY_USER */ .sO}, for Artifact Registry with an access token).`,
    kind: "string",
    valueName: "USER"
  },
  {
    name: "registry-password",
    description: "Images: the registry password. Not needed for Artifact Registry: the access token of the auth step is used.",
    kind: "string",
    valueName: "PASSWORD",
    secret: true
  }
];
const TRAINING_IMAGE_INPUT = {
  name: "training-image",
  description: "The training image whose framework versions the image (build: the serving image being built) must match.",
  kind: "string",
  valueName: "IMAGE"
};
const FRAMEWORKS_INPUT = {
  name: "frameworks",
  description: "Images: the packages whose versions must match between training and serving images (python is the interpreter).",
  kind: "list",
  default: _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORK_PACKAGES */ .ds.join(","),
  valueName: "PACKAGE"
};
function parseRegistryLogin(raw, context, host) {
  const password = raw.string("registry-password");
  const username = raw.string("registry-username")?.trim();
  if (!password) {
    if (username)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("registry-username is set without registry-password", {
        fix: "Give registry-password too, or neither to use the access token of the auth step."
      });
    return void 0;
  }
  context.host.maskSecret(password, "registry-password");
  return { host, credentials: { username: username || _adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .GOOGLE_REGISTRY_USER */ .sO, password } };
}
function parseFrameworks(raw) {
  return [
    ...new Set(
      (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .listInput */ .dt)(raw, "frameworks").map(
        (name) => name === _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .PYTHON */ .ZB ? name : (0,_core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePackageName */ .NX)(name)
      )
    )
  ];
}
function requireImageInput(raw, name, hint) {
  return imageReferenceInput(name, (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .requireInput */ .oN)(raw, name, hint));
}
function parseImageInput(raw, name) {
  const value = raw.string(name)?.trim();
  return value ? imageReferenceInput(name, value) : void 0;
}
function imageReferenceInput(name, value) {
  try {
    return (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageReference */ .o_)(value);
  } catch (error) {
    if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${name}: ${error.message}`, error.fix ? { fix: error.fix } : {});
    throw error;
  }
}



/***/ }),

/***/ 7433:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   imagesVerifyCommand: () => (/* binding */ imagesVerifyCommand)
/* harmony export */ });
/* harmony import */ var _adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4195);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5435);
/* harmony import */ var _image_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2076);
/* harmony import */ var _image_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5536);




const imagesVerifyCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCommand */ .NB)({
  name: "images-verify",
  summary: "Check an image in its registry: it must have a linux/amd64 image and, given its training image, the same framework versions.",
  inputs: [
    {
      name: "image",
      description: "The image to check, REGISTRY/PATH/NAME:TAG or REGISTRY/PATH/NAME@sha256:\u2026.",
      kind: "string",
      required: true,
      positional: true
    },
    _image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAINING_IMAGE_INPUT */ .MG,
    _image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .FRAMEWORKS_INPUT */ .LQ,
    ..._image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .REGISTRY_LOGIN_INPUTS */ .oB
  ],
  outputs: [
    { name: "framework-versions", description: "The framework versions in the image, as JSON." },
    {
      name: "training-versions",
      description: "Framework versions of the training image, as JSON."
    }
  ],
  parseInputs(raw, context) {
    const image = (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .once */ .Oo)(
      () => (0,_image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .requireImageInput */ .ZZ)(
        raw,
        "image",
        "Give the image to check, REGISTRY/PATH/NAME:TAG or @sha256:\u2026."
      )
    );
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFields */ .L5)("images-verify", {
      image,
      trainingImage: () => (0,_image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageInput */ .bI)(raw, "training-image"),
      login: () => (0,_image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRegistryLogin */ .Eh)(raw, context, image().registry),
      frameworks: () => (0,_image_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFrameworks */ .Vi)(raw)
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const credentials = (0,_adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .registryCredentials */ .Qn)(context.env, {
      login: inputs.login,
      maskSecret: (value, name) => context.host.maskSecret(value, name)
    });
    const docker = (0,_image_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .lazyDocker */ .D0)(context);
    const read = (ref, required) => (0,_image_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegistryImage */ .Jz)(ui, ref, { credentials, docker, frameworks: inputs.frameworks, required });
    try {
      const compared = inputs.trainingImage !== void 0;
      const training = inputs.trainingImage ? await read(inputs.trainingImage, true) : void 0;
      const image = await read(inputs.image, compared);
      if (training) (0,_image_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkFrameworkMatch */ .SF)(ui, training, image, inputs.frameworks);
      else
        ui.table(
          `Framework versions of ${image.image}`,
          ["Package", "Version"],
          Object.entries(image.versions)
        );
      return {
        outputs: {
          "framework-versions": JSON.stringify(image.versions),
          ...training ? { "training-versions": JSON.stringify(training.versions) } : {}
        }
      };
    } finally {
      await docker.close();
    }
  }
});



/***/ })

};
