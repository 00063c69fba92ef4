export const id = 8291;
export const ids = [8291];
export const modules = {

/***/ 8291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileKfpPython: () => (/* binding */ compileKfpPython)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1260);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9033);
/* harmony import */ var _core_pipeline_task_environment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3270);






const KFP_MISSING = 3;
const NO_PIPELINE = 4;
const COMPILE_SCRIPT = `
import importlib.util, sys
try:
    from kfp import compiler
    from kfp.dsl import base_component
except ImportError as error:
    print(f"kfp is not importable by {sys.executable}: {error}", file=sys.stderr)
    sys.exit(${KFP_MISSING})
source, output, wanted = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location("mlops_user_pipeline", source)
module = importlib.util.module_from_spec(spec)
sys.modules["mlops_user_pipeline"] = module
spec.loader.exec_module(module)
pipelines = {name: value for name, value in vars(module).items()
             if isinstance(value, base_component.BaseComponent) and getattr(value, "pipeline_spec", None) is not None
             and type(value).__name__ == "GraphComponent"}
if wanted:
    pipelines = {name: value for name, value in pipelines.items() if name == wanted}
if len(pipelines) != 1:
    names = ", ".join(sorted(pipelines)) or "none"
    print(f"expected one @dsl.pipeline function{' named ' + wanted if wanted else ''}, found: {names}", file=sys.stderr)
    sys.exit(${NO_PIPELINE})
compiler.Compiler().compile(next(iter(pipelines.values())), output)
`;
async function compileKfpPython(file, options) {
  const workspace = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), "mlops-kfp-"));
  try {
    const script = node_path__WEBPACK_IMPORTED_MODULE_2__.join(workspace, "compile.py");
    const output = node_path__WEBPACK_IMPORTED_MODULE_2__.join(workspace, "pipeline.yaml");
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(script, COMPILE_SCRIPT);
    let result;
    try {
      result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_3__/* .getExecOutput */ .H)(
        options.python,
        [script, file, output, options.functionName ?? ""],
        {
          silent: true,
          ignoreReturnCode: true,
          cwd: node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file),
          // The pipeline file is repository code: it gets a task's environment, not the tool's.
          env: {
            ...(0,_core_pipeline_task_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .taskEnvironment */ .r)(process.env),
            PYTHONPATH: [node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), process.env.PYTHONPATH].filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)
          }
        }
      );
    } catch (error) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(
        `Cannot run ${options.python} to compile ${file}: ${error.message}`,
        {
          fix: "Install Python 3 with kfp (pip install kfp), or pass --python with the interpreter to use."
        }
      );
    }
    const lastLine = result.stderr.trim().split("\n").at(-1) ?? "";
    if (result.exitCode === KFP_MISSING) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Cannot compile ${file}: ${lastLine}`, {
        fix: `Install the KFP SDK for that interpreter (${options.python} -m pip install kfp), or pass --python.`
      });
    }
    if (result.exitCode === NO_PIPELINE)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Cannot compile ${file}: ${lastLine}`, {
        fix: "Name the function with --function."
      });
    if (result.exitCode !== 0) {
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(
        `Compiling ${file} with kfp failed (exit code ${result.exitCode}): ${lastLine}`,
        {
          details: result.stderr.trim().split("\n").slice(-15),
          fix: "Fix the error in the pipeline code; the Python traceback is above."
        }
      );
    }
    return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(output, "utf8");
  } finally {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(workspace, { recursive: true, force: true });
  }
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
