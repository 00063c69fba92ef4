export const id = 7075;
export const ids = [7075];
export const modules = {

/***/ 5435:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   L5: () => (/* binding */ parseFields),
/* harmony export */   NB: () => (/* binding */ defineCommand),
/* harmony export */   Oo: () => (/* binding */ once),
/* harmony export */   Uj: () => (/* binding */ stringInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   oN: () => (/* binding */ requireInput),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* unused harmony exports InputProblems, inputProblems */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function defineCommand(command) {
  return {
    ...command,
    parseInputs: (raw, context) => command.parseInputs(withDefaults(raw, command.inputs), context)
  };
}
function withDefaults(raw, inputs) {
  const fallback = (name) => inputs.find((input) => input.name === name)?.default;
  return {
    string(name) {
      const value = raw.string(name);
      return value === void 0 || value.trim() === "" ? fallback(name) ?? value : value;
    },
    list(name) {
      const items = raw.list(name);
      const value = fallback(name);
      return items.length === 0 && value !== void 0 ? [value] : items;
    },
    boolean(name) {
      const value = fallback(name);
      return raw.boolean(name) ?? (value === void 0 ? void 0 : value === "true");
    }
  };
}
function parseFields(command, fields) {
  const values = {};
  const problems = [];
  for (const [name, parse] of Object.entries(fields)) {
    try {
      values[name] = parse();
    } catch (error) {
      if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)) throw error;
      const found = error instanceof InputProblems ? error.problems : [error];
      problems.push(...found.filter((problem) => !problems.includes(problem)));
    }
  }
  if (problems.length > 0) throw inputProblems(command, problems);
  return values;
}
function once(parse) {
  let result;
  return () => {
    if (!result) {
      try {
        result = { value: parse() };
      } catch (error) {
        result = { error };
      }
    }
    if ("error" in result) throw result.error;
    return result.value;
  };
}
class InputProblems extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
  constructor(command, problems) {
    super(`${problems.length} inputs of ${command} are invalid`, {
      details: problems.map((problem) => {
        const details = problem.details.length > 0 ? ` (${problem.details.join("; ")})` : "";
        return `${problem.message}${details}${problem.fix ? `. Fix: ${problem.fix}` : ""}`;
      }),
      fix: "Correct each input as its line says, then run again; nothing was done."
    });
    this.problems = problems;
  }
  problems;
}
function inputProblems(command, problems) {
  const [first] = problems;
  return first && problems.length === 1 ? first : new InputProblems(command, problems);
}
function stringInput(raw, name) {
  const value = raw.string(name)?.trim();
  if (value === void 0) throw new Error(`Input "${name}" has no default`);
  return value;
}
function booleanInput(raw, name) {
  const value = raw.boolean(name);
  if (value === void 0) throw new Error(`Input "${name}" has no default`);
  return value;
}
function requireInput(raw, name, hint) {
  const value = raw.string(name);
  if (value === void 0 || value.trim() === "")
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Missing required input "${name}"`, { fix: hint });
  return value.trim();
}
function listInput(raw, name) {
  return raw.list(name).flatMap((item) => item.split(",")).map((item) => item.trim()).filter(Boolean);
}
function choiceInput(raw, name, choices, fallback) {
  const value = fallback === void 0 ? stringInput(raw, name) : raw.string(name)?.trim() || fallback;
  if (!choices.includes(value)) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${name}" is "${value}"`, {
      fix: `Use one of: ${choices.join(", ")}.`
    });
  }
  return value;
}
function integerInput(raw, name, min, fallback) {
  const value = raw.string(name)?.trim();
  if (value === void 0 || value === "") {
    if (fallback === void 0) throw new Error(`Input "${name}" has no default`);
    return fallback;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${name}" is "${value}"`, {
      fix: `Give a whole number of at least ${min}.`
    });
  return number;
}



/***/ }),

/***/ 9456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uiCommand: () => (/* binding */ uiCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _core_run_browser_loopback_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2118);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5435);




