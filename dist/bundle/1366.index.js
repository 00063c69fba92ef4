export const id = 1366;
export const ids = [1366];
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

/***/ 1366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveCommand: () => (/* binding */ serveCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _adapters_package_root_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2375);
/* harmony import */ var _adapters_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4642);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9033);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5435);
/* harmony import */ var _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8407);







function checkModelDir({ modelDir, modelDirGiven: given }) {
  const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(modelDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`The model folder ${given} is a file, not a folder`, {
      fix: `Give the folder that holds it, ${node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(modelDir)}, if package-model wrote it (model.joblib and metadata.json).`
    });
  }
  if (!stat) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`The model folder ${given} does not exist`, {
      fix: "Give the folder package-model wrote (model.joblib and metadata.json), e.g. the run's package-model/deployable_model."
    });
  }
}
function serverFix(status, inputs) {
  const fixes = {
    1: "Check the model folder holds model.joblib and metadata.json from package-model.",
    2: "Correct the setting the message names (AIP_HEALTH_ROUTE and AIP_PREDICT_ROUTE come from the environment).",
    3: "Serve with the scikit-learn version the model was trained with, and pandas and joblib: pass --python with a Python that has them (the serving image pins them).",
    4: `Stop what listens on port ${inputs.port}, or pick another (--port 0 picks a free one).`,
    5: "Give --host an address of this machine: 127.0.0.1, or 0.0.0.0 to accept other machines.",
    6: "Serve the model folder package-model wrote, unchanged: model.joblib is not the file it hashed (loading a model runs code, so find out what replaced it before serving it). MLOPS_MODEL_SHA256, when set, must be that model's sha256."
  };
  return fixes[status];
}
const SERVER = "pipelines/serving/server.py";
const serveCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .defineCommand */ .NB)({
  name: "serve",
  cli: {
    shorthands: [
      { name: "local", description: "Serve on this machine (the only place serve runs)." }
    ]
  },
  summary: "Serve a packaged model (model.joblib + metadata.json) on this machine with the prediction server the serving image runs, until stopped.",
  inputs: [
    {
      name: "model-dir",
      description: "Serve: the packaged model folder (package-model's deployable model, or a local copy of a Vertex model's artifacts).",
      kind: "string",
      required: true,
      positional: true
    },
    {
      name: "port",
      description: "Serve: the port to listen on (0 picks a free one).",
      kind: "integer",
      default: "8080"
    },
    {
      name: "host",
      description: "Serve: the address to listen on (0.0.0.0 to accept other machines).",
      kind: "string",
      default: "127.0.0.1",
      valueName: "ADDRESS"
    },
    _pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .PYTHON_INPUT */ .oj
  ],
  outputs: [],
  parseInputs(raw, context) {
    const given = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .once */ .Oo)(
      () => (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .requireInput */ .oN)(raw, "model-dir", "Give the packaged model folder to serve.")
    );
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFields */ .L5)("serve", {
      modelDir: () => node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(context.cwd, given()),
      modelDirGiven: given,
      port: () => {
        const port = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .integerInput */ .$A)(raw, "port", 0);
        if (port > 65535)
          throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "port" is "${port}"`, { fix: "Give a port from 0 to 65535." });
        return port;
      },
      host: () => (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .stringInput */ .Uj)(raw, "host"),
      python: () => (0,_pipeline_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .pythonInput */ .ZY)(raw, context)
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    checkModelDir(inputs);
    const result = await (0,_adapters_process_js__WEBPACK_IMPORTED_MODULE_3__/* .runProcess */ .R)(
      inputs.python,
      [
        "-m",
        "serving.server",
        "--model-dir",
        inputs.modelDir,
        "--port",
        String(inputs.port),
        "--host",
        inputs.host
      ],
      {
        cwd: node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,_adapters_package_root_js__WEBPACK_IMPORTED_MODULE_2__/* .packageRoot */ .Z)(SERVER), "pipelines"),
        env: { ...context.env, PYTHONDONTWRITEBYTECODE: "1" },
        ...context.signal ? { signal: context.signal } : {},
        onOutput: (line) => {
          if (!line) return;
          const url = /^listening on (\S+)/.exec(line)?.[1];
          ui.info(
            url ? ui.colors.ok(`Serving ${inputs.modelDir} at ${url} (Ctrl-C stops it)`) : ui.colors.dim(line)
          );
        }
      }
    );
    if (result.spawnError) {
      throw result.spawnError.code === "ENOENT" ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Python (${inputs.python}) is not on PATH`, {
        fix: "Install Python 3 with scikit-learn, pandas and joblib, or pass --python."
      }) : result.spawnError;
    }
    const code = result.exitCode;
    if (code === 0 || context.signal?.aborted) return { outputs: {} };
    const message = `The prediction server stopped (exit code ${code}): ${result.logTail.findLast(Boolean) ?? ""}`;
    const fix = serverFix(code, inputs);
    if (fix === void 0) throw new Error(message);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(message, { fix });
  }
});



/***/ })

};
