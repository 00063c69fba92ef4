export const id = 9327;
export const ids = [9327];
export const modules = {

/***/ 9327:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerExecutor: () => (/* binding */ DockerExecutor),
  SubprocessExecutor: () => (/* binding */ SubprocessExecutor)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/pipeline/task-environment.js
var task_environment = __webpack_require__(3270);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/process.js
var adapters_process = __webpack_require__(4642);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/python-hint.js



const IMPORT_FAILURE = /\b(?:ModuleNotFoundError|ImportError)\b/;
const MISSING_MODULE = /No module named '([\w.]+)'/;
const SYSTEM_PYTHONS = ["/usr/bin/python3", "/usr/local/bin/python3"];
const FIND_SPEC = "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(sys.argv[1]) else 1)";
const PROBE_TIMEOUT_MS = 1e4;
const CHOOSE = "choose the interpreter with --python PATH or MLOPS_PYTHON (action input: python)";
function isExecutable(file) {
  return (0,promises_.access)(file, promises_.constants.X_OK).then(
    () => true,
    () => false
  );
}
async function onPath(name, searchPath) {
  const files = searchPath.split(external_node_path_.delimiter).filter(Boolean).map((dir) => external_node_path_.resolve(dir, name));
  const executable = await Promise.all(files.map(isExecutable));
  return files.filter((_, index) => executable[index]);
}
async function canImport(python, module, context) {
  if (!await isExecutable(python)) return false;
  const result = await (0,adapters_process/* runProcess */.R)(python, ["-c", FIND_SPEC, module], {
    ...context,
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
  });
  return result.exitCode === 0;
}
async function importFailureHint(python, logTail, context) {
  const failure = logTail.findLast((line) => IMPORT_FAILURE.test(line));
  if (failure === void 0) return void 0;
  const searchPath = context.env.PATH ?? "";
  const ran = python.includes("/") ? external_node_path_.resolve(context.cwd, python) : (await onPath(python, searchPath))[0];
  const which = ran === void 0 || ran === python ? python : `${python} (${ran})`;
  const module = MISSING_MODULE.exec(failure)?.[1]?.split(".")[0];
  if (module === void 0)
    return `${which} ran this task and an import failed: fix that interpreter's packages, or ${CHOOSE}.`;
  const candidates = [
    .../* @__PURE__ */ new Set([...await onPath("python3", searchPath), ...SYSTEM_PYTHONS])
  ].filter((candidate) => candidate !== ran);
  const able = await Promise.all(
    candidates.map((candidate) => canImport(candidate, module, context))
  );
  const other = candidates.find((_, index) => able[index]);
  return other ? `${which} cannot import ${module}, but ${other} on this machine can: re-run with --python ${other} (or set MLOPS_PYTHON; action input: python).` : `${which} cannot import ${module}, and no other Python found on this machine can. Install it for that interpreter, or ${CHOOSE}.`;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/local-runner/executors.js







class SubprocessExecutor {
  name = "subprocess";
  #python;
  #pythonPath;
  #passEnv;
  /**
   * `pythonPath`: folders put ahead of the user's PYTHONPATH, so `python3 -m components.x`
   * finds a repository's own component packages wherever the command runs from.
   * `passEnv`: variables passed to tasks beyond the allow-list (see task-environment.ts).
   */
  constructor(options = {}) {
    this.#python = options.python;
    this.#pythonPath = options.pythonPath ?? [];
    this.#passEnv = options.passEnv ?? [];
  }
  async run(task) {
    if (task.commandLength === 0) {
      throw new errors/* UserError */.yo(`the container has no command (it relies on the image's entrypoint)`, {
        fix: "Run it with the docker executor (--executor docker), or give the component a command."
      });
    }
    const [program = "", ...rest] = task.argv;
    const python = /^python3?$/.test(program);
    const file = this.#python && python ? this.#python : program;
    const env = {
      ...(0,task_environment/* taskEnvironment */.r)(process.env, this.#passEnv),
      ...task.env,
      ...this.#pythonPathEnv(task.env),
      PYTHONUNBUFFERED: "1"
    };
    const result = await (0,adapters_process/* runProcess */.R)(file, rest, {
      cwd: task.workdir,
      env,
      logFile: task.logFile,
      ...task.onOutput ? { onOutput: task.onOutput } : {},
      ...task.signal ? { signal: task.signal } : {}
    });
    if (result.spawnError?.code === "ENOENT") {
      throw new errors/* UserError */.yo(`the command "${file}" was not found on this machine`, {
        fix: "Install it, put it on PATH, or run with --executor docker to use the task image."
      });
    }
    const hint = python && result.exitCode !== 0 ? await importFailureHint(file, result.logTail, { env, cwd: task.workdir }) : void 0;
    return {
      exitCode: result.exitCode,
      logTail: result.logTail,
      commandLine: (0,adapters_process/* quoteArgv */.r)([file, ...rest]),
      ...hint ? { hint } : {}
    };
  }
  #pythonPathEnv(taskEnv) {
    if (this.#pythonPath.length === 0) return {};
    return {
      PYTHONPATH: joinPythonPath(this.#pythonPath, taskEnv.PYTHONPATH ?? process.env.PYTHONPATH)
    };
  }
}
function joinPythonPath(folders, existing) {
  return [...folders, ...existing ? [existing] : []].join(external_node_path_.delimiter);
}
function resourceFlags(resources) {
  const flags = [];
  const cpu = resources?.resourceCpuLimit ?? (resources?.cpuLimit !== void 0 ? String(resources.cpuLimit) : void 0);
  if (cpu) flags.push("--cpus", cpu.endsWith("m") ? String(Number(cpu.slice(0, -1)) / 1e3) : cpu);
  const memory = resources?.resourceMemoryLimit;
  if (memory) flags.push("--memory", memory.replace(/i$/, "").toLowerCase());
  return flags;
}
class DockerExecutor {
  name = "docker";
  async run(task) {
    const container = `mlops-${task.taskPath.replace(/[^a-zA-Z0-9_.-]+/g, "-")}-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    const command = task.argv.slice(0, task.commandLength);
    const args = task.argv.slice(task.commandLength);
    const dockerArgs = ["run", "--name", container, "--init"];
    const uid = process.getuid?.();
    const gid = process.getgid?.();
    if (uid !== void 0 && gid !== void 0) dockerArgs.push("--user", `${uid}:${gid}`);
    for (const mount of new Set(task.mounts)) dockerArgs.push("--volume", `${mount}:${mount}`);
    for (const [name, value] of Object.entries(task.env))
      dockerArgs.push("--env", `${name}=${value}`);
    dockerArgs.push(...resourceFlags(task.resources));
    const [entrypoint, ...commandRest] = command;
    if (entrypoint !== void 0) dockerArgs.push("--entrypoint", entrypoint);
    dockerArgs.push(task.image, ...commandRest, ...args);
    try {
      const result = await (0,adapters_process/* runProcess */.R)("docker", dockerArgs, {
        env: process.env,
        logFile: task.logFile,
        ...task.onOutput ? { onOutput: task.onOutput } : {},
        ...task.signal ? { signal: task.signal } : {}
      });
      if (result.spawnError?.code === "ENOENT") {
        throw new errors/* UserError */.yo("The docker executor needs the docker CLI, which is not on PATH", {
          fix: "Install Docker, or use --executor subprocess."
        });
      }
      const inspected = await (0,exec/* getExecOutput */.H)(
        "docker",
        ["inspect", "--format", "{{.State.ExitCode}}", container],
        { silent: true, ignoreReturnCode: true }
      );
      if (inspected.exitCode !== 0) {
        throw new errors/* UserError */.yo(
          `docker could not start image ${task.image}: ${result.logTail.filter(Boolean).at(-1) ?? "unknown error"}`,
          {
            fix: "Check that dockerd is running and the image exists locally (docker build / docker pull)."
          }
        );
      }
      return {
        exitCode: Number(inspected.stdout.trim()),
        logTail: result.logTail,
        commandLine: (0,adapters_process/* quoteArgv */.r)([...command, ...args])
      };
    } finally {
      await (0,exec/* getExecOutput */.H)("docker", ["rm", "--force", container], {
        silent: true,
        ignoreReturnCode: true
      }).catch(() => void 0);
    }
  }
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

/***/ 3270:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ taskEnvironment)
/* harmony export */ });
/* unused harmony export isTaskVariable */
const NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LANGUAGE",
  "TERM",
  "TZ",
  "TMPDIR",
  "TEMP",
  "TMP",
  "HOSTNAME",
  "LD_LIBRARY_PATH",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "REQUESTS_CA_BUNDLE",
  "CURL_CA_BUNDLE",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "VIRTUAL_ENV",
  "CONDA_PREFIX",
  "OMP_NUM_THREADS",
  "MKL_NUM_THREADS",
  "OPENBLAS_NUM_THREADS",
  "CUDA_VISIBLE_DEVICES",
  // Google Cloud access the components use (the credentials file the auth step wrote, or a
  // token the user exported on purpose), and the metadata server's address.
  "GOOGLE_APPLICATION_CREDENTIALS",
  "GOOGLE_OAUTH_ACCESS_TOKEN",
  "GOOGLE_CLOUD_PROJECT",
  "GCLOUD_PROJECT",
  "GCE_METADATA_HOST",
  "CLOUDSDK_CORE_PROJECT"
]);
const PREFIXES = ["LC_", "PYTHON", "MLOPS_"];
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|(^|_)KEY($|_)|AUTH/i;
function isTaskVariable(name) {
  if (NAMES.has(name)) return true;
  return PREFIXES.some((prefix) => name.startsWith(prefix)) && !CREDENTIAL_NAME.test(name);
}
function taskEnvironment(env, extraNames = []) {
  const extra = new Set(extraNames);
  const picked = {};
  for (const [name, value] of Object.entries(env))
    if (value !== void 0 && (extra.has(name) || isTaskVariable(name))) picked[name] = value;
  return picked;
}



/***/ })

};