const DEFAULT_PIPELINE_ROOT = ".mlops/runs";
const uiCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .defineCommand */ .NB)({
  name: "ui",
  summary: "Browse the local runs of a pipeline root in a web browser: list, reports, comparison, artifacts (read-only, on 127.0.0.1, until stopped).",
  inputs: [
    {
      name: "pipeline-root",
      description: `UI: the folder whose runs to show (run --local's pipeline-root, default ${DEFAULT_PIPELINE_ROOT}).`,
      kind: "string",
      default: DEFAULT_PIPELINE_ROOT,
      valueName: "DIR"
    },
    {
      name: "port",
      description: "UI: the port to listen on (0 picks a free one).",
      kind: "integer",
      default: "8765"
    },
    {
      name: "host",
      description: "UI: the address to listen on (loopback unless --allow-remote).",
      kind: "string",
      default: "127.0.0.1",
      valueName: "ADDRESS"
    },
    {
      name: "allow-remote",
      description: "UI: allow a --host other machines can reach (runs hold parameters and previews of their data; there is no login).",
      kind: "boolean",
      default: "false"
    }
  ],
  outputs: [],
  parseInputs(raw, context) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFields */ .L5)("ui", {
      pipelineRoot: () => node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context.cwd, (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)(raw, "pipeline-root")),
      port: () => {
        const port = (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .integerInput */ .$A)(raw, "port", 0);
        if (port > 65535)
          throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "port" is "${port}"`, { fix: "Give a port from 0 to 65535." });
        return port;
      },
      host: () => {
        const host = (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)(raw, "host");
        if (!(0,_core_run_browser_loopback_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackAddress */ .O)(host) && !(0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanInput */ .tE)(raw, "allow-remote")) {
          throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--host ${host} would let other machines read your runs`, {
            fix: "Keep the default 127.0.0.1 (and reach it through an SSH tunnel from elsewhere), or add --allow-remote if everyone on that network may see the runs: their parameters and previews of their data, with no login."
          });
        }
        return host;
      }
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const { startRunBrowser } = await Promise.all(/* import() */[__webpack_require__.e(8816), __webpack_require__.e(6782), __webpack_require__.e(3455)]).then(__webpack_require__.bind(__webpack_require__, 220));
    const browser = await startRunBrowser({
      root: inputs.pipelineRoot,
      host: inputs.host,
      port: inputs.port
    }).catch((error) => {
      const code = error.code;
      if (code === "EADDRINUSE")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Port ${inputs.port} is in use`, {
          fix: "Stop what listens there, or pick another port (--port 0 picks a free one)."
        });
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${inputs.host} is no address of this machine`, {
          fix: "Give --host an address of this machine, e.g. 127.0.0.1."
        });
      throw error;
    });
    try {
      const { runs, rootExists } = browser.index.list();
      if (!rootExists)
        ui.warning(
          `${inputs.pipelineRoot} does not exist yet: make a run with mlops run --local PIPELINE --pipeline-root ${inputs.pipelineRoot}, or give --pipeline-root the folder your runs are in`
        );
      else if (runs.length === 0)
        ui.warning(
          `No runs under ${inputs.pipelineRoot} yet: they appear as mlops run --local writes them`
        );
      ui.info(
        ui.colors.ok(
          `Run browser for ${runs.length} run${runs.length === 1 ? "" : "s"} under ${inputs.pipelineRoot} at ${browser.url} (Ctrl-C stops it)`
        )
      );
      await new Promise((resolve) => {
        if (!context.signal) return;
        if (context.signal.aborted) return resolve();
        context.signal.addEventListener("abort", () => resolve(), { once: true });
      });
    } finally {
      await browser.close();
    }
    return { outputs: {} };
  }
});



/***/ }),

/***/ 2118:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isLoopbackHostHeader),
/* harmony export */   O: () => (/* binding */ isLoopbackAddress)
/* harmony export */ });
function isLoopbackAddress(host) {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
function isLoopbackHostHeader(header) {
  const name = (header ?? "").replace(/:\d+$/, "").toLowerCase();
  return isLoopbackAddress(name === "[::1]" ? "::1" : name);
}



/***/ })

};
