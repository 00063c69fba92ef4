export const id = 6782;
export const ids = [6782];
export const modules = {

/***/ 1604:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ projectOfRun),
/* harmony export */   Ie: () => (/* binding */ loadReportArtifacts),
/* harmony export */   ao: () => (/* binding */ ArtifactReader)
/* harmony export */ });
/* unused harmony exports MAX_ARTIFACT_BYTES, taskLinks */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9033);
/* harmony import */ var _core_run_report_report_artifacts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5195);





const MAX_ARTIFACT_BYTES = 5 * 1024 * 1024;
class ArtifactReader {
  #options;
  #storage;
  constructor(options) {
    this.#options = options;
  }
  /** The text of the file at `uri`, or why it could not be read. */
  async read(uri) {
    try {
      const text = uri.startsWith("gs://") ? await this.#readGcs(uri) : await this.#readLocal(uri);
      return text === void 0 ? { uri, error: "it does not exist" } : { uri, text };
    } catch (error) {
      return { uri, error: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error).split("\n")[0] ?? "" };
    }
  }
  get #maxBytes() {
    return this.#options.maxBytes ?? MAX_ARTIFACT_BYTES;
  }
  async #readLocal(uri) {
    const file = uri.startsWith("file://") ? (0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(uri) : uri;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, "r").catch((error) => {
      if (error.code === "ENOENT") return void 0;
      throw error;
    });
    if (!handle) return void 0;
    try {
      const { size } = await handle.stat();
      if (size > this.#maxBytes) throw new Error(`${file} is larger than ${this.#maxBytes} bytes`);
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  }
  async #readGcs(uri) {
    this.#storage ??= (async () => {
      const { CloudStorage } = await __webpack_require__.e(/* import() */ 1191).then(__webpack_require__.bind(__webpack_require__, 1191));
      const { env, project, onRetry } = this.#options;
      return CloudStorage.connect({
        project: project ?? env.GOOGLE_CLOUD_PROJECT ?? "",
        env,
        ...onRetry ? { onRetry } : {}
      });
    })();
    const storage = await this.#storage;
    return storage.readText(uri, this.#maxBytes);
  }
}
function projectOfRun(record) {
  if (record.backend !== "vertex") return void 0;
  try {
    return new URL(record.location).searchParams.get("project") ?? void 0;
  } catch {
    return void 0;
  }
}
async function taskLinks(record, reportDir) {
  const links = {};
  for (const task of Object.values(record.tasks)) {
    if (record.backend === "vertex") {
      if (/^https:\/\//.test(record.location)) links[task.path] = record.location;
      continue;
    }
    const log = task.failure?.logFile ?? node_path__WEBPACK_IMPORTED_MODULE_1__.join(record.location, task.path, "task.log");
    const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(log).then(
      () => true,
      () => false
    );
    if (found) links[task.path] = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(reportDir, log).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join("/");
  }
  return links;
}
async function loadReportArtifacts(record, reader, reportDir) {
  const uris = (0,_core_run_report_report_artifacts_js__WEBPACK_IMPORTED_MODULE_4__/* .reportArtifactUris */ .Gn)(record);
  const entries = await Promise.all(
    Object.entries(uris).map(
      async ([part, uri]) => [part, await reader.read(uri)]
    )
  );
  return { ...Object.fromEntries(entries), links: await taskLinks(record, reportDir) };
}



/***/ }),

/***/ 6692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ parseCsv)
/* harmony export */ });
function parseCsv(text, limit = Number.POSITIVE_INFINITY) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (rows.length < limit && (field !== "" || row.length > 0)) rows.push([...row, field]);
  return rows;
}



/***/ }),

/***/ 6708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ contentSecurityPolicy),
/* harmony export */   Ab: () => (/* binding */ PALETTE),
/* harmony export */   X: () => (/* binding */ htmlPage),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   jJ: () => (/* binding */ DASHES),
/* harmony export */   vN: () => (/* binding */ jsonForScript)
/* harmony export */ });
const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
  "#7F7F7F",
  "#B8B8B8"
];
const DASHES = ["", "6 3", "2 2", "8 3 2 3", "1 3"];
const ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
const BASE_STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--ok:#1a7f37;--fail:#cf222e;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.num,th.num{text-align:right}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--panel);padding:8px;overflow:auto;max-height:480px}
.muted{color:var(--muted)}
.headline{padding:10px 14px;border-radius:6px;font-weight:600;margin:8px 0 16px;border:1px solid}
.headline.pass{background:#dafbe1;border-color:var(--ok);color:#116329}
.headline.fail{background:#ffebe9;border-color:var(--fail);color:#82071e}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{flex:0 0 auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.warning{color:var(--warn)}
nav.top{display:flex;gap:16px;align-items:center;padding:8px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
@media print{nav.top,.no-print{display:none}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}h2{break-after:avoid}.chart,table{break-inside:avoid}}
`;
function contentSecurityPolicy(fetchFromOrigin = false) {
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'${fetchFromOrigin ? "; connect-src 'self'" : ""}`;
}
function htmlPage(parts) {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(parts.fetchFromOrigin)}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${BASE_STYLE}${parts.style ?? ""}</style>`,
    parts.head ?? "",
    "</head>",
    "<body>",
    parts.body,
    parts.script ? `<script>${parts.script}</script>` : "",
    "</body>",
    "</html>"
  ].filter((line) => line !== "").join("\n").concat("\n");
}



/***/ }),

/***/ 5195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ reportArtifactUris),
/* harmony export */   QK: () => (/* binding */ parseEvaluation),
/* harmony export */   R: () => (/* binding */ parseDriftTable),
/* harmony export */   YR: () => (/* binding */ parseModelMetadata),
/* harmony export */   jx: () => (/* binding */ parseDataProfile),
/* harmony export */   n6: () => (/* binding */ compareText)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6692);
/* harmony import */ var _run_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9195);
/* harmony import */ var _zod_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4262);




function outputUri(record, name) {
  const tasks = Object.values(record.tasks).filter((task) => task.state === "SUCCEEDED").sort((a, b) => compareText(a.path, b.path));
  for (const task of tasks) {
    const uri = task.artifacts[name]?.[0]?.uri;
    if (uri) return uri;
  }
  return void 0;
}
function reportArtifactUris(record) {
  const model = (() => {
    try {
      return (0,_run_record_js__WEBPACK_IMPORTED_MODULE_0__/* .modelArtifact */ .k5)(record, void 0).artifact.uri;
    } catch {
      return void 0;
    }
  })();
  const uris = {
    evaluation: outputUri(record, "evaluation"),
    preprocessReport: outputUri(record, "preprocess_report"),
    featureDrift: outputUri(record, "feature_drift"),
    modelMetadata: model ? `${model.replace(/\/+$/, "")}/metadata.json` : void 0
  };
  return Object.fromEntries(
    Object.entries(uris).filter((entry) => entry[1] !== void 0)
  );
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
const CurveSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
  label: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  x: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  y: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  thresholds: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()).optional()
});
const EvaluationSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
  schema_version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
  task: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(["binary", "multiclass", "regression"]),
  model: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  primary_metric: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  rows: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
  metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  intervals: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()])).default({}),
  classes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
  positive_class: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  confusion_matrix: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig())).optional(),
  threshold: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
  roc: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(CurveSchema).optional(),
  precision_recall: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(CurveSchema).optional(),
  calibration: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(CurveSchema.extend({ count: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()).optional() })).optional(),
  predicted_vs_actual: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ actual: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()), predicted: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()) }).optional(),
  residuals: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ edges: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()), counts: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()) }).optional(),
  feature_importances: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ feature: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), importance: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), std: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig() })).optional(),
  candidates: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(
    zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
      name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      cv_score: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
      metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
      chosen: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
    })
  ).default([])
});
const PreprocessReportSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  rows_in: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
  train_rows: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
  test_rows: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
  target_column: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  task: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
  class_balance: zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ all: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ count: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig() })) }).optional(),
  feature_columns: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(
    zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
      name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      missing: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
      distinct: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional()
    })
  ),
  dropped_columns: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() })])).default([])
});
function parseJsonArtifact(file, what, schema) {
  if ("error" in file) return { warning: `${what} (${file.uri}) could not be read: ${file.error}` };
  let json;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { warning: `${what} (${file.uri}) is not JSON: ${error.message}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = (0,_zod_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatZodIssues */ .t)(parsed.error);
    return {
      warning: `${what} (${file.uri}) is not in the expected shape: ${problems.slice(0, 3).join("; ")}`
    };
  }
  return { value: parsed.data };
}
const curves = (list) => list?.map((curve) => ({
  label: curve.label,
  x: curve.x,
  y: curve.y,
  ...curve.thresholds ? { thresholds: curve.thresholds } : {}
}));
function parseEvaluation(file) {
  const parsed = parseJsonArtifact(file, "The evaluation", EvaluationSchema);
  if (!("value" in parsed)) return parsed;
  const e = parsed.value;
  const evaluation = {
    task: e.task,
    model: e.model,
    primaryMetric: e.primary_metric,
    rows: e.rows,
    metrics: e.metrics,
    intervals: e.intervals,
    ...e.classes ? { classes: e.classes } : {},
    ...e.positive_class !== void 0 ? { positiveClass: e.positive_class } : {},
    ...e.confusion_matrix ? { confusionMatrix: e.confusion_matrix } : {},
    ...e.threshold !== void 0 ? { threshold: e.threshold } : {},
    ...e.roc ? { roc: curves(e.roc) } : {},
    ...e.precision_recall ? { precisionRecall: curves(e.precision_recall) } : {},
    ...e.calibration ? { calibration: curves(e.calibration) } : {},
    ...e.predicted_vs_actual ? { predictedVsActual: e.predicted_vs_actual } : {},
    ...e.residuals ? { residuals: e.residuals } : {},
    ...e.feature_importances ? {
      featureImportances: [...e.feature_importances].sort(
        (a, b) => b.importance - a.importance || compareText(a.feature, b.feature)
      )
    } : {},
    candidates: e.candidates.map((candidate) => ({
      name: candidate.name,
      cvScore: candidate.cv_score,
      metrics: candidate.metrics,
      chosen: candidate.chosen
    }))
  };
  return { value: evaluation };
}
function parseDataProfile(file) {
  const parsed = parseJsonArtifact(file, "The preprocess report", PreprocessReportSchema);
  if (!("value" in parsed)) return parsed;
  const report = parsed.value;
  const balance = report.class_balance?.all;
  return {
    value: {
      rows: report.rows_in,
      ...report.train_rows !== void 0 ? { trainRows: report.train_rows } : {},
      ...report.test_rows !== void 0 ? { testRows: report.test_rows } : {},
      ...report.target_column ? { target: report.target_column } : {},
      ...report.task ? { task: report.task } : {},
      columns: report.feature_columns.map((column) => ({
        name: column.name,
        kind: column.kind,
        missing: column.missing,
        ...column.distinct !== void 0 ? { distinct: column.distinct } : {}
      })),
      ...balance ? {
        classBalance: Object.fromEntries(
          Object.entries(balance).map(([name, entry]) => [name, entry.count])
        )
      } : {},
      droppedColumns: report.dropped_columns.map(
        (column) => typeof column === "string" ? column : `${column.name} (${column.reason})`
      )
    }
  };
}
function parseModelMetadata(file) {
  return parseJsonArtifact(file, "The model metadata", zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()));
}
function parseDriftTable(file) {
  const what = `The drift table (${file.uri})`;
  if ("error" in file) return { warning: `${what} could not be read: ${file.error}` };
  const [header = [], ...rows] = (0,_csv_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCsv */ .W)(file.text).filter(
    (cells) => cells.some((cell) => cell !== "")
  );
  const missing = [
    "feature",
    "kind",
    "method",
    "statistic",
    "threshold",
    "drifted",
    "reason"
  ].filter((column) => !header.includes(column));
  if (missing.length > 0) return { warning: `${what} lacks the columns ${missing.join(", ")}` };
  const features = [];
  for (const cells of rows) {
    const cell = (name) => cells[header.indexOf(name)] ?? "";
    const statistic = Number(cell("statistic"));
    const threshold = Number(cell("threshold"));
    const pValue = cell("p_value") === "" ? void 0 : Number(cell("p_value"));
    if (!Number.isFinite(statistic) || !Number.isFinite(threshold)) {
      return { warning: `${what} has a row for ${cell("feature")} without numbers` };
    }
    features.push({
      feature: cell("feature"),
      kind: cell("kind"),
      method: cell("method"),
      statistic,
      threshold,
      ...pValue !== void 0 && Number.isFinite(pValue) ? { pValue } : {},
      drifted: cell("drifted") === "true",
      reason: cell("reason")
    });
  }
  return {
    value: features.sort(
      (a, b) => Number(b.drifted) - Number(a.drifted) || compareText(a.feature, b.feature)
    )
  };
}



/***/ }),

/***/ 2912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pv: () => (/* binding */ buildReportData),
  Ns: () => (/* binding */ reportEvaluation)
});

// UNUSED EXPORTS: reportDag

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/report/pipeline-report.js
var pipeline_report = __webpack_require__(2360);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/graph.js
var graph = __webpack_require__(9228);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-record.js
var run_record = __webpack_require__(9195);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/report-artifacts.js
var report_artifacts = __webpack_require__(5195);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/report-model.js
const REPORT_DATA_VERSION = 1;


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/downsample.js
var downsample = __webpack_require__(5178);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/report-data.js






function buildReportData(record, artifacts, options = {}) {
  const warnings = [];
  const take = (parsed) => {
    if (parsed === void 0) return void 0;
    if ("warning" in parsed) {
      warnings.push(parsed.warning);
      return void 0;
    }
    return parsed.value;
  };
  const evaluation = downsampled(
    take(artifacts.evaluation && (0,report_artifacts/* parseEvaluation */.QK)(artifacts.evaluation))
  );
  const data = take(artifacts.preprocessReport && (0,report_artifacts/* parseDataProfile */.jx)(artifacts.preprocessReport));
  const drift = take(artifacts.featureDrift && (0,report_artifacts/* parseDriftTable */.R)(artifacts.featureDrift));
  const metadata = take(artifacts.modelMetadata && (0,report_artifacts/* parseModelMetadata */.YR)(artifacts.modelMetadata));
  const metricsTask = metricsTaskOf(record, options.metricsTask);
  const champion = options.champion && {
    source: options.champion.source,
    metrics: options.champion.metrics,
    evaluation: downsampled(
      take(options.champion.evaluation && (0,report_artifacts/* parseEvaluation */.QK)(options.champion.evaluation))
    )
  };
  const metrics = Object.entries(record.metrics).sort(([a], [b]) => (0,report_artifacts/* compareText */.n6)(a, b)).map(([task, values]) => ({ task, metrics: values }));
  return {
    version: REPORT_DATA_VERSION,
    run: {
      id: record.runId,
      pipeline: record.pipelineName,
      backend: record.backend,
      state: record.state,
      startTime: record.startTime,
      ...record.endTime ? { endTime: record.endTime } : {},
      ...record.durationMs !== void 0 ? { durationMs: record.durationMs } : {},
      location: record.location,
      parameters: record.parameters,
      outputs: record.outputs
    },
    verdict: verdictOf(
      record,
      evaluation,
      metricsTask,
      drift?.filter((feature) => feature.drifted).length
    ),
    dag: reportDag(record, artifacts.links ?? {}),
    metrics,
    ...withMetricsTask(metricsTask),
    ...evaluation ? { evaluation } : {},
    ...data ? { data } : {},
    ...drift ? { drift } : {},
    ...champion ? { champion: withoutUndefined(champion) } : {},
    facts: facts(record, metadata),
    warnings
  };
}
function withoutUndefined(champion) {
  const { evaluation, ...rest } = champion;
  return evaluation ? { ...rest, evaluation } : rest;
}
function metricsTaskOf(record, named) {
  if (named !== void 0) return named in record.metrics ? named : void 0;
  const evaluating = Object.values(record.tasks).filter((task) => task.artifacts.evaluation && task.path in record.metrics).sort((a, b) => (0,report_artifacts/* compareText */.n6)(a.path, b.path))[0];
  if (evaluating) return evaluating.path;
  try {
    return (0,run_record/* taskMetrics */.TH)(record.metrics, void 0).task;
  } catch {
    return void 0;
  }
}
function withMetricsTask(task) {
  return task === void 0 ? {} : { metricsTask: task };
}
function reportEvaluation(file) {
  const parsed = (0,report_artifacts/* parseEvaluation */.QK)(file);
  return "value" in parsed ? downsampled(parsed.value) : void 0;
}
function downsampled(evaluation) {
  if (!evaluation) return void 0;
  const each = (list) => list?.map((curve) => (0,downsample/* downsampleCurve */.u)(curve));
  return {
    ...evaluation,
    ...evaluation.roc ? { roc: each(evaluation.roc) } : {},
    ...evaluation.precisionRecall ? { precisionRecall: each(evaluation.precisionRecall) } : {},
    ...evaluation.calibration ? { calibration: each(evaluation.calibration) } : {}
  };
}
function isGroup(path, tasks) {
  return tasks.some((task) => task.path.startsWith(`${path}/`));
}
function parentOf(path, paths) {
  const segments = path.split("/");
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join("/");
    if (paths.has(prefix)) return prefix;
  }
  return void 0;
}
function reportDag(record, links) {
  const tasks = Object.values(record.tasks);
  const paths = new Set(tasks.map((task) => task.path));
  const resolve = (task, name) => {
    if (paths.has(name)) return name;
    for (let scope = parentOf(task.path, paths); scope; scope = parentOf(scope, paths)) {
      if (paths.has(`${scope}/${name}`)) return `${scope}/${name}`;
    }
    return void 0;
  };
  const upstreamOf = new Map(
    tasks.map((task) => [
      task.path,
      [...new Set((task.upstream ?? []).flatMap((name) => resolve(task, name) ?? []))].sort(
        report_artifacts/* compareText */.n6
      )
    ])
  );
  const order = (0,graph/* topologicalOrder */._)(
    new Map(
      tasks.map((task) => {
        const parent = parentOf(task.path, paths);
        return [task.path, [...upstreamOf.get(task.path) ?? [], ...parent ? [parent] : []]];
      })
    ),
    report_artifacts/* compareText */.n6
  );
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const nodes = order.flatMap((path) => {
    const task = byPath.get(path);
    if (!task) return [];
    const parent = parentOf(path, paths);
    const link = links[path];
    return [
      {
        id: path,
        label: task.name,
        state: task.state,
        ...task.durationMs !== void 0 ? { durationMs: task.durationMs } : {},
        cached: task.cached,
        ...parent ? { parent } : {},
        group: isGroup(path, tasks),
        ...link ? { link } : {}
      }
    ];
  });
  const edges = order.flatMap(
    (path) => (upstreamOf.get(path) ?? []).map((from) => ({ from, to: path }))
  );
  return { nodes, edges };
}
function qualityBar(record) {
  const tasks = Object.values(record.tasks).sort((a, b) => (0,report_artifacts/* compareText */.n6)(a.path, b.path));
  for (const task of tasks) {
    const value = task.parameters.passed;
    if (typeof value === "boolean") return { task: task.path, passed: value };
    if (value === "true" || value === "false") return { task: task.path, passed: value === "true" };
  }
  return void 0;
}
function firstFailure(record) {
  const tasks = Object.values(record.tasks);
  return tasks.filter((task) => task.state === "FAILED" && !isGroup(task.path, tasks)).sort(
    (a, b) => (0,report_artifacts/* compareText */.n6)(a.startTime ?? "", b.startTime ?? "") || (0,report_artifacts/* compareText */.n6)(a.path, b.path)
  )[0];
}
function barInWords(record, evaluation, metricsTask, passed) {
  const metrics = evaluation?.metrics ?? (metricsTask === void 0 ? void 0 : record.metrics[metricsTask]) ?? {};
  for (const [name, floor] of Object.entries(record.parameters).sort(
    ([a], [b]) => (0,report_artifacts/* compareText */.n6)(a, b)
  )) {
    const metric = name.startsWith("min_") ? name.slice("min_".length) : void 0;
    const value = metric === void 0 ? void 0 : metrics[metric];
    if (typeof floor === "number" && value !== void 0) {
      return `${metric} ${value.toFixed(4)} ${passed ? "\u2265" : "<"} ${floor.toFixed(4)} (${name})`;
    }
  }
  const primary = evaluation && evaluation.metrics[evaluation.primaryMetric];
  return primary === void 0 || !evaluation ? "" : `${evaluation.primaryMetric} ${(0,pipeline_report/* formatMetric */.gI)(primary)}`;
}
function verdictOf(record, evaluation, metricsTask, driftedFeatures) {
  if (record.state === "FAILED") {
    const failed = firstFailure(record);
    return {
      passed: false,
      headline: failed ? `Failed: task ${failed.path} failed` : "Failed: the run failed"
    };
  }
  if (record.state === "CANCELLED") return { passed: false, headline: "Cancelled before it ended" };
  if (record.state === "RUNNING") return { passed: false, headline: "Still running (or killed)" };
  const bar = qualityBar(record);
  const model = evaluation?.model ?? record.outputs.best_model_name;
  const words = (passed) => [typeof model === "string" ? model : "", barInWords(record, evaluation, metricsTask, passed)].filter((part) => part !== "").join(", ");
  if (bar && !bar.passed) {
    const detail = words(false);
    return {
      passed: false,
      headline: `Did not pass the quality bar${detail ? `: ${detail}` : ""}`
    };
  }
  if (bar) {
    const detail = words(true);
    return { passed: true, headline: `Passed${detail ? `: ${detail}` : ""}` };
  }
  if (driftedFeatures !== void 0) {
    return driftedFeatures > 0 ? {
      passed: false,
      headline: `Drift in ${driftedFeatures} feature${driftedFeatures === 1 ? "" : "s"}`
    } : { passed: true, headline: "No drift" };
  }
  return { passed: true, headline: "Succeeded" };
}
const report_data_text = (value) => typeof value === "string" && value !== "" ? value : void 0;
function facts(record, fileMetadata) {
  const recorded = (() => {
    try {
      return (0,run_record/* modelArtifact */.k5)(record, void 0).artifact.metadata;
    } catch {
      return {};
    }
  })();
  const metadata = { ...recorded, ...fileMetadata };
  const list = [];
  const add = (label, value) => {
    if (value) list.push({ label, value });
  };
  add("Written by", record.producer && `${record.producer.name} ${record.producer.version}`);
  add("Git commit", record.gitCommit);
  add("Model", report_data_text(metadata.model_type));
  const framework = report_data_text(metadata.framework);
  add(
    "Framework",
    framework && [framework, report_data_text(metadata.framework_version)].filter(Boolean).join(" ")
  );
  add("Python", report_data_text(metadata.python_version));
  const libraries = metadata.library_versions;
  if (libraries && typeof libraries === "object") {
    add(
      "Libraries",
      Object.entries(libraries).filter((entry) => typeof entry[1] === "string").sort(([a], [b]) => (0,report_artifacts/* compareText */.n6)(a, b)).map(([name, version]) => `${name} ${version}`).join(", ")
    );
  }
  add("Model sha256", report_data_text(metadata.model_sha256));
  const tasksByImage = /* @__PURE__ */ new Map();
  for (const task of Object.values(record.tasks).sort((a, b) => (0,report_artifacts/* compareText */.n6)(a.path, b.path))) {
    if (task.image)
      tasksByImage.set(task.image, [...tasksByImage.get(task.image) ?? [], task.path]);
  }
  for (const [image, paths] of [...tasksByImage].sort(([a], [b]) => (0,report_artifacts/* compareText */.n6)(a, b))) {
    add(
      "Image",
      `${image} (${tasksByImage.size === 1 ? "every container task" : paths.join(", ")})`
    );
  }
  return list;
}



/***/ }),

/***/ 842:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ renderReportHtml)
});

// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var core_duration = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/placeholders.js
var placeholders = __webpack_require__(5254);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/report/pipeline-report.js
var pipeline_report = __webpack_require__(2360);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/html-page.js
var html_page = __webpack_require__(6708);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/charts.js + 5 modules
var svg_charts = __webpack_require__(639);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/confusion-matrix.js
var confusion_matrix = __webpack_require__(9290);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/report-charts.js



const points = (curve) => curve.x.map((x, index) => [x, curve.y[index] ?? 0]);
function series(own, champion) {
  return [
    ...(own ?? []).map((curve, index) => ({
      label: curve.label,
      points: points(curve),
      color: html_page/* PALETTE */.Ab[index % html_page/* PALETTE */.Ab.length]
    })),
    ...(champion ?? []).map((curve, index) => ({
      label: `champion: ${curve.label}`,
      points: points(curve),
      color: html_page/* PALETTE */.Ab[index % html_page/* PALETTE */.Ab.length],
      dash: html_page/* DASHES */.jJ[1]
    }))
  ];
}
const figure = (svg) => `<figure class="chart">${svg}</figure>`;
function sameShape(a, b) {
  return a.length === b.length && a.every((row, index) => row.length === b[index]?.length);
}
function evaluationCharts(evaluation, theirs) {
  const charts = [];
  const unit = [0, 1];
  if (evaluation.roc) {
    charts.push(
      figure(
        (0,svg_charts/* lineChartSvg */.JA)({
          title: "ROC curve",
          xLabel: "False positive rate",
          yLabel: "True positive rate",
          series: series(evaluation.roc, theirs?.roc),
          xDomain: unit,
          yDomain: unit,
          diagonal: true
        })
      )
    );
  }
  if (evaluation.precisionRecall) {
    charts.push(
      figure(
        (0,svg_charts/* lineChartSvg */.JA)({
          title: "Precision\u2013recall curve",
          xLabel: "Recall",
          yLabel: "Precision",
          series: series(evaluation.precisionRecall, theirs?.precisionRecall),
          xDomain: unit,
          yDomain: unit
        })
      )
    );
  }
  if (evaluation.calibration) {
    charts.push(
      figure(
        (0,svg_charts/* lineChartSvg */.JA)({
          title: "Calibration",
          xLabel: "Mean predicted probability",
          yLabel: "Observed share of positives",
          series: series(evaluation.calibration, theirs?.calibration),
          xDomain: unit,
          yDomain: unit,
          diagonal: true
        })
      )
    );
  }
  if (evaluation.confusionMatrix && evaluation.classes) {
    const baseline = theirs?.confusionMatrix;
    charts.push(
      figure(
        (0,confusion_matrix/* confusionMatrixSvg */.I)({
          title: "Confusion matrix",
          classes: evaluation.classes,
          matrix: evaluation.confusionMatrix,
          ...baseline && sameShape(baseline, evaluation.confusionMatrix) ? { baseline } : {}
        })
      )
    );
  }
  if (evaluation.predictedVsActual) {
    const { actual, predicted } = evaluation.predictedVsActual;
    charts.push(
      figure(
        (0,svg_charts/* scatterSvg */.Z6)({
          title: "Predicted vs actual",
          xLabel: "Actual",
          yLabel: "Predicted",
          points: actual.map((value, index) => [value, predicted[index] ?? 0]),
          diagonal: true
        })
      )
    );
  }
  if (evaluation.residuals) {
    charts.push(
      figure(
        (0,svg_charts/* histogramSvg */.Pj)({
          title: "Residuals (actual \u2212 predicted)",
          xLabel: "Residual",
          edges: evaluation.residuals.edges,
          counts: evaluation.residuals.counts
        })
      )
    );
  }
  return charts;
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/report-threshold.js


function thresholdData(evaluation) {
  const [curve] = evaluation.roc ?? [];
  const matrix = evaluation.confusionMatrix;
  const classes = evaluation.classes ?? [];
  if (evaluation.task !== "binary" || !curve?.thresholds || matrix?.length !== 2) return void 0;
  const positive = Math.max(classes.indexOf(evaluation.positiveClass ?? ""), 0) === 0 ? 0 : 1;
  const sum = (row) => (row ?? []).reduce((total, value) => total + value, 0);
  const thresholds = curve.thresholds;
  const recorded = evaluation.threshold ?? 0.5;
  let start = 0;
  thresholds.forEach((threshold, index) => {
    if (threshold >= recorded) start = index;
  });
  return {
    positives: sum(matrix[positive]),
    negatives: sum(matrix[1 - positive]),
    fpr: curve.x,
    tpr: curve.y,
    thresholds,
    start
  };
}
function thresholdSlider(evaluation) {
  const slider = thresholdData(evaluation);
  const matrix = evaluation.confusionMatrix;
  if (!slider || !matrix) return void 0;
  const classes = evaluation.classes ?? ["negative", "positive"];
  const positiveIndex = Math.max(classes.indexOf(evaluation.positiveClass ?? ""), 0) === 0 ? 0 : 1;
  const negativeIndex = 1 - positiveIndex;
  const positive = (0,html_page/* escapeHtml */.ZD)(classes[positiveIndex] ?? "positive");
  const negative = (0,html_page/* escapeHtml */.ZD)(classes[negativeIndex] ?? "negative");
  const cell = (actual, predicted) => matrix[actual]?.[predicted] ?? 0;
  const tp = cell(positiveIndex, positiveIndex);
  const fp = cell(negativeIndex, positiveIndex);
  const fn = cell(positiveIndex, negativeIndex);
  const tn = cell(negativeIndex, negativeIndex);
  const ratio = (a, b) => b === 0 ? "\u2014" : (0,pipeline_report/* formatMetric */.gI)(a / b);
  const recorded = evaluation.threshold ?? 0.5;
  return [
    '<h3 id="threshold-heading">Decision threshold</h3>',
    `<div id="threshold" class="no-print" hidden><label for="threshold-input">Threshold: <output id="threshold-value">${(0,pipeline_report/* formatMetric */.gI)(recorded)}</output></label> `,
    `<input id="threshold-input" type="range" min="0" max="${slider.thresholds.length - 1}" step="1" value="${slider.start}" aria-describedby="threshold-note"></div>`,
    `<p id="threshold-note" class="muted">Counts at the recorded threshold ${(0,pipeline_report/* formatMetric */.gI)(recorded)}; with script, move the slider to see them at another (read from the ROC curve's points).</p>`,
    `<table id="threshold-matrix"><thead><tr><th scope="col">Actual \\ predicted</th><th scope="col">${positive}</th><th scope="col">${negative}</th></tr></thead><tbody>`,
    `<tr><th scope="row">${positive}</th><td class="num" id="tm-tp">${tp}</td><td class="num" id="tm-fn">${fn}</td></tr>`,
    `<tr><th scope="row">${negative}</th><td class="num" id="tm-fp">${fp}</td><td class="num" id="tm-tn">${tn}</td></tr>`,
    "</tbody></table>",
    `<p>Precision <span id="tm-precision">${ratio(tp, tp + fp)}</span>, recall <span id="tm-recall">${ratio(tp, tp + fn)}</span>.</p>`,
    `<script type="application/json" id="threshold-data">${(0,html_page/* jsonForScript */.vN)(slider)}</script>`
  ].join("\n");
}
const SLIDER_SCRIPT = `(function(){
var source=document.getElementById('threshold-data');if(!source)return;
var d=JSON.parse(source.textContent),input=document.getElementById('threshold-input');
var fmt=function(v){return Number.isInteger(v)?String(v):v.toFixed(4)};
var set=function(id,v){document.getElementById(id).textContent=v};
function show(i){var tp=Math.round(d.tpr[i]*d.positives),fp=Math.round(d.fpr[i]*d.negatives);
var fn=d.positives-tp,tn=d.negatives-fp,t=d.thresholds[i];
set('tm-tp',tp);set('tm-fp',fp);set('tm-fn',fn);set('tm-tn',tn);set('threshold-value',fmt(t));
input.setAttribute('aria-valuetext','threshold '+fmt(t));
set('tm-precision',tp+fp?fmt(tp/(tp+fp)):'\\u2014');set('tm-recall',d.positives?fmt(tp/d.positives):'\\u2014');
set('threshold-note','Counts at threshold '+fmt(t)+' (from the ROC curve\\u2019s points).')}
document.getElementById('threshold').hidden=false;
input.addEventListener('input',function(){show(Number(input.value))});
})();`;


;// CONCATENATED MODULE: ./node_modules/@dagrejs/dagre/dist/dagre.esm.js
var Te=Object.defineProperty;var Sn=(e,n,t)=>n in e?Te(e,n,{enumerable:!0,configurable:!0,writable:!0,value:t}):e[n]=t;var Mn=(e,n)=>{for(var t in n)Te(e,t,{get:n[t],enumerable:!0})};var je=(e,n,t)=>Sn(e,typeof n!="symbol"?n+"":n,t);var ie={};Mn(ie,{Graph:()=>T,alg:()=>H});var Pn=Object.defineProperty,Se=(e,n)=>{for(var t in n)Pn(e,t,{get:n[t],enumerable:!0})},Q=class{constructor(e){this._isDirected=!0,this._isMultigraph=!1,this._isCompound=!1,this._nodes={},this._in={},this._preds={},this._out={},this._sucs={},this._edgeObjs={},this._edgeLabels={},this._nodeCount=0,this._edgeCount=0,this._defaultNodeLabelFn=()=>{},this._defaultEdgeLabelFn=()=>{},e&&(this._isDirected="directed"in e?e.directed:!0,this._isMultigraph="multigraph"in e?e.multigraph:!1,this._isCompound="compound"in e?e.compound:!1),this._isCompound&&(this._parent={},this._children={},this._children["\0"]={})}isDirected(){return this._isDirected}isMultigraph(){return this._isMultigraph}isCompound(){return this._isCompound}setGraph(e){return this._label=e,this}graph(){return this._label}setDefaultNodeLabel(e){return typeof e!="function"?this._defaultNodeLabelFn=()=>e:this._defaultNodeLabelFn=e,this}nodeCount(){return this._nodeCount}nodes(){return Object.keys(this._nodes)}sources(){return this.nodes().filter(e=>Object.keys(this._in[e]).length===0)}sinks(){return this.nodes().filter(e=>Object.keys(this._out[e]).length===0)}setNodes(e,n){return e.forEach(t=>{n!==void 0?this.setNode(t,n):this.setNode(t)}),this}setNode(e,n){return e in this._nodes?(arguments.length>1&&(this._nodes[e]=n),this):(this._nodes[e]=arguments.length>1?n:this._defaultNodeLabelFn(e),this._isCompound&&(this._parent[e]="\0",this._children[e]={},this._children["\0"][e]=!0),this._in[e]={},this._preds[e]={},this._out[e]={},this._sucs[e]={},++this._nodeCount,this)}node(e){return this._nodes[e]}hasNode(e){return e in this._nodes}removeNode(e){if(e in this._nodes){let n=t=>this.removeEdge(this._edgeObjs[t]);delete this._nodes[e],this._isCompound&&(this._removeFromParentsChildList(e),delete this._parent[e],this.children(e).forEach(t=>{this.setParent(t)}),delete this._children[e]),Object.keys(this._in[e]).forEach(n),delete this._in[e],delete this._preds[e],Object.keys(this._out[e]).forEach(n),delete this._out[e],delete this._sucs[e],--this._nodeCount}return this}setParent(e,n){if(!this._isCompound)throw new Error("Cannot set parent in a non-compound graph");if(n===void 0)n="\0";else{n+="";for(let t=n;t!==void 0;t=this.parent(t))if(t===e)throw new Error("Setting "+n+" as parent of "+e+" would create a cycle");this.setNode(n)}return this.setNode(e),this._removeFromParentsChildList(e),this._parent[e]=n,this._children[n][e]=!0,this}parent(e){if(this._isCompound){let n=this._parent[e];if(n!=="\0")return n}}children(e="\0"){if(this._isCompound){let n=this._children[e];if(n)return Object.keys(n)}else{if(e==="\0")return this.nodes();if(this.hasNode(e))return[]}return[]}predecessors(e){let n=this._preds[e];if(n)return Object.keys(n)}successors(e){let n=this._sucs[e];if(n)return Object.keys(n)}neighbors(e){let n=this.predecessors(e);if(n){let t=new Set(n),r=this.successors(e);if(r)for(let o of r)t.add(o);return Array.from(t.values())}}isLeaf(e){var n;let t;return this.isDirected()?t=this.successors(e):t=this.neighbors(e),((n=t==null?void 0:t.length)!=null?n:0)===0}filterNodes(e){let n=new this.constructor({directed:this._isDirected,multigraph:this._isMultigraph,compound:this._isCompound});n.setGraph(this.graph()),Object.entries(this._nodes).forEach(([o,i])=>{e(o)&&n.setNode(o,i)}),Object.values(this._edgeObjs).forEach(o=>{n.hasNode(o.v)&&n.hasNode(o.w)&&n.setEdge(o,this.edge(o))});let t={},r=o=>{let i=this.parent(o);return!i||n.hasNode(i)?(t[o]=i,i):i in t?t[i]:r(i)};return this._isCompound&&n.nodes().forEach(o=>n.setParent(o,r(o))),n}setDefaultEdgeLabel(e){return typeof e!="function"?this._defaultEdgeLabelFn=()=>e:this._defaultEdgeLabelFn=e,this}edgeCount(){return this._edgeCount}edges(){return Object.values(this._edgeObjs)}setPath(e,n){return e.reduce((t,r)=>(n!==void 0?this.setEdge(t,r,n):this.setEdge(t,r),r)),this}setEdge(e,n,t,r){let o,i,s,a,l=!1;typeof e=="object"&&e!==null&&"v"in e?(o=e.v,i=e.w,s=e.name,arguments.length===2&&(a=n,l=!0)):(o=e,i=n,s=r,arguments.length>2&&(a=t,l=!0)),o=""+o,i=""+i,s!==void 0&&(s=""+s);let u=z(this._isDirected,o,i,s);if(u in this._edgeLabels)return l&&(this._edgeLabels[u]=a),this;if(s!==void 0&&!this._isMultigraph)throw new Error("Cannot set a named edge when isMultigraph = false");this.setNode(o),this.setNode(i),this._edgeLabels[u]=l?a:this._defaultEdgeLabelFn(o,i,s);let d=Fn(this._isDirected,o,i,s);return o=d.v,i=d.w,Object.freeze(d),this._edgeObjs[u]=d,Re(this._preds[i],o),Re(this._sucs[o],i),this._in[i][u]=d,this._out[o][u]=d,this._edgeCount++,this}edge(e,n,t){let r=arguments.length===1?oe(this._isDirected,e):z(this._isDirected,e,n,t);return this._edgeLabels[r]}edgeAsObj(e,n,t){let r=arguments.length===1?this.edge(e):this.edge(e,n,t);return typeof r!="object"||r===null?{label:r}:r}hasEdge(e,n,t){return(arguments.length===1?oe(this._isDirected,e):z(this._isDirected,e,n,t))in this._edgeLabels}removeEdge(e,n,t){let r=arguments.length===1?oe(this._isDirected,e):z(this._isDirected,e,n,t),o=this._edgeObjs[r];if(o){let i=o.v,s=o.w;delete this._edgeLabels[r],delete this._edgeObjs[r],Ie(this._preds[s],i),Ie(this._sucs[i],s),delete this._in[s][r],delete this._out[i][r],this._edgeCount--}return this}inEdges(e,n){return this.isDirected()?this.filterEdges(this._in[e],e,n):this.nodeEdges(e,n)}outEdges(e,n){return this.isDirected()?this.filterEdges(this._out[e],e,n):this.nodeEdges(e,n)}nodeEdges(e,n){if(e in this._nodes)return this.filterEdges({...this._in[e],...this._out[e]},e,n)}_removeFromParentsChildList(e){delete this._children[this._parent[e]][e]}filterEdges(e,n,t){if(!e)return;let r=Object.values(e);return t?r.filter(o=>o.v===n&&o.w===t||o.v===t&&o.w===n):r}};function Re(e,n){e[n]?e[n]++:e[n]=1}function Ie(e,n){e[n]!==void 0&&!--e[n]&&delete e[n]}function z(e,n,t,r){let o=""+n,i=""+t;if(!e&&o>i){let s=o;o=i,i=s}return o+""+i+""+(r===void 0?"\0":r)}function Fn(e,n,t,r){let o=""+n,i=""+t;if(!e&&o>i){let a=o;o=i,i=a}let s={v:o,w:i};return r&&(s.name=r),s}function oe(e,n){return z(e,n.v,n.w,n.name)}var Dn={};Se(Dn,{read:()=>Bn,write:()=>An});function An(e){let n={options:{directed:e.isDirected(),multigraph:e.isMultigraph(),compound:e.isCompound()},nodes:Vn(e),edges:Yn(e)},t=e.graph();return t!==void 0&&(n.value=structuredClone(t)),n}function Vn(e){return e.nodes().map(n=>{let t=e.node(n),r=e.parent(n),o={v:n};return t!==void 0&&(o.value=t),r!==void 0&&(o.parent=r),o})}function Yn(e){return e.edges().map(n=>{let t=e.edge(n),r={v:n.v,w:n.w};return n.name!==void 0&&(r.name=n.name),t!==void 0&&(r.value=t),r})}function Bn(e){let n=new Q(e.options);return e.value!==void 0&&n.setGraph(e.value),e.nodes.forEach(t=>{n.setNode(t.v,t.value),t.parent&&n.setParent(t.v,t.parent)}),e.edges.forEach(t=>{n.setEdge({v:t.v,w:t.w,name:t.name},t.value)}),n}var H={};Se(H,{CycleException:()=>K,bellmanFord:()=>Me,components:()=>zn,dijkstra:()=>J,dijkstraAll:()=>$n,findCycles:()=>Un,floydWarshall:()=>Kn,isAcyclic:()=>Zn,postorder:()=>nt,preorder:()=>tt,prim:()=>rt,shortestPaths:()=>ot,tarjan:()=>Fe,topsort:()=>De});var Wn=()=>1;function Me(e,n,t,r){return Xn(e,String(n),t||Wn,r||function(o){var i;return(i=e.outEdges(o))!=null?i:[]})}function Xn(e,n,t,r){let o={},i,s=0,a=e.nodes(),l=function(c){let f=o[c.v],h=o[c.w];if(!f||!h)return;let g=t(c);f.distance+g<h.distance&&(o[c.w]={distance:f.distance+g,predecessor:c.v},i=!0)},u=function(){a.forEach(function(c){r(c).forEach(function(f){let h=f.v===c?f.v:f.w,g=h===f.v?f.w:f.v;l({v:h,w:g})})})};a.forEach(function(c){let f=c===n?0:Number.POSITIVE_INFINITY;o[c]={distance:f,predecessor:""}});let d=a.length;for(let c=1;c<d&&(i=!1,s++,u(),!!i);c++);if(s===d-1&&(i=!1,u(),i))throw new Error("The graph contains a negative weight cycle");return o}function zn(e){let n={},t=[],r;function o(i){var s,a;i in n||(n[i]=!0,r.push(i),(s=e.successors(i))==null||s.forEach(o),(a=e.predecessors(i))==null||a.forEach(o))}return e.nodes().forEach(function(i){r=[],o(i),r.length&&t.push(r)}),t}var Pe=class{constructor(){this._arr=[],this._keyIndices={}}size(){return this._arr.length}keys(){return this._arr.map(e=>e.key)}has(e){return e in this._keyIndices}priority(e){let n=this._keyIndices[e];if(n!==void 0)return this._arr[n].priority}min(){if(this.size()===0)throw new Error("Queue underflow");return this._arr[0].key}add(e,n){let t=this._keyIndices,r=String(e);if(!(r in t)){let o=this._arr,i=o.length;return t[r]=i,o.push({key:r,priority:n}),this._decrease(i),!0}return!1}removeMin(){if(this.size()===0)throw new Error("Queue underflow");this._swap(0,this._arr.length-1);let e=this._arr.pop();return delete this._keyIndices[e.key],this._heapify(0),e.key}decrease(e,n){let t=this._keyIndices[e];if(t===void 0)throw new Error(`Key not found: ${e}`);let r=this._arr[t].priority;if(n>r)throw new Error(`New priority is greater than current priority. Key: ${e} Old: ${r} New: ${n}`);this._arr[t].priority=n,this._decrease(t)}_heapify(e){let n=this._arr,t=2*e,r=t+1,o=e;t<n.length&&(o=n[t].priority<n[o].priority?t:o,r<n.length&&(o=n[r].priority<n[o].priority?r:o),o!==e&&(this._swap(e,o),this._heapify(o)))}_decrease(e){let n=this._arr,t=n[e].priority,r;for(;e!==0&&(r=e>>1,!(n[r].priority<t));)this._swap(e,r),e=r}_swap(e,n){let t=this._arr,r=this._keyIndices,o=t[e],i=t[n];t[e]=i,t[n]=o,r[i.key]=e,r[o.key]=n}},Hn=()=>1;function J(e,n,t,r){let o=function(i){var s;return(s=e.outEdges(i))!=null?s:[]};return qn(e,String(n),t||Hn,r||o)}function qn(e,n,t,r){let o={},i=new Pe,s,a,l=function(u){let d=u.v!==s?u.v:u.w,c=o[d];if(!c)return;let f=t(u),h=a.distance+f;if(f<0)throw new Error("dijkstra does not allow negative edge weights. Bad edge: "+u+" Weight: "+f);h<c.distance&&(c.distance=h,c.predecessor=s,i.decrease(d,h))};for(e.nodes().forEach(function(u){let d=u===n?0:Number.POSITIVE_INFINITY;o[u]={distance:d,predecessor:""},i.add(u,d)});i.size()>0;){s=i.removeMin();let u=o[s];if(!u||u.distance===Number.POSITIVE_INFINITY)break;a=u,r(s).forEach(l)}return o}function $n(e,n,t){return e.nodes().reduce(function(r,o){return r[o]=J(e,o,n,t),r},{})}function Fe(e){let n=0,t=[],r={},o=[];function i(s){var a;let l=r[s]={onStack:!0,lowlink:n,index:n++};if(t.push(s),(a=e.successors(s))==null||a.forEach(function(u){if(u in r){let d=r[u];d!=null&&d.onStack&&(l.lowlink=Math.min(l.lowlink,d.index))}else{i(u);let d=r[u];d&&(l.lowlink=Math.min(l.lowlink,d.lowlink))}}),l.lowlink===l.index){let u=[],d;do{d=t.pop();let c=r[d];c&&(c.onStack=!1),u.push(d)}while(s!==d);o.push(u)}}return e.nodes().forEach(function(s){s in r||i(s)}),o}function Un(e){return Fe(e).filter(function(n){var t;let r=n[0];return r?n.length>1||n.length===1&&((t=e.outEdges(r,r))!=null?t:[]).length>0:!1})}var Jn=()=>1;function Kn(e,n,t){return Qn(e,n||Jn,t||function(r){var o;return(o=e.outEdges(r))!=null?o:[]})}function Qn(e,n,t){let r={},o=e.nodes();return o.forEach(function(i){let s={};r[i]=s,s[i]={distance:0,predecessor:""},o.forEach(function(a){i!==a&&(s[a]={distance:Number.POSITIVE_INFINITY,predecessor:""})}),t(i).forEach(function(a){let l=a.v===i?a.w:a.v,u=n(a);s[l]={distance:u,predecessor:i}})}),o.forEach(function(i){let s=r[i];s&&o.forEach(function(a){let l=r[a];l&&o.forEach(function(u){let d=l[i],c=s[u],f=l[u];if(d&&c&&f){let h=d.distance+c.distance;h<f.distance&&(f.distance=h,f.predecessor=c.predecessor)}})})}),r}var K=class extends Error{constructor(e){super(e),this.name="CycleException"}};function De(e){let n={},t={},r=[];function o(i){var s;if(i in t)throw new K;i in n||(t[i]=!0,n[i]=!0,(s=e.predecessors(i))==null||s.forEach(o),delete t[i],r.push(i))}if(e.sinks().forEach(o),Object.keys(n).length!==e.nodeCount())throw new K;return r}function Zn(e){try{De(e)}catch(n){if(n instanceof K)return!1;throw n}return!0}function et(e,n,t,r,o){Array.isArray(n)||(n=[n]);let i=(a=>{var l;return(l=e.isDirected()?e.successors(a):e.neighbors(a))!=null?l:[]}),s={};return n.forEach(function(a){if(!e.hasNode(a))throw new Error("Graph does not have node: "+a);o=Ae(e,a,t==="post",s,i,r,o)}),o}function Ae(e,n,t,r,o,i,s){return n in r||(r[n]=!0,t||(s=i(s,n)),o(n).forEach(function(a){s=Ae(e,a,t,r,o,i,s)}),t&&(s=i(s,n))),s}function Ve(e,n,t){return et(e,n,t,function(r,o){return r.push(o),r},[])}function nt(e,n){return Ve(e,n,"post")}function tt(e,n){return Ve(e,n,"pre")}function rt(e,n){var t;let r=new Q,o={},i=new Pe,s;function a(d){let c=d.v===s?d.w:d.v,f=i.priority(c);if(f!==void 0){let h=n(d);h<f&&(o[c]=s,i.decrease(c,h))}}if(e.nodeCount()===0)return r;e.nodes().forEach(function(d){i.add(d,Number.POSITIVE_INFINITY),r.setNode(d)});let l=e.nodes()[0];l!==void 0&&i.decrease(l,0);let u=!1;for(;i.size()>0;){if(s=i.removeMin(),s in o)r.setEdge(s,o[s]);else{if(u)throw new Error("Input graph is not connected: "+e);u=!0}(t=e.nodeEdges(s))==null||t.forEach(a)}return r}function ot(e,n,t,r){return it(e,n,t,r!=null?r:(o=>{var i;return(i=e.outEdges(o))!=null?i:[]}))}function it(e,n,t,r){if(t===void 0)return J(e,n,t,r);let o=!1,i=e.nodes();for(let s=0;s<i.length;s++){let a=i[s];if(a===void 0)continue;let l=r(a);for(let u=0;u<l.length;u++){let d=l[u];if(!d)continue;let c=d.v===a?d.v:d.w,f=c===d.v?d.w:d.v;t({v:c,w:f})<0&&(o=!0)}if(o)return Me(e,n,t,r)}return J(e,n,t,r)}var T=Q;function M(e,n,t,r){let o=r;for(;e.hasNode(o);)o=$(r);return t.dummy=n,e.setNode(o,t),o}function Ye(e){let n=new T().setGraph(e.graph());return e.nodes().forEach(t=>n.setNode(t,e.node(t))),e.edges().forEach(t=>{let r=n.edge(t.v,t.w)||{weight:0,minlen:1},o=e.edge(t);n.setEdge(t.v,t.w,{weight:r.weight+o.weight,minlen:Math.max(r.minlen,o.minlen)})}),n}function Z(e){let n=new T({multigraph:e.isMultigraph()}).setGraph(e.graph());return e.nodes().forEach(t=>{e.children(t).length||n.setNode(t,e.node(t))}),e.edges().forEach(t=>{n.setEdge(t,e.edge(t))}),n}function se(e,n){let t=e.x,r=e.y,o=n.x-t,i=n.y-r,s=e.width/2,a=e.height/2;if(!o&&!i)throw new Error("Not possible to find intersection inside of the rectangle");let l,u;return o===0||Math.abs(i)*s>Math.abs(o)*a?(i<0&&(a=-a),l=a*o/i,u=a):(o<0&&(s=-s),l=s,u=s*i/o),{x:t+l,y:r+u}}function P(e){let n=D(de(e)+1).map(()=>[]);return e.nodes().forEach(t=>{let r=e.node(t),o=r.rank;o!==void 0&&(n[o]||(n[o]=[]),n[o][r.order]=t)}),n}function Be(e){let n=e.nodes().map(r=>{let o=e.node(r).rank;return o===void 0?Number.MAX_VALUE:o}),t=S(Math.min,n);e.nodes().forEach(r=>{let o=e.node(r);Object.hasOwn(o,"rank")&&(o.rank-=t)})}function We(e){let n=e.nodes().map(s=>e.node(s).rank).filter(s=>s!==void 0),t=S(Math.min,n),r=[];e.nodes().forEach(s=>{let a=e.node(s).rank-t;r[a]||(r[a]=[]),r[a].push(s)});let o=0,i=e.graph().nodeRankFactor;Array.from(r).forEach((s,a)=>{s===void 0&&a%i!==0?--o:s!==void 0&&o&&s.forEach(l=>e.node(l).rank+=o)})}function ae(e,n,t,r){let o={width:0,height:0};return arguments.length>=4&&(o.rank=t,o.order=r),M(e,"border",o,n)}function st(e,n=Xe){let t=[];for(let r=0;r<e.length;r+=n){let o=e.slice(r,r+n);t.push(o)}return t}var Xe=65535;function S(e,n){if(n.length>Xe){let t=st(n);return e(...t.map(r=>e(...r)))}else return e(...n)}function de(e){let t=e.nodes().map(r=>{let o=e.node(r).rank;return o===void 0?Number.MIN_VALUE:o});return S(Math.max,t)}function ze(e,n){let t={lhs:[],rhs:[]};return e.forEach(r=>{n(r)?t.lhs.push(r):t.rhs.push(r)}),t}function le(e,n){let t=Date.now();try{return n()}finally{console.log(e+" time: "+(Date.now()-t)+"ms")}}function q(e,n){return n()}var at=0;function $(e){let n=++at;return e+(""+n)}function D(e,n,t=1){n==null&&(n=e,e=0);let r=i=>i<n;t<0&&(r=i=>n<i);let o=[];for(let i=e;r(i);i+=t)o.push(i);return o}function W(e,n){let t={};for(let r of n)e[r]!==void 0&&(t[r]=e[r]);return t}function X(e,n){let t;return typeof n=="string"?t=r=>r[n]:t=n,Object.entries(e).reduce((r,[o,i])=>(r[o]=t(i,o),r),{})}function He(e,n){return e.reduce((t,r,o)=>(t[r]=n[o],t),{})}var V="\0";function ee(e,n,t){var u,d,c,f,h,g;if(!(e&&n&&t&&n.dummy==="edge"&&t.dummy==="edge"&&n.edgeObj&&t.edgeObj&&e[n.edgeObj.v]&&e[t.edgeObj.v]&&e[n.edgeObj.w]&&e[t.edgeObj.w]))return 0;let r=!0;n.edgeObj.w===t.edgeObj.w&&(r=!1);let o=r?(d=(u=e[n.edgeObj.v])==null?void 0:u.rank)!=null?d:NaN+1:(f=(c=e[n.edgeObj.w])==null?void 0:c.rank)!=null?f:NaN-1,i=Object.entries(e).find(m=>{var L,y;return((L=m[1].edgeObj)==null?void 0:L.v)===n.edgeObj.v&&((y=m[1].edgeObj)==null?void 0:y.w)===n.edgeObj.w&&m[1].rank===o}),s=Object.entries(e).find(m=>{var L,y;return((L=m[1].edgeObj)==null?void 0:L.v)===t.edgeObj.v&&((y=m[1].edgeObj)==null?void 0:y.w)===t.edgeObj.w&&m[1].rank===o});if(!i||!s)return 0;let a=(h=i[1].order)!=null?h:NaN,l=(g=s[1].order)!=null?g:NaN;return isNaN(a-l)?0:a-l}var ue="3.1.4";var ce=class{constructor(){je(this,"_sentinel");let n={};n._next=n._prev=n,this._sentinel=n}dequeue(){let n=this._sentinel,t=n._prev;if(t!==n)return qe(t),t}enqueue(n){let t=this._sentinel;n._prev&&n._next&&qe(n),n._next=t._next,t._next._prev=n,t._next=n,n._prev=t}toString(){let n=[],t=this._sentinel,r=t._prev;for(;r!==t;)n.push(JSON.stringify(r,dt)),r=r._prev;return"["+n.join(", ")+"]"}};function qe(e){e._prev._next=e._next,e._next._prev=e._prev,delete e._next,delete e._prev}function dt(e,n){if(e!=="_next"&&e!=="_prev")return n}var $e=ce;var lt=()=>1;function be(e,n){if(e.nodeCount()<=1)return[];let t=ct(e,n||lt);return ut(t.graph,t.buckets,t.zeroIdx).flatMap(o=>e.outEdges(o.v,o.w)||[])}function ut(e,n,t){var a;let r=[],o=n[n.length-1],i=n[0],s;for(;e.nodeCount();){for(;s=i.dequeue();)fe(e,n,t,s);for(;s=o.dequeue();)fe(e,n,t,s);if(e.nodeCount()){for(let l=n.length-2;l>0;--l)if(s=(a=n[l])==null?void 0:a.dequeue(),s){r=r.concat(fe(e,n,t,s,!0)||[]);break}}}return r}function fe(e,n,t,r,o){let i=[],s=o?i:void 0;return(e.inEdges(r.v)||[]).forEach(a=>{let l=e.edge(a),u=e.node(a.v);o&&i.push({v:a.v,w:a.w}),u.out-=l,he(n,t,u)}),(e.outEdges(r.v)||[]).forEach(a=>{let l=e.edge(a),u=a.w,d=e.node(u);d.in-=l,he(n,t,d)}),e.removeNode(r.v),s}function ct(e,n){let t=new T,r=0,o=0;e.nodes().forEach(a=>{t.setNode(a,{v:a,in:0,out:0})}),e.edges().forEach(a=>{let l=t.edge(a.v,a.w)||0,u=n(a),d=l+u;t.setEdge(a.v,a.w,d);let c=t.node(a.v),f=t.node(a.w);o=Math.max(o,c.out+=u),r=Math.max(r,f.in+=u)});let i=ft(o+r+3).map(()=>new $e),s=r+1;return t.nodes().forEach(a=>{he(i,s,t.node(a))}),{graph:t,buckets:i,zeroIdx:s}}function he(e,n,t){var r,o,i;t.out?t.in?(i=e[t.out-t.in+n])==null||i.enqueue(t):(o=e[e.length-1])==null||o.enqueue(t):(r=e[0])==null||r.enqueue(t)}function ft(e){let n=[];for(let t=0;t<e;t++)n.push(t);return n}function Ue(e,n){(e.graph().acyclicer==="greedy"?be(e,r(e)):ht(e,n!=null?n:null)).forEach(o=>{let i=e.edge(o);e.removeEdge(o),i.forwardName=o.name,i.reversed=!0,e.setEdge(o.w,o.v,i,$("rev"))});function r(o){return i=>o.edge(i).weight}}function ht(e,n){let t=[],r={},o={};function i(l){Object.hasOwn(o,l)||(o[l]=!0,r[l]=!0,e.outEdges(l).forEach(u=>{Object.hasOwn(r,u.w)?t.push(u):i(u.w)}),delete r[l])}function s(l){var u;Object.hasOwn(o,l)||(o[l]=!0,r[l]=!0,(u=e.outEdges(l))==null||u.forEach(d=>{var c,f;Object.hasOwn(r,d.w)||((c=n.node(l))==null?void 0:c.rank)>((f=n.node(d.w))==null?void 0:f.rank)&&bt(e,d.w,d)?t.push(d):s(d.w)}),delete r[l])}let a=i;return n&&typeof n.node=="function"&&(a=s),e.sources().forEach(a),e.nodes().forEach(a),t}function Je(e){e.edges().forEach(n=>{let t=e.edge(n);if(t.reversed){e.removeEdge(n);let r=t.forwardName;delete t.reversed,delete t.forwardName,e.setEdge(n.w,n.v,t,r)}})}function bt(e,n,t){let r=new Set;function o(i){var s;if(e.sources().includes(i))return!0;r.add(i);for(let a of(s=e.inEdges(i))!=null?s:[])if(!(a.v===t.v&&a.w===t.w)&&!r.has(a.v)&&o(a.v))return!0;return!1}return o(n)}function Ke(e){e.graph().dummyChains=[],e.edges().forEach(n=>pt(e,n))}function pt(e,n){let t=n.v,r=e.node(t).rank,o=n.w,i=e.node(o).rank,s=n.name,a=e.edge(n),l=a.labelRank;if(i===r+1)return;e.removeEdge(n);let u,d,c;for(c=0,++r;r<i;++c,++r)a.points=[],d={width:0,height:0,edgeLabel:a,edgeObj:n,rank:r},u=M(e,"edge",d,"_d"),r===l&&(d.width=a.width,d.height=a.height,d.dummy="edge-label",d.labelpos=a.labelpos),e.setEdge(t,u,{weight:a.weight},s),c===0&&e.graph().dummyChains.push(u),t=u;e.setEdge(t,o,{weight:a.weight},s)}function Qe(e){e.graph().dummyChains.forEach(n=>{let t=e.node(n),r=t.edgeLabel,o;for(e.setEdge(t.edgeObj,r);t.dummy;)o=e.successors(n)[0],e.removeNode(n),r.points.push({x:t.x,y:t.y}),t.dummy==="edge-label"&&(r.x=t.x,r.y=t.y,r.width=t.width,r.height=t.height),n=o,t=e.node(n)})}function U(e){let n={};function t(r){let o=e.node(r);if(Object.hasOwn(n,r))return o.rank;n[r]=!0;let i=e.outEdges(r),s=i?i.map(l=>l==null?Number.POSITIVE_INFINITY:t(l.w)-e.edge(l).minlen):[],a=S(Math.min,s);return a===Number.POSITIVE_INFINITY&&(a=0),o.rank=a}e.sources().forEach(t)}function A(e,n){return e.node(n.w).rank-e.node(n.v).rank-e.edge(n).minlen}var ne=Et;function Et(e){let n=new T({directed:!1}),t=e.nodes();if(t.length===0)throw new Error("Graph must have at least one node");let r=t[0],o=e.nodeCount();n.setNode(r,{});let i,s;for(;Lt(n,e)<o&&(i=yt(n,e),!!i);)s=n.hasNode(i.v)?A(e,i):-A(e,i),wt(n,e,s);return n}function Lt(e,n){function t(r){let o=n.nodeEdges(r);o&&o.forEach(i=>{let s=i.v,a=r===s?i.w:s;!e.hasNode(a)&&!A(n,i)&&(e.setNode(a,{}),e.setEdge(r,a,{}),t(a))})}return e.nodes().forEach(t),e.nodeCount()}function yt(e,n){return n.edges().reduce((r,o)=>{let i=Number.POSITIVE_INFINITY;return e.hasNode(o.v)!==e.hasNode(o.w)&&(i=A(n,o)),i<r[0]?[i,o]:r},[Number.POSITIVE_INFINITY,null])[1]}function wt(e,n,t){e.nodes().forEach(r=>n.node(r).rank+=t)}var{preorder:Nt,postorder:Gt}=H,en=Y;Y.initLowLimValues=pe;Y.initCutValues=ge;Y.calcCutValue=nn;Y.leaveEdge=rn;Y.enterEdge=on;Y.exchangeEdges=sn;function Y(e){e=Ye(e),U(e);let n=ne(e);pe(n),ge(n,e);let t,r;for(;t=rn(n);)r=on(n,e,t),sn(n,e,t,r)}function ge(e,n){let t=Gt(e,e.nodes());t=t.slice(0,t.length-1),t.forEach(r=>vt(e,n,r))}function vt(e,n,t){let o=e.node(t).parent,i=e.edge(t,o);i.cutvalue=nn(e,n,t)}function nn(e,n,t){let o=e.node(t).parent,i=!0,s=n.edge(t,o),a;s||(i=!1,s=n.edge(o,t)),a=s.weight;let l=n.inEdges(t)||[],u=n.outEdges(t)||[],d=l.length,c=d+u.length;for(let f=0;f<c;f++){let h=f<d?l[f]:u[f-d],g=h.v===t;if(f>=d&&h.w===t)continue;let m=g?h.w:h.v;if(m!==o){let L=g===i,y=n.edge(h).weight;a+=L?y:-y;let b=e.edge(t,m);if(b){let p=b.cutvalue;a+=L?-p:p}}}return a}function pe(e,n){arguments.length<2&&(n=e.nodes()[0]),tn(e,{},1,n)}function tn(e,n,t,r,o){let i=t,s=e.node(r);n[r]=!0;let a=e.neighbors(r);return a&&a.forEach(l=>{Object.hasOwn(n,l)||(t=tn(e,n,t,l,r))}),s.low=i,s.lim=t++,o?s.parent=o:delete s.parent,t}function rn(e){return e.edges().find(n=>e.edge(n).cutvalue<0)}function on(e,n,t){let r=t.v,o=t.w;n.hasEdge(r,o)||(r=t.w,o=t.v);let i=e.node(r),s=e.node(o),a=i,l=!1;return i.lim>s.lim&&(a=s,l=!0),n.edges().filter(d=>l===Ze(e,e.node(d.v),a)&&l!==Ze(e,e.node(d.w),a)).reduce((d,c)=>A(n,c)<A(n,d)?c:d)}function sn(e,n,t,r){let o=t.v,i=t.w;e.removeEdge(o,i),e.setEdge(r.v,r.w,{}),pe(e),ge(e,n),kt(e,n)}function kt(e,n){let t=e.nodes().find(o=>!e.node(o).parent);if(!t)return;let r=Nt(e,[t]);r=r.slice(1),r.forEach(o=>{let s=e.node(o).parent,a=n.edge(o,s),l=!1;a||(a=n.edge(s,o),l=!0),n.node(o).rank=n.node(s).rank+(l?a.minlen:-a.minlen)})}function Ze(e,n,t){return t.low<=n.lim&&n.lim<=t.lim}var dn=xt;function xt(e){let n=e.graph().ranker;if(typeof n=="function")return n(e);switch(n){case"network-simplex":an(e);break;case"tight-tree":Ot(e);break;case"longest-path":_t(e);break;case"none":break;default:an(e)}}var _t=U;function Ot(e){U(e),ne(e)}function an(e){en(e)}var ln=Ct;function Ct(e){let n=jt(e),t=e.graph();if(!Array.isArray(t.dummyChains))return;t.dummyChains.forEach(o=>{let i=e.node(o),s=i.edgeObj,a=Tt(e,n,s.v,s.w),l=a.path,u=a.lca,d=0,c=l[d],f=!0;for(;o!==s.w;){if(i=e.node(o),f){for(;(c=l[d])!==u&&e.node(c).maxRank<i.rank;)d++;c===u&&(f=!1)}if(!f){for(;d<l.length-1&&e.node(l[d+1]).minRank<=i.rank;)d++;c=l[d]}c!==void 0&&e.setParent(o,c),o=e.successors(o)[0]}})}function Tt(e,n,t,r){let o=[],i=[],s=Math.min(n[t].low,n[r].low),a=Math.max(n[t].lim,n[r].lim),l;l=t;do l=e.parent(l),o.push(l);while(l&&(n[l].low>s||a>n[l].lim));let u=l,d=r;for(;(d=e.parent(d))!==u;)i.push(d);return{path:o.concat(i.reverse()),lca:u}}function jt(e){let n={},t=0;function r(o){let i=t;e.children(o).forEach(r),n[o]={low:i,lim:t++}}return e.children(V).forEach(r),n}function un(e){let n=M(e,"root",{},"_root"),t=Rt(e),r=Object.values(t),o=S(Math.max,r)-1,i=2*o+1;e.graph().nestingRoot=n,e.edges().forEach(a=>e.edge(a).minlen*=i);let s=It(e)+1;e.children(V).forEach(a=>{cn(e,n,i,s,o,t,a)}),e.graph().nodeRankFactor=i}function cn(e,n,t,r,o,i,s){var c;let a=e.children(s);if(!a.length){s!==n&&e.setEdge(n,s,{weight:0,minlen:t});return}let l=ae(e,"_bt"),u=ae(e,"_bb"),d=e.node(s);e.setParent(l,s),d.borderTop=l,e.setParent(u,s),d.borderBottom=u,a.forEach(f=>{var b;cn(e,n,t,r,o,i,f);let h=e.node(f),g=h.borderTop?h.borderTop:f,m=h.borderBottom?h.borderBottom:f,L=h.borderTop?r:2*r,y=g!==m?1:o-((b=i[s])!=null?b:0)+1;e.setEdge(l,g,{weight:L,minlen:y,nestingEdge:!0}),e.setEdge(m,u,{weight:L,minlen:y,nestingEdge:!0})}),e.parent(s)||e.setEdge(n,l,{weight:0,minlen:o+((c=i[s])!=null?c:0)})}function Rt(e){let n={};function t(r,o){let i=e.children(r);i&&i.length&&i.forEach(s=>t(s,o+1)),n[r]=o}return e.children(V).forEach(r=>t(r,1)),n}function It(e){return e.edges().reduce((n,t)=>n+e.edge(t).weight,0)}function fn(e){let n=e.graph();e.removeNode(n.nestingRoot),delete n.nestingRoot,e.edges().forEach(t=>{e.edge(t).nestingEdge&&e.removeEdge(t)})}var bn=Mt;function Mt(e){function n(t){let r=e.children(t),o=e.node(t);if(r.length&&r.forEach(n),o&&Object.hasOwn(o,"minRank")){o.borderLeft=[],o.borderRight=[];for(let i=o.minRank,s=o.maxRank+1;i<s;++i)hn(e,"borderLeft","_bl",t,o,i),hn(e,"borderRight","_br",t,o,i)}}e.children(V).forEach(n)}function hn(e,n,t,r,o,i){let s={width:0,height:0,rank:i,borderType:n},a=o[n][i-1],l=M(e,"border",s,t);o[n][i]=l,e.setParent(l,r),a&&e.setEdge(a,l,{weight:1})}function pn(e){var t;let n=(t=e.graph().rankdir)==null?void 0:t.toLowerCase();(n==="lr"||n==="rl")&&En(e)}function mn(e){var t;let n=(t=e.graph().rankdir)==null?void 0:t.toLowerCase();(n==="bt"||n==="rl")&&Pt(e),(n==="lr"||n==="rl")&&(Ft(e),En(e))}function En(e){e.nodes().forEach(n=>gn(e.node(n))),e.edges().forEach(n=>gn(e.edge(n)))}function gn(e){let n=e.width;e.width=e.height,e.height=n}function Pt(e){e.nodes().forEach(n=>me(e.node(n))),e.edges().forEach(n=>{var r;let t=e.edge(n);(r=t.points)==null||r.forEach(me),Object.hasOwn(t,"y")&&me(t)})}function me(e){e.y=-e.y}function Ft(e){e.nodes().forEach(n=>Ee(e.node(n))),e.edges().forEach(n=>{var r;let t=e.edge(n);(r=t.points)==null||r.forEach(Ee),Object.hasOwn(t,"x")&&Ee(t)})}function Ee(e){let n=e.x;e.x=e.y,e.y=n}function Le(e,n=null){let t={},r=e.nodes().filter(d=>!e.children(d).length),o=r.map(d=>e.node(d).rank),i=S(Math.max,o),s=D(i+1).map(()=>[]);function a(d){if(t[d])return;t[d]=!0;let c=e.node(d);s[c.rank].push(d);let f=e.successors(d);f&&[...f].sort((g,m)=>u(g,m)).forEach(a)}r.sort((d,c)=>e.node(d).rank-e.node(c).rank).forEach(a);function u(d,c){let f=e.node(d),h=e.node(c);return ee(n,f,h)}return s}function ye(e,n){let t=0;for(let r=1;r<n.length;++r)t+=At(e,n[r-1],n[r]);return t}function At(e,n,t){let r=He(t,t.map((u,d)=>d)),o=n.flatMap(u=>{let d=e.outEdges(u);return d?d.map(c=>({pos:r[c.w],weight:e.edge(c).weight})).sort((c,f)=>c.pos-f.pos):[]}),i=1;for(;i<t.length;)i<<=1;let s=2*i-1;i-=1;let a=new Array(s).fill(0),l=0;return o.forEach(u=>{let d=u.pos+i;a[d]+=u.weight;let c=0;for(;d>0;)d%2&&(c+=a[d+1]),d=d-1>>1,a[d]+=u.weight;l+=u.weight*c}),l}function we(e,n=[]){return n.map(t=>{let r=e.inEdges(t);if(!r||!r.length)return{v:t};{let o=r.reduce((i,s)=>{let a=e.edge(s),l=e.node(s.v);return{sum:i.sum+a.weight*l.order,weight:i.weight+a.weight}},{sum:0,weight:0});return{v:t,barycenter:o.sum/o.weight,weight:o.weight}}})}function Ne(e,n){let t={};e.forEach((o,i)=>{let s={indegree:0,in:[],out:[],vs:[o.v],i};o.barycenter!==void 0&&(s.barycenter=o.barycenter,s.weight=o.weight),t[o.v]=s}),n.edges().forEach(o=>{let i=t[o.v],s=t[o.w];i!==void 0&&s!==void 0&&(s.indegree++,i.out.push(s))});let r=Object.values(t).filter(o=>!o.indegree);return Vt(r)}function Vt(e){let n=[];function t(o){return i=>{i.merged||(i.barycenter===void 0||o.barycenter===void 0||i.barycenter>=o.barycenter)&&Yt(o,i)}}function r(o){return i=>{i.in.push(o),--i.indegree===0&&e.push(i)}}for(;e.length;){let o=e.pop();n.push(o),o.in.reverse().forEach(t(o)),o.out.forEach(r(o))}return n.filter(o=>!o.merged).map(o=>W(o,["vs","i","barycenter","weight"]))}function Yt(e,n){let t=0,r=0;e.weight&&(t+=e.barycenter*e.weight,r+=e.weight),n.weight&&(t+=n.barycenter*n.weight,r+=n.weight),e.vs=n.vs.concat(e.vs),e.barycenter=t/r,e.weight=r,e.i=Math.min(n.i,e.i),n.merged=!0}function Ge(e,n,t,r,o){let i={},s=null,a=null,l=o;typeof n=="boolean"?(l=n,i={}):n&&(i=n,s=t!=null?t:null,a=r!=null?r:null);let u=ze(e,y=>Object.hasOwn(y,"barycenter")),d=u.lhs,c=u.rhs.sort((y,b)=>b.i-y.i),f=[],h=0,g=0,m=0;d.sort(Bt(a,s,!!l));for(let[y,b]of Object.entries(i)){let p=d.findIndex(E=>E.vs[0]===y);d.splice(p+1,0,b)}m=Ln(f,c,m),d.forEach(y=>{m+=y.vs.length,f.push(y.vs),h+=y.barycenter*y.weight,g+=y.weight,m=Ln(f,c,m)});let L={vs:f.flat(1)};return g&&(L.barycenter=h/g,L.weight=g),L}function Ln(e,n,t){let r;for(;n.length&&(r=n[n.length-1]).i<=t;)n.pop(),e.push(r.vs),t++;return t}function Bt(e,n,t){return(r,o)=>{if(r.barycenter<o.barycenter)return-1;if(r.barycenter>o.barycenter)return 1;if(e&&(typeof r.vs[0]=="string"||typeof o.vs[0]=="string")){let i=e.node(r.vs[0]),s=e.node(o.vs[0]),a=ee(n,i,s);if(a!==0)return a}return t?o.i-r.i:r.i-o.i}}function te(e,n,t,r,o){var y,b,p,E,w,k,_,O,j,R,I;let i=null,s=o;typeof r=="boolean"?(s=r,i=null):r!==void 0&&(i=r);let a=e.children(n),l=e.node(n),u=l?l.borderLeft:void 0,d=l?l.borderRight:void 0,c={};u&&(a=a.filter(v=>v!==u&&v!==d));let f=we(e,a);f.forEach(v=>{if(e.children(v.v).length){let{result:x}=te(e,v.v,t,i,s);c[v.v]=x,Object.hasOwn(x,"barycenter")&&Xt(v,x)}});let h=Ne(f,t);Wt(h,c);let g={},m=!1;for(let v=0;v<h.length;v++)for(let x=v+1;x<h.length;x++)if(!(!h[v]||!h[x]||!((y=h[v])!=null&&y.barycenter)||!((b=h[x])!=null&&b.barycenter))&&((p=h[v])==null?void 0:p.barycenter)===h[x].barycenter){let G=(w=(E=h[v])==null?void 0:E.vs[0])!=null?w:"",N=(_=(k=h[x])==null?void 0:k.vs[0])!=null?_:"",C=e.node(G),B=e.node(N);if(C.dummy==="edge"&&B.dummy==="edge"&&((O=C.edgeObj)==null?void 0:O.v)===((j=B.edgeObj)==null?void 0:j.v)&&((R=C.edgeObj)==null?void 0:R.w)===((I=B.edgeObj)==null?void 0:I.w))if(C.edgeLabel.reversed){g[N]=h[v],h.splice(v,1),v--;break}else g[G]||(g[G]=h[x],h.splice(x,1),x--);else m=!0}let L=Ge(h,g,i,e,s);if(u&&d){L.vs=[u,L.vs,d].flat(1);let v=e.predecessors(u);if(v&&v.length){let x=e.node(v[0]),G=e.predecessors(d),N=e.node(G[0]);Object.hasOwn(L,"barycenter")||(L.barycenter=0,L.weight=0),L.barycenter=(L.barycenter*L.weight+x.order+N.order)/(L.weight+2),L.weight+=2}}return Object.defineProperty(L,"result",{value:L,enumerable:!1,configurable:!0,writable:!0}),Object.defineProperty(L,"usedBias",{value:m,enumerable:!1,configurable:!0,writable:!0}),L}function Wt(e,n){e.forEach(t=>{t.vs=t.vs.flatMap(r=>n[r]?n[r].vs:r)})}function Xt(e,n){e.barycenter!==void 0?(e.barycenter=(e.barycenter*e.weight+n.barycenter*n.weight)/(e.weight+n.weight),e.weight+=n.weight):(e.barycenter=n.barycenter,e.weight=n.weight)}function ve(e,n,t,r){r||(r=e.nodes());let o=zt(e),i=new T({compound:!0}).setGraph({root:o}).setDefaultNodeLabel(s=>e.node(s));return r.forEach(s=>{let a=e.node(s),l=e.parent(s);if(a.rank===n||a.minRank<=n&&n<=a.maxRank){i.setNode(s),i.setParent(s,l||o);let u=e[t](s);u&&u.forEach(d=>{let c=d.v===s?d.w:d.v,f=i.edge(c,s),h=f!==void 0?f.weight:0;i.setEdge(c,s,{weight:e.edge(d).weight+h})}),Object.hasOwn(a,"minRank")&&i.setNode(s,{borderLeft:a.borderLeft[n],borderRight:a.borderRight[n]})}}),i}function zt(e){let n;for(;e.hasNode(n=$("_root")););return n}function ke(e,n,t){let r={},o;t.forEach(i=>{let s=e.parent(i),a,l;for(;s;){if(a=e.parent(s),a?(l=r[a],r[a]=s):(l=o,o=s),l&&l!==s){n.setEdge(l,s);return}s=a}})}function re(e,n={},t=null){if(typeof n.customOrder=="function"){n.customOrder(e,re);return}let r=de(e),o=yn(e,D(1,r+1),"inEdges"),i=yn(e,D(r,-1,-1),"outEdges"),s=Le(e,t);if(wn(e,s),n.disableOptimalOrderHeuristic)return;let a=Number.POSITIVE_INFINITY,l,u=n.constraints||[];for(let d=0,c=0;c<4;++d,++c){Ht(d%2?o:i,d%4>=2,u,t),s=P(e);let f=ye(e,s);f<a?(c=0,l=Object.assign({},s),a=f):f===a&&(l=structuredClone(s))}wn(e,l)}function yn(e,n,t){let r=new Map,o=(i,s)=>{r.has(i)||r.set(i,[]),r.get(i).push(s)};for(let i of e.nodes()){let s=e.node(i);if(typeof s.rank=="number"&&o(s.rank,i),typeof s.minRank=="number"&&typeof s.maxRank=="number")for(let a=s.minRank;a<=s.maxRank;a++)a!==s.rank&&o(a,i)}return n.map(function(i){return ve(e,i,t,r.get(i)||[])})}function Ht(e,n,t,r){let o=!0,i=new T;e.forEach(function(s){t.forEach(d=>i.setEdge(d.left,d.right));let a=s.graph().root,{result:l,usedBias:u}=te(s,a,i,r,o);n&&u&&(o=!o),l.vs.forEach((d,c)=>s.node(d).order=c),ke(s,i,l.vs)})}function wn(e,n){Object.values(n).forEach(t=>t.forEach((r,o)=>e.node(r).order=o))}function qt(e,n){let t={};function r(o,i){let s=0,a=0,l=o.length,u=i[i.length-1];return i.forEach((d,c)=>{let f=Ut(e,d),h=f?e.node(f).order:l;(f||d===u)&&(i.slice(a,c+1).forEach(g=>{let m=e.predecessors(g);m&&m.forEach(L=>{let y=e.node(L),b=y.order;(b<s||h<b)&&!(y.dummy&&e.node(g).dummy)&&Gn(t,L,g)})}),a=c+1,s=h)}),i}return n.length&&n.reduce(r),t}function $t(e,n){let t={};function r(a){var l;return((l=e.node(a))==null?void 0:l.dummy)==="border"}if(!e.nodes().some(r))return t;function i(a,l,u,d,c){D(l,u).forEach(f=>{let h=a[f];if(h!==void 0&&e.node(h).dummy){let g=e.predecessors(h);g&&g.forEach(m=>{if(m===void 0)return;let L=e.node(m);L.dummy&&(L.order<d||L.order>c)&&Gn(t,m,h)})}})}function s(a,l){let u=-1,d=-1,c=0;return l.forEach((f,h)=>{if(r(f)){let g=e.predecessors(f);if(g&&g.length){let m=g[0];if(m===void 0)return;d=e.node(m).order,i(l,c,h,u,d),c=h,u=d}}i(l,c,l.length,d,a.length)}),l}return n.length&&n.reduce(s),t}function Ut(e,n){if(e.node(n).dummy){let t=e.predecessors(n);if(t)return t.find(r=>e.node(r).dummy)}}function Gn(e,n,t){if(n>t){let o=n;n=t,t=o}let r=e[n];r||(e[n]=r={}),r[t]=!0}function Jt(e,n,t){if(n>t){let o=n;n=t,t=o}let r=e[n];return r!==void 0&&Object.hasOwn(r,t)}function Kt(e,n,t,r,o){let i={},s={},a={};return n.forEach(l=>{l.forEach((u,d)=>{i[u]=u,s[u]=u,a[u]=d})}),n.forEach(l=>{let u=-1,d=-1,c=!1,f=l,h=l.findIndex(g=>(o==null?void 0:o.includes(g))||Nn(g,e,o));h>0&&(f=[l[h],...l.slice(0,h),...l.slice(h+1)],c=!0),f.forEach(g=>{var L;let m=r(g);if(m&&m.length){o!=null&&o.includes(g)&&(m=m.filter(p=>Nn(p,e,o)));let y=m.sort((p,E)=>{let w=a[p],k=a[E];return(w!==void 0?w:0)-(k!==void 0?k:0)}),b=(y.length-1)/2;for(let p=Math.floor(b),E=Math.ceil(b);p<=E;++p){let w=y[p];if(w===void 0)continue;let k=a[w];if(k!==void 0&&s[g]===g&&u<k&&a[w]!==d&&!Jt(t,g,w)){let _=i[w];_!==void 0&&(s[w]=g,s[g]=i[g]=_,u=k,c&&(u=-1,d=(L=a[w])!=null?L:-1,c=!1))}}}})}),{root:i,align:s}}function Qt(e,n,t,r,o=!1){let i={},s=Zt(e,n,t,o),a=o?"borderLeft":"borderRight";function l(h,g){let m=s.nodes().slice(),L={},y=m.pop();for(;y;){if(L[y])h(y);else{L[y]=!0,m.push(y);for(let b of g(y))m.push(b)}y=m.pop()}}function u(h){let g=s.inEdges(h);g?i[h]=g.reduce((m,L)=>{var p;let y=(p=i[L.v])!=null?p:0,b=s.edge(L);return Math.max(m,y+(b!==void 0?b:0))},0):i[h]=0}function d(h){let g=s.outEdges(h),m=Number.POSITIVE_INFINITY;g&&(m=g.reduce((y,b)=>{let p=i[b.w],E=s.edge(b);return Math.min(y,(p!==void 0?p:0)-(E!==void 0?E:0))},Number.POSITIVE_INFINITY));let L=e.node(h);m!==Number.POSITIVE_INFINITY&&L.borderType!==a&&(i[h]=Math.max(i[h]!==void 0?i[h]:0,m))}function c(h){return s.predecessors(h)||[]}function f(h){return s.successors(h)||[]}return l(u,c),l(d,f),Object.keys(r).forEach(h=>{var m;let g=t[h];g!==void 0&&(i[h]=(m=i[g])!=null?m:0)}),i}function Zt(e,n,t,r){let o=new T,i=e.graph(),s=rr(i.nodesep,i.edgesep,r);return n.forEach(a=>{let l;a.forEach(u=>{let d=t[u];if(d!==void 0){if(o.setNode(d),l!==void 0){let c=t[l];if(c!==void 0){let f=o.edge(c,d);o.setEdge(c,d,Math.max(s(e,u,l),f||0))}}l=u}})}),o}function er(e,n){return Object.values(n).reduce((t,r)=>{let o=Number.NEGATIVE_INFINITY,i=Number.POSITIVE_INFINITY;Object.entries(r).forEach(([a,l])=>{let u=or(e,a)/2;o=Math.max(l+u,o),i=Math.min(l-u,i)});let s=o-i;return s<t[0]&&(t=[s,r]),t},[Number.POSITIVE_INFINITY,null])[1]}function nr(e,n){let t=Object.values(n),r=S(Math.min,t),o=S(Math.max,t);["u","d"].forEach(i=>{["l","r"].forEach(s=>{let a=i+s,l=e[a];if(!l||l===n)return;let u=Object.values(l),d=r-S(Math.min,u);s!=="l"&&(d=o-S(Math.max,u)),d&&(e[a]=X(l,c=>c+d))})})}function tr(e,n=void 0){let t=e.ul;return t?X(t,(r,o)=>{var s,a;if(n){let l=n.toLowerCase(),u=e[l];if(u&&u[o]!==void 0)return u[o]}let i=Object.values(e).map(l=>{let u=l[o];return u!==void 0?u:0}).sort((l,u)=>l-u);return(((s=i[1])!=null?s:0)+((a=i[2])!=null?a:0))/2}):{}}function vn(e,n){let t=P(e),r=Object.assign(qt(e,t),$t(e,t)),o={},i;["u","d"].forEach(a=>{i=a==="u"?t:Object.values(t).reverse(),["l","r"].forEach(l=>{l==="r"&&(i=i.map(f=>Object.values(f).reverse()));let d=Kt(e,i,r,f=>(a==="u"?e.predecessors(f):e.successors(f))||[],n),c=Qt(e,i,d.root,d.align,l==="r");l==="r"&&(c=X(c,f=>-f)),o[a+l]=c})});let s=er(e,o);return nr(o,s),tr(o,e.graph().align)}function rr(e,n,t){return(r,o,i)=>{let s=r.node(o),a=r.node(i),l=0,u;if(l+=s.width/2,Object.hasOwn(s,"labelpos"))switch(s.labelpos.toLowerCase()){case"l":u=-s.width/2;break;case"r":u=s.width/2;break}if(u&&(l+=t?u:-u),u=void 0,l+=(s.dummy?n:e)/2,l+=(a.dummy?n:e)/2,l+=a.width/2,Object.hasOwn(a,"labelpos"))switch(a.labelpos.toLowerCase()){case"l":u=a.width/2;break;case"r":u=-a.width/2;break}return u&&(l+=t?u:-u),l}}function or(e,n){return e.node(n).width}function Nn(e,n,t){var s;if(!t)return!1;let r=(s=n.node(e))==null?void 0:s.edgeObj;if(!r||n.node(e).edgeLabel.reversed)return!1;let o=t.indexOf(r==null?void 0:r.v),i=t.indexOf(r==null?void 0:r.w);return o!==-1&&i!==-1&&o===(i+1)%t.length||o===(i-1)%t.length}function kn(e,n){e=Z(e),ir(e),Object.entries(vn(e,n)).forEach(([t,r])=>e.node(t).x=r)}function ir(e){let n=P(e),t=e.graph(),r=t.ranksep,o=t.rankalign,i=0;n.forEach(s=>{let a=s.reduce((l,u)=>{var c;let d=(c=e.node(u).height)!=null?c:0;return l>d?l:d},0);s.forEach(l=>{let u=e.node(l);o==="top"?u.y=i+u.height/2:o==="bottom"?u.y=i+a-u.height/2:u.y=i+a/2}),i+=a+r})}var xn=new WeakMap;function Oe(e,n={}){return In(e,q,n),e}function _n(e,n,t){let r=n;for(;r!==void 0;){let o=e.parent(r);if(o===t)return r;r=o}}function In(e,n,t){var y;let r=e.nodes().filter(b=>e.children(b).length),o={};r.forEach(b=>{let p=e.node(b);if(p&&p.rankdir){let E=new T({multigraph:!0,compound:!0});E.setGraph({rankdir:p.rankdir});let w=e.children(b);w.forEach(G=>{let N={...e.node(G)};E.setNode(G,N);let C=e.parent(G);C&&C!==b&&w.includes(C)&&E.setParent(G,C)});let k=new Set;e.edges().forEach(G=>{let N=_n(e,G.v,b),C=_n(e,G.w,b);if(N===G.v&&C===G.w)E.setEdge(G,{...e.edge(G)});else if(N&&C&&N!==C){let B=`${N}\0${C}`;k.has(B)||(k.add(B),E.setEdge(N,C,{...e.edge(G)}))}}),In(E,n,t);let _=Rn(E);Cn(_,n,t,null),Tn(E,_);let O=1/0,j=1/0,R=-1/0,I=-1/0;E.nodes().forEach(G=>{if(G===b)return;let N=E.node(G);N&&typeof N.x=="number"&&typeof N.y=="number"&&typeof N.width=="number"&&typeof N.height=="number"&&(O=Math.min(O,N.x-N.width/2),R=Math.max(R,N.x+N.width/2),j=Math.min(j,N.y-N.height/2),I=Math.max(I,N.y+N.height/2))}),(!isFinite(O)||!isFinite(j)||!isFinite(R)||!isFinite(I))&&(O=j=0,R=I=0);let v=R-O,x=I-j;o[b]={minX:O,minY:j,maxX:R,maxY:I,width:v,height:x,offsetX:O,offsetY:j},p._dagreClusterSubgraph=E}});let i=[],s=b=>{let p=[],E=(e.children(b)||[]).filter(w=>w!==b);for(;E.length>0;){let w=E.shift();p.push(w),(e.children(w)||[]).filter(k=>k!==w).forEach(k=>E.push(k))}return p},a=new Map;r.forEach(b=>{let p=e.node(b);p&&p.rankdir&&o[b]&&a.set(b,(e.children(b)||[]).filter(E=>E!==b))});let l=new Set([...a.values()].flat()),u=new Map;a.forEach((b,p)=>{l.has(p)||u.set(p,s(p))});let d=new Set([...u.values()].flat()),c=b=>{for(let[p,E]of u)if(E.includes(b))return p;return b},f=[];e.edges().forEach(b=>{(d.has(b.v)||d.has(b.w))&&f.push({edge:b,label:e.edge(b)})});let h=new Map;d.forEach(b=>{let p=e.parent(b);h.set(b,typeof p=="string"?p:void 0)}),u.forEach((b,p)=>{let E=e.node(p),w=[];b.forEach(O=>{let j=e.node(O);j&&(w.push({id:O,node:j,parent:h.get(O)}),e.removeNode(O))});let k=f.filter(({edge:O})=>b.includes(O.v)||b.includes(O.w)),_=o[p];E&&(i.push({clusterId:p,subgraph:E._dagreClusterSubgraph,bounds:_,children:b,removedNodes:w,removedEdges:k}),E.width=_.width,E.height=_.height)});let g=new Set;f.forEach(({edge:b,label:p})=>{let E=c(b.v),w=c(b.w);if(E!==w&&e.hasNode(E)&&e.hasNode(w)){let k=`${E}\0${w}`;g.has(k)||(g.add(k),e.setEdge(E,w,{...p,width:0,height:0}))}});let m=Rn(e),L=Cn(m,n,t,(y=xn.get(e))!=null?y:null);xn.set(e,L),Tn(e,m),g.forEach(b=>{let p=b.indexOf("\0"),E=b.slice(0,p),w=b.slice(p+1);e.hasEdge(E,w)&&e.removeEdge(E,w)}),i.forEach(({clusterId:b,subgraph:p,bounds:E,removedNodes:w,removedEdges:k})=>{var v,x;let _=e.node(b),O=(v=_==null?void 0:_.x)!=null?v:0,j=(x=_==null?void 0:_.y)!=null?x:0,R=(E.minX+E.maxX)/2,I=(E.minY+E.maxY)/2;w.forEach(({id:G,node:N,parent:C})=>{e.setNode(G,N),C!==void 0&&e.setParent(G,C)}),k.forEach(({edge:G,label:N})=>{e.setEdge(G,N)}),p.nodes().forEach(G=>{if(G===b)return;let N=p.node(G),C=e.node(G);C&&N&&typeof N.x=="number"&&typeof N.y=="number"&&(C.x=O+(N.x-R),C.y=j+(N.y-I))}),On(e,p,O-R,j-I),delete _._dagreClusterSubgraph}),r.forEach(b=>{var w,k;let p=e.node(b),E=o[b];if(p&&p.rankdir&&p._dagreClusterSubgraph&&E){let _=p._dagreClusterSubgraph,O=(w=p.x)!=null?w:0,j=(k=p.y)!=null?k:0,R=(E.minX+E.maxX)/2,I=(E.minY+E.maxY)/2;_.nodes().forEach(v=>{if(v===b)return;let x=_.node(v),G=e.node(v);if(G&&x&&typeof x.x=="number"&&typeof x.y=="number"){let N=x.x-R,C=x.y-I;G.x=O+N,G.y=j+C}}),On(e,_,O-R,j-I),delete p._dagreClusterSubgraph}})}function On(e,n,t,r){n.edges().forEach(o=>{if(!e.hasEdge(o))return;let i=n.edge(o),s=e.edge(o);s.points=i.points.map(a=>({x:a.x+t,y:a.y+r})),Object.hasOwn(i,"x")&&(s.x=i.x+t,s.y=i.y+r)})}function Cn(e,n,t,r=null){var l,u;let o=(t==null?void 0:t.useDynamic)!==!1,i=o&&(l=r==null?void 0:r.graph)!=null?l:null,s=o&&(u=r==null?void 0:r.rawNodes)!=null?u:null;n("    makeSpaceForEdgeLabels",()=>hr(e)),n("    removeSelfEdges",()=>Nr(e)),n("    acyclic",()=>Ue(e,i)),n("    nestingGraph.run",()=>un(e)),n("    rank",()=>dn(Z(e))),n("    injectEdgeLabelProxies",()=>br(e)),n("    removeEmptyRanks",()=>We(e)),n("    nestingGraph.cleanup",()=>fn(e)),n("    normalizeRanks",()=>Be(e)),n("    assignRankMinMax",()=>gr(e)),n("    removeEdgeLabelProxies",()=>pr(e)),n("    normalize.run",()=>Ke(e)),n("    parentDummyChains",()=>ln(e)),n("    addBorderSegments",()=>bn(e)),n("    order",()=>re(e,t,s)),n("    insertSelfEdges",()=>Gr(e)),n("    adjustCoordinateSystem",()=>pn(e)),n("    position",()=>kn(e,t.corePath)),n("    positionSelfEdges",()=>vr(e));let a=JSON.parse(JSON.stringify(e._nodes));return n("    removeBorderNodes",()=>wr(e)),n("    normalize.undo",()=>Qe(e)),n("    fixupEdgeLabelCoords",()=>Lr(e)),n("    undoCoordinateSystem",()=>mn(e)),n("    translateGraph",()=>mr(e)),n("    assignNodeIntersects",()=>Er(e)),n("    reversePoints",()=>yr(e)),n("    acyclic.undo",()=>Je(e)),{graph:e,rawNodes:a}}function Tn(e,n){e.nodes().forEach(t=>{let r=e.node(t),o=n.node(t);r&&(r.x=o.x,r.y=o.y,r.order=o.order,r.rank=o.rank,n.children(t).length&&(r.width=o.width,r.height=o.height))}),e.edges().forEach(t=>{let r=e.edge(t),o=n.edge(t);r.points=o.points,Object.hasOwn(o,"x")&&(r.x=o.x,r.y=o.y)}),e.graph().width=n.graph().width,e.graph().height=n.graph().height}var sr=["nodesep","edgesep","ranksep","marginx","marginy"],ar={ranksep:50,edgesep:20,nodesep:50,rankdir:"TB",rankalign:"center"},dr=["acyclicer","ranker","rankdir","align","rankalign"],lr=["width","height","rank"],jn={width:0,height:0},ur=["minlen","weight","width","height","labeloffset"],cr={minlen:1,weight:1,width:0,height:0,labeloffset:10,labelpos:"r"},fr=["labelpos"];function Rn(e){let n=new T({multigraph:!0,compound:!0}),t=_e(e.graph());return n.setGraph(Object.assign({},ar,xe(t,sr),W(t,dr))),e.nodes().forEach(r=>{let o=_e(e.node(r)),i=xe(o,lr);Object.keys(jn).forEach(a=>{i[a]===void 0&&(i[a]=jn[a])}),n.setNode(r,i);let s=e.parent(r);s!==void 0&&n.setParent(r,s)}),e.edges().forEach(r=>{let o=_e(e.edge(r));n.setEdge(r,Object.assign({},cr,xe(o,ur),W(o,fr)))}),n}function hr(e){let n=e.graph();n.ranksep/=2,e.edges().forEach(t=>{var o;let r=e.edge(t);r.minlen*=2,((o=r.labelpos)!=null?o:"r").toLowerCase()!=="c"&&(n.rankdir==="TB"||n.rankdir==="BT"?r.width+=r.labeloffset:r.height+=r.labeloffset)})}function br(e){e.edges().forEach(n=>{let t=e.edge(n);if(t.width&&t.height){let r=e.node(n.v),i={rank:(e.node(n.w).rank-r.rank)/2+r.rank,e:n};M(e,"edge-proxy",i,"_ep")}})}function gr(e){let n=0;e.nodes().forEach(t=>{let r=e.node(t);r.borderTop&&(r.minRank=e.node(r.borderTop).rank,r.maxRank=e.node(r.borderBottom).rank,n=Math.max(n,r.maxRank))}),e.graph().maxRank=n}function pr(e){e.nodes().forEach(n=>{let t=e.node(n);if(t.dummy==="edge-proxy"){let r=t;e.edge(r.e).labelRank=t.rank,e.removeNode(n)}})}function mr(e){let n=Number.POSITIVE_INFINITY,t=0,r=Number.POSITIVE_INFINITY,o=0,i=e.graph(),s=i.marginx||0,a=i.marginy||0;function l(u){let d=u.x,c=u.y,f=u.width,h=u.height;n=Math.min(n,d-f/2),t=Math.max(t,d+f/2),r=Math.min(r,c-h/2),o=Math.max(o,c+h/2)}e.nodes().forEach(u=>l(e.node(u))),e.edges().forEach(u=>{let d=e.edge(u);Object.hasOwn(d,"x")&&l(d)}),n-=s,r-=a,e.nodes().forEach(u=>{let d=e.node(u);d.x-=n,d.y-=r}),e.edges().forEach(u=>{let d=e.edge(u);d.points.forEach(c=>{c.x-=n,c.y-=r}),Object.hasOwn(d,"x")&&(d.x-=n),Object.hasOwn(d,"y")&&(d.y-=r)}),i.width=t-n+s,i.height=o-r+a}function Er(e){e.edges().forEach(n=>{if(n.v===n.w)return;let t=e.edge(n),r=e.node(n.v),o=e.node(n.w),i,s;t.points?(i=t.points[0],s=t.points[t.points.length-1]):(t.points=[],i=o,s=r),t.points.unshift(se(r,i)),t.points.push(se(o,s))})}function Lr(e){e.edges().forEach(n=>{let t=e.edge(n);if(Object.hasOwn(t,"x"))switch((t.labelpos==="l"||t.labelpos==="r")&&(t.width-=t.labeloffset),t.labelpos){case"l":t.x-=t.width/2+t.labeloffset;break;case"r":t.x+=t.width/2+t.labeloffset;break}})}function yr(e){e.edges().forEach(n=>{let t=e.edge(n);t.reversed&&t.points.reverse()})}function wr(e){e.nodes().forEach(n=>{if(e.children(n).length){let t=e.node(n),r=e.node(t.borderTop),o=e.node(t.borderBottom),i=e.node(t.borderLeft[t.borderLeft.length-1]),s=e.node(t.borderRight[t.borderRight.length-1]);t.width=Math.abs(s.x-i.x),t.height=Math.abs(o.y-r.y),t.x=i.x+t.width/2,t.y=r.y+t.height/2}}),e.nodes().forEach(n=>{e.node(n).dummy==="border"&&e.removeNode(n)})}function Nr(e){e.edges().forEach(n=>{if(n.v===n.w){let t=e.node(n.v);t.selfEdges||(t.selfEdges=[]),t.selfEdges.push({e:n,label:e.edge(n)}),e.removeEdge(n)}})}function Gr(e){P(e).forEach(t=>{let r=0;t.forEach((o,i)=>{let s=e.node(o);typeof s.rank!="number"&&(s.rank=0),s.order=i+r,(s.selfEdges||[]).forEach(a=>{M(e,"selfedge",{width:a.label.width,height:a.label.height,rank:s.rank,order:i+ ++r,e:a.e,edgeLabel:a.label},"_se"),(!Array.isArray(a.label.points)||a.label.points.length!==7)&&(a.label.points=[{x:0,y:-10},{x:0,y:-10},{x:0,y:0},{x:0,y:10},{x:0,y:10},{x:0,y:0},{x:0,y:0}])}),delete s.selfEdges})})}function vr(e){e.nodes().forEach(n=>{let t=e.node(n),r=o=>typeof o=="number"&&isFinite(o);if(t.dummy==="selfedge"){let o=t,i=e.node(o.e.v),s=r(i==null?void 0:i.x)?i.x:0,a=r(i==null?void 0:i.y)?i.y:0,l=r(i==null?void 0:i.width)?i.width:0,u=r(i==null?void 0:i.height)?i.height:0,d=r(t.x)?t.x:s,c=r(t.y)?t.y:a,f=l/2,h=u/2;o.edgeLabel.points=[{x:d+f,y:c-h},{x:d+f,y:c-h},{x:d,y:c},{x:d-f,y:c+h},{x:d-f,y:c+h},{x:d,y:c},{x:d,y:c}],o.edgeLabel.x=d,o.edgeLabel.y=c,e.setEdge(o.e,o.edgeLabel),e.removeNode(n)}else t&&Array.isArray(t.selfEdges)&&t.selfEdges.forEach(o=>{if(!Array.isArray(o.label.points)||o.label.points.length!==7){let i=r(t.x)?t.x:0,s=r(t.y)?t.y:0,a=r(t.width)?t.width:0,l=r(t.height)?t.height:0,u=a/2,d=l/2;o.label.points=[{x:i+u,y:s-d},{x:i+u,y:s-d},{x:i,y:s},{x:i-u,y:s+d},{x:i-u,y:s+d},{x:i,y:s},{x:i,y:s}]}})})}function xe(e,n){return X(W(e,n),Number)}function _e(e){let n={};return e&&Object.entries(e).forEach(([t,r])=>{typeof t=="string"&&(t=t.toLowerCase()),n[t]=r}),n}function Ce(e){let n=P(e),t=new T({compound:!0,multigraph:!0}).setGraph({});return e.nodes().forEach(r=>{t.setNode(r,{label:r}),t.setParent(r,"layer"+e.node(r).rank)}),e.edges().forEach(r=>t.setEdge(r.v,r.w,{},r.name)),n.forEach((r,o)=>{let i="layer"+o;t.setNode(i,{rank:"same"}),r.reduce((s,a)=>(t.setEdge(s,a,{style:"invis"}),a))}),t}var qo={time:le,notime:q},kr={graphlib:ie,version:ue,layout:Oe,debug:Ce,util:{time:le,notime:q}},$o=kr;
/*! For license information please see dagre.esm.js.LEGAL.txt */
//# sourceMappingURL=dagre.esm.js.map

// EXTERNAL MODULE: ./node_modules/d3-shape/dist/d3-shape.mjs + 1 modules
var d3_shape = __webpack_require__(6879);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/svg-text.js
var svg_text = __webpack_require__(1170);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/dag-svg.js





const STATE_STYLES = {
  SUCCEEDED: {
    mark: "\u2713",
    word: "succeeded",
    border: "#1a7f37",
    text: "#116329",
    fill: "#f0fff4",
    dashed: false
  },
  FAILED: {
    mark: "\u2717",
    word: "failed",
    border: "#cf222e",
    text: "#a40e26",
    fill: "#fff5f5",
    dashed: false
  },
  RUNNING: {
    mark: "\u25CF",
    word: "running",
    border: "#0969da",
    text: "#0550ae",
    fill: "#f1f8ff",
    dashed: false
  },
  SKIPPED: {
    mark: "\u21B7",
    word: "skipped",
    border: "#6e7781",
    text: "#57606a",
    fill: "#ffffff",
    dashed: true
  },
  NOT_TRIGGERED: {
    mark: "\u2013",
    word: "not triggered",
    border: "#6e7781",
    text: "#57606a",
    fill: "#ffffff",
    dashed: true
  },
  PENDING: {
    mark: "\u2013",
    word: "pending",
    border: "#6e7781",
    text: "#57606a",
    fill: "#ffffff",
    dashed: true
  },
  CANCELLED: {
    mark: "\u2298",
    word: "cancelled",
    border: "#9a6700",
    text: "#7d4e00",
    fill: "#fffbeb",
    dashed: false
  }
};
const LABEL_FONT = 13;
const STATUS_FONT = 12;
const LABEL_MAX = 220;
const PADDING_X = 12;
const NODE_HEIGHT = 46;
const GROUP_PADDING = 12;
const GROUP_LABEL_HEIGHT = 18;
const GROUP_BORDER = "#6e7781";
function statusLine(node) {
  const style = STATE_STYLES[node.state];
  const duration = (0,core_duration/* formatDuration */.a)(node.durationMs);
  return [style.mark, duration || style.word, node.cached ? "(cached)" : ""].filter((part) => part !== "").join(" ");
}
function tooltip(node) {
  const duration = (0,core_duration/* formatDuration */.a)(node.durationMs);
  return [node.id, STATE_STYLES[node.state].word, duration, node.cached ? "cached" : ""].filter((part) => part !== "").join(" \u2014 ");
}
function safeLink(link) {
  if (link === void 0 || link === "") return void 0;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link)?.[1]?.toLowerCase();
  return scheme === void 0 || ["http", "https", "file"].includes(scheme) ? link : void 0;
}
function nodeSize(node) {
  const label = (0,svg_text/* fitText */.vY)(node.label, LABEL_MAX, LABEL_FONT, true);
  const width = Math.max(
    (0,svg_text/* textWidth */.sc)(label, LABEL_FONT, true),
    (0,svg_text/* textWidth */.sc)(statusLine(node), STATUS_FONT),
    48
  );
  return { width: Math.ceil(width + 2 * PADDING_X), height: NODE_HEIGHT };
}
function groupPorts(dag, parentOf) {
  const isUnder = (id, group) => {
    for (let parent = parentOf.get(id); parent !== void 0; parent = parentOf.get(parent))
      if (parent === group) return true;
    return false;
  };
  const chainBelow = (id, group) => {
    const chain = [id];
    for (let parent = parentOf.get(id); parent !== void 0 && parent !== group; parent = parentOf.get(parent))
      chain.push(parent);
    return chain;
  };
  return (group, side) => {
    const tasks = dag.nodes.filter((node) => !node.group && isUnder(node.id, group)).map((node) => node.id);
    const ports = tasks.filter((task) => {
      const chain = chainBelow(task, group);
      return !dag.edges.some(
        (edge) => side === "entries" ? chain.includes(edge.to) && isUnder(edge.from, group) : chain.includes(edge.from) && isUnder(edge.to, group)
      );
    });
    return ports.length > 0 ? ports : tasks;
  };
}
const layoutLibrary = $o;
function layoutGraph(dag, parentOf, isGroup) {
  const graph = new layoutLibrary.graphlib.Graph({ compound: true });
  graph.setGraph({ rankdir: "LR", nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const hasChildren = new Set(parentOf.values());
  for (const node of dag.nodes) {
    if (node.group && hasChildren.has(node.id)) graph.setNode(node.id, {});
    else if (node.group)
      graph.setNode(node.id, {
        width: Math.ceil((0,svg_text/* textWidth */.sc)(node.label, STATUS_FONT) + 2 * PADDING_X),
        height: NODE_HEIGHT
      });
    else graph.setNode(node.id, nodeSize(node));
  }
  for (const [child, parent] of parentOf) graph.setParent(child, parent);
  const ports = groupPorts(dag, parentOf);
  const endpoints = (id, side) => isGroup(id) && hasChildren.has(id) ? ports(id, side) : [id];
  for (const edge of dag.edges) {
    for (const from of endpoints(edge.from, "exits"))
      for (const to of endpoints(edge.to, "entries")) if (from !== to) graph.setEdge(from, to);
  }
  layoutLibrary.layout(graph);
  return graph;
}
function boxOf(graph, id) {
  const label = graph.node(id) ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    x: label.x - label.width / 2,
    y: label.y - label.height / 2,
    width: label.width,
    height: label.height
  };
}
function union(rects) {
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
function dagSvg(dag, options) {
  const title = options?.title ?? "Pipeline graph";
  const prefix = (0,svg_text/* idPrefix */.m0)("dag", title, dag);
  const titleId = `${prefix}-title`;
  const ids = new Set(dag.nodes.map((node) => node.id));
  const groups = new Set(dag.nodes.filter((node) => node.group).map((node) => node.id));
  if (ids.size === 0) {
    return `<svg class="dag" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 40" width="240" height="40"><title id="${titleId}">${(0,html_page/* escapeHtml */.ZD)(title)}</title><text x="8" y="24" font-size="${STATUS_FONT}" fill="#59636e">no tasks</text></svg>`;
  }
  const parentOf = /* @__PURE__ */ new Map();
  for (const node of dag.nodes)
    if (node.parent !== void 0 && groups.has(node.parent) && node.parent !== node.id)
      parentOf.set(node.id, node.parent);
  const edges = dag.edges.filter(
    (edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to
  );
  const graph = layoutGraph({ nodes: dag.nodes, edges }, parentOf, (id) => groups.has(id));
  const depth = (id) => {
    let levels = 0;
    for (let parent = parentOf.get(id); parent !== void 0; parent = parentOf.get(parent))
      levels += 1;
    return levels;
  };
  const boxes = /* @__PURE__ */ new Map();
  for (const node of dag.nodes) if (!node.group) boxes.set(node.id, boxOf(graph, node.id));
  const groupOrder = dag.nodes.filter((node) => node.group).sort((a, b) => depth(b.id) - depth(a.id));
  for (const group of groupOrder) {
    const children = [...parentOf].filter(([, parent]) => parent === group.id).map(([child]) => boxes.get(child));
    const childBoxes = children.filter((rect) => rect !== void 0);
    if (childBoxes.length === 0) {
      boxes.set(group.id, boxOf(graph, group.id));
      continue;
    }
    const inner = union(childBoxes);
    const labelWidth = (0,svg_text/* textWidth */.sc)(
      (0,svg_text/* fitText */.vY)(group.label, LABEL_MAX, STATUS_FONT, true),
      STATUS_FONT,
      true
    );
    const grown = {
      x: inner.x - GROUP_PADDING,
      y: inner.y - GROUP_PADDING - GROUP_LABEL_HEIGHT,
      width: Math.max(inner.width + 2 * GROUP_PADDING, labelWidth + 2 * GROUP_PADDING),
      height: inner.height + 2 * GROUP_PADDING + GROUP_LABEL_HEIGHT
    };
    boxes.set(group.id, grown);
  }
  const all = union([...boxes.values()]);
  const shiftX = 16 - all.x;
  const shiftY = 16 - all.y;
  const width = all.width + 32;
  const height = all.height + 32;
  const at = (rect) => ({ ...rect, x: rect.x + shiftX, y: rect.y + shiftY });
  const markerId = `${prefix}-arrow`;
  const curve = (0,d3_shape/* line */.n8)().x((point) => Math.round((point.x + shiftX) * 100) / 100).y((point) => Math.round((point.y + shiftY) * 100) / 100).curve(d3_shape/* curveBasis */.qr).digits(2);
  const parts = [
    `<svg class="dag" role="group" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${(0,svg_text/* num */.bu)(width)} ${(0,svg_text/* num */.bu)(height)}" width="${(0,svg_text/* num */.bu)(width)}" height="${(0,svg_text/* num */.bu)(height)}">`,
    `<title id="${titleId}">${(0,html_page/* escapeHtml */.ZD)(title)}</title>`,
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#59636e"/></marker></defs>`
  ];
  for (const group of [...groupOrder].reverse()) {
    const rect = at(boxes.get(group.id) ?? { x: 0, y: 0, width: 0, height: 0 });
    parts.push(
      `<g class="dag-group" data-id="${(0,html_page/* escapeHtml */.ZD)(group.id)}">`,
      `<title>${(0,html_page/* escapeHtml */.ZD)(group.id)}</title>`,
      `<rect x="${(0,svg_text/* num */.bu)(rect.x)}" y="${(0,svg_text/* num */.bu)(rect.y)}" width="${(0,svg_text/* num */.bu)(rect.width)}" height="${(0,svg_text/* num */.bu)(rect.height)}" rx="6" fill="#f6f8fa" fill-opacity="0.6" stroke="${GROUP_BORDER}" stroke-dasharray="5 3"/>`,
      (0,svg_text/* svgText */.i9)(
        group.label,
        `x="${(0,svg_text/* num */.bu)(rect.x + 8)}" y="${(0,svg_text/* num */.bu)(rect.y + 15)}" font-size="${STATUS_FONT}" font-weight="600" fill="#57606a"`,
        {
          maxWidth: rect.width - 16,
          fontSize: STATUS_FONT,
          bold: true
        }
      ),
      "</g>"
    );
  }
  for (const edge of edges) {
    const layoutEdge = graph.edge(edge.from, edge.to);
    let d;
    if (!groups.has(edge.from) && !groups.has(edge.to) && layoutEdge?.points) {
      d = curve(layoutEdge.points);
    } else {
      const from = boxes.get(edge.from);
      const to = boxes.get(edge.to);
      if (!from || !to) continue;
      const start = { x: from.x + from.width, y: from.y + from.height / 2 };
      const end = { x: to.x, y: to.y + to.height / 2 };
      const bend = Math.max(20, (end.x - start.x) / 2);
      d = `M${(0,svg_text/* num */.bu)(start.x + shiftX)},${(0,svg_text/* num */.bu)(start.y + shiftY)}C${(0,svg_text/* num */.bu)(start.x + bend + shiftX)},${(0,svg_text/* num */.bu)(start.y + shiftY)} ${(0,svg_text/* num */.bu)(end.x - bend + shiftX)},${(0,svg_text/* num */.bu)(end.y + shiftY)} ${(0,svg_text/* num */.bu)(end.x + shiftX)},${(0,svg_text/* num */.bu)(end.y + shiftY)}`;
    }
    parts.push(
      `<path class="dag-edge" data-from="${(0,html_page/* escapeHtml */.ZD)(edge.from)}" data-to="${(0,html_page/* escapeHtml */.ZD)(edge.to)}" marker-end="url(#${markerId})" d="${d ?? ""}" fill="none" stroke="#59636e" stroke-width="1.5"/>`
    );
  }
  for (const node of dag.nodes) {
    if (node.group) continue;
    const rect = at(boxes.get(node.id) ?? { x: 0, y: 0, width: 0, height: 0 });
    const style = STATE_STYLES[node.state];
    const link = safeLink(node.link);
    const center = rect.x + rect.width / 2;
    const task = [
      `<g class="dag-node" data-id="${(0,html_page/* escapeHtml */.ZD)(node.id)}" data-state="${node.state}" tabindex="0">`,
      `<title>${(0,html_page/* escapeHtml */.ZD)(tooltip(node))}</title>`,
      `<rect x="${(0,svg_text/* num */.bu)(rect.x)}" y="${(0,svg_text/* num */.bu)(rect.y)}" width="${(0,svg_text/* num */.bu)(rect.width)}" height="${(0,svg_text/* num */.bu)(rect.height)}" rx="4" fill="${style.fill}" stroke="${style.border}" stroke-width="1.5"${style.dashed ? ' stroke-dasharray="4 2"' : ""}/>`,
      (0,svg_text/* svgText */.i9)(
        node.label,
        `class="label" x="${(0,svg_text/* num */.bu)(center)}" y="${(0,svg_text/* num */.bu)(rect.y + 19)}" text-anchor="middle" font-size="${LABEL_FONT}" font-weight="600" fill="#1f2328"`,
        {
          maxWidth: LABEL_MAX,
          fontSize: LABEL_FONT,
          bold: true
        }
      ),
      `<text class="status" x="${(0,svg_text/* num */.bu)(center)}" y="${(0,svg_text/* num */.bu)(rect.y + 36)}" text-anchor="middle" font-size="${STATUS_FONT}" fill="${style.text}">${(0,html_page/* escapeHtml */.ZD)(statusLine(node))}</text>`,
      "</g>"
    ].join("");
    parts.push(link ? `<a href="${(0,html_page/* escapeHtml */.ZD)(link)}">${task}</a>` : task);
  }
  parts.push("</svg>");
  return parts.join("\n");
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/report-html.js








function table(header, rows, attributes = "") {
  const cell = (value, tag) => typeof value === "string" ? `<${tag}>${value}</${tag}>` : `<${tag}${value.numeric ? ' class="num"' : ""}>${value.html}</${tag}>`;
  return [
    `<table${attributes}>`,
    `<thead><tr>${header.map((name) => `<th scope="col">${(0,html_page/* escapeHtml */.ZD)(name)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map((row) => `<tr>${row.map((value) => cell(value, "td")).join("")}</tr>`),
    "</tbody>",
    "</table>"
  ].join("\n");
}
const number = (value) => ({
  html: (0,html_page/* escapeHtml */.ZD)((0,pipeline_report/* formatMetric */.gI)(value)),
  numeric: true
});
const STATE_MARK = {
  SUCCEEDED: "\u2713",
  FAILED: "\u2717",
  SKIPPED: "\u21B7",
  NOT_TRIGGERED: "\u2013",
  CANCELLED: "\u2298",
  RUNNING: "\u2026",
  PENDING: "\u2026"
};
function summarySection(data) {
  const { run } = data;
  const location = /^https?:\/\//.test(run.location) ? `<a href="${(0,html_page/* escapeHtml */.ZD)(run.location)}">${(0,html_page/* escapeHtml */.ZD)(run.location)}</a>` : `<code>${(0,html_page/* escapeHtml */.ZD)(run.location)}</code>`;
  const rows = [
    ["Run", `<code>${(0,html_page/* escapeHtml */.ZD)(run.id)}</code>`],
    ["Pipeline", (0,html_page/* escapeHtml */.ZD)(run.pipeline)],
    ["Where it ran", run.backend === "vertex" ? "Vertex AI Pipelines" : "locally"],
    ["State", `${STATE_MARK[run.state] ?? ""} ${(0,html_page/* escapeHtml */.ZD)(run.state)}`],
    ["Started", (0,html_page/* escapeHtml */.ZD)(run.startTime)],
    ["Ended", (0,html_page/* escapeHtml */.ZD)(run.endTime ?? "\u2014")],
    ["Duration", (0,html_page/* escapeHtml */.ZD)((0,core_duration/* formatDuration */.a)(run.durationMs) || "\u2014")],
    ["Location", location]
  ];
  return {
    id: "summary",
    title: "Summary",
    body: `<table class="facts">${rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join("")}</table>`
  };
}
function pipelineSection(data) {
  const rows = data.dag.nodes.map((node) => [
    node.link ? `<a href="${(0,html_page/* escapeHtml */.ZD)(node.link)}">${(0,html_page/* escapeHtml */.ZD)(node.id)}</a>` : `<code>${(0,html_page/* escapeHtml */.ZD)(node.id)}</code>`,
    `${STATE_MARK[node.state] ?? ""} ${(0,html_page/* escapeHtml */.ZD)(node.state)}`,
    { html: (0,html_page/* escapeHtml */.ZD)((0,core_duration/* formatDuration */.a)(node.durationMs) || "\u2014"), numeric: true },
    node.group ? "sub-DAG" : node.cached ? "yes" : "no",
    node.link ? `<a href="${(0,html_page/* escapeHtml */.ZD)(node.link)}">${linkWords(node.link)}</a>` : "\u2014"
  ]);
  const edges = data.dag.edges.map((edge) => `${(0,html_page/* escapeHtml */.ZD)(edge.from)} \u2192 ${(0,html_page/* escapeHtml */.ZD)(edge.to)}`).join(", ");
  return {
    id: "pipeline",
    title: "Pipeline",
    body: [
      `<figure class="chart dag">${dagSvg(data.dag, { title: `Pipeline ${data.run.pipeline}` })}</figure>`,
      table(["Task", "State", "Duration", "Cached", "Log"], rows, ' id="tasks"'),
      `<p class="muted">Dependencies: ${edges || "none"}.</p>`
    ].join("\n")
  };
}
function linkWords(link) {
  return /^https?:\/\//.test(link) ? "console" : "log";
}
function metricsSection(data) {
  const { evaluation, champion } = data;
  const recorded = data.metrics.find((entry) => entry.task === data.metricsTask)?.metrics;
  const candidate = evaluation?.metrics ?? recorded;
  const parts = [];
  if (candidate) {
    const header = ["Metric", "Value", "95% interval"];
    if (champion) header.push("Champion", "\u0394 vs champion");
    const rows = Object.keys(candidate).map((name) => {
      const value = recorded?.[name] ?? candidate[name];
      const interval = evaluation?.intervals[name];
      const row = [
        (0,html_page/* escapeHtml */.ZD)(name),
        number(value),
        interval ? `${(0,pipeline_report/* formatMetric */.gI)(interval[0])} \u2013 ${(0,pipeline_report/* formatMetric */.gI)(interval[1])}` : "\u2014"
      ];
      if (champion) {
        row.push(number(champion.metrics[name]), {
          html: (0,html_page/* escapeHtml */.ZD)((0,pipeline_report/* formatDelta */.CW)(value, champion.metrics[name])),
          numeric: true
        });
      }
      return row;
    });
    if (evaluation) {
      parts.push(
        `<p>${(0,html_page/* escapeHtml */.ZD)(evaluation.model)} on ${evaluation.rows} test rows (${(0,html_page/* escapeHtml */.ZD)(evaluation.task)}); chosen by ${(0,html_page/* escapeHtml */.ZD)(evaluation.primaryMetric)}.</p>`
      );
    }
    if (champion) parts.push(`<p>Champion: <code>${(0,html_page/* escapeHtml */.ZD)(champion.source)}</code>.</p>`);
    parts.push(table(header, rows, ' id="metric-table"'));
  }
  if (evaluation && evaluation.candidates.length > 0) {
    const names = [...new Set(evaluation.candidates.flatMap((c) => Object.keys(c.metrics)))];
    parts.push(
      "<h3>Candidates</h3>",
      table(
        ["Model", `CV ${evaluation.primaryMetric}`, ...names, "Chosen"],
        evaluation.candidates.map((c) => [
          (0,html_page/* escapeHtml */.ZD)(c.name),
          number(c.cvScore),
          ...names.map((name) => number(c.metrics[name])),
          c.chosen ? "\u2713 chosen" : ""
        ]),
        ' id="candidates"'
      )
    );
  }
  if (data.metrics.length > 0) {
    const rows = data.metrics.flatMap(
      ({ task, metrics }) => Object.entries(metrics).map(([name, value]) => [
        (0,html_page/* escapeHtml */.ZD)(task),
        (0,html_page/* escapeHtml */.ZD)(name),
        number(value)
      ])
    );
    parts.push(
      `<details${candidate ? "" : " open"}><summary>Every metric, by task (${rows.length})</summary>`,
      table(["Task", "Metric", "Value"], rows),
      "</details>"
    );
  }
  return parts.length > 0 ? { id: "metrics", title: "Metrics", body: parts.join("\n") } : void 0;
}
function chartsSection(data) {
  const evaluation = data.evaluation;
  if (!evaluation) return void 0;
  const charts = evaluationCharts(evaluation, data.champion?.evaluation);
  const slider = thresholdSlider(evaluation);
  if (charts.length === 0 && !slider) return void 0;
  return {
    id: "charts",
    title: "Charts",
    body: [
      data.champion?.evaluation ? '<p class="muted">Solid lines: this run. Dashed lines: the champion.</p>' : "",
      `<div class="charts">${charts.join("\n")}</div>`,
      slider ?? ""
    ].filter(Boolean).join("\n")
  };
}
function importancesSection(data) {
  const importances = data.evaluation?.featureImportances;
  if (!importances || importances.length === 0) return void 0;
  const top = importances.slice(0, 20);
  return {
    id: "importances",
    title: "Feature importances",
    body: [
      figure(
        (0,svg_charts/* barChartSvg */.Ub)({
          title: `Permutation importance${importances.length > top.length ? ` (top ${top.length} of ${importances.length})` : ""}`,
          xLabel: `Drop in ${data.evaluation?.primaryMetric ?? "score"}`,
          bars: top.map((entry) => ({
            label: entry.feature,
            value: entry.importance,
            error: entry.std
          }))
        })
      ),
      `<details><summary>Every feature (${importances.length})</summary>`,
      table(
        ["Feature", "Importance", "Std"],
        importances.map((entry) => [
          (0,html_page/* escapeHtml */.ZD)(entry.feature),
          number(entry.importance),
          number(entry.std)
        ])
      ),
      "</details>"
    ].join("\n")
  };
}
function dataSection(data) {
  const profile = data.data;
  if (!profile) return void 0;
  const split = profile.trainRows !== void 0 && profile.testRows !== void 0 ? ` (${profile.trainRows} to train, ${profile.testRows} to test)` : "";
  const parts = [
    `<p>${profile.rows} rows${split}, ${profile.columns.length} feature columns${profile.target ? `; target <code>${(0,html_page/* escapeHtml */.ZD)(profile.target)}</code>` : ""}${profile.task ? ` (${(0,html_page/* escapeHtml */.ZD)(profile.task)})` : ""}.</p>`
  ];
  if (profile.classBalance) {
    const total = Object.values(profile.classBalance).reduce((sum, count) => sum + count, 0);
    parts.push(
      table(
        ["Class", "Rows", "Share"],
        Object.entries(profile.classBalance).map(([name, count]) => [
          (0,html_page/* escapeHtml */.ZD)(name),
          number(count),
          { html: total ? `${(100 * count / total).toFixed(1)}%` : "\u2014", numeric: true }
        ]),
        ' id="class-balance"'
      )
    );
  }
  parts.push(
    table(
      ["Column", "Type", "Missing", "Distinct"],
      profile.columns.map((column) => [
        (0,html_page/* escapeHtml */.ZD)(column.name),
        (0,html_page/* escapeHtml */.ZD)(column.kind),
        number(column.missing),
        number(column.distinct)
      ]),
      ' id="columns"'
    )
  );
  if (profile.droppedColumns.length > 0) {
    parts.push(
      `<p>Dropped: ${profile.droppedColumns.map((column) => (0,html_page/* escapeHtml */.ZD)(column)).join("; ")}.</p>`
    );
  }
  return { id: "data", title: "Data", body: parts.join("\n") };
}
function driftSection(data) {
  const drift = data.drift;
  if (!drift) return void 0;
  const drifted = drift.filter((feature) => feature.drifted).length;
  return {
    id: "drift",
    title: "Drift",
    body: [
      `<p>${drifted} of ${drift.length} features drifted.</p>`,
      table(
        ["Feature", "Type", "Method", "Statistic", "Threshold", "p-value", "Drifted", "Reason"],
        drift.map((feature) => [
          (0,html_page/* escapeHtml */.ZD)(feature.feature),
          (0,html_page/* escapeHtml */.ZD)(feature.kind),
          (0,html_page/* escapeHtml */.ZD)(feature.method),
          number(feature.statistic),
          number(feature.threshold),
          number(feature.pValue),
          feature.drifted ? "<strong>\u26A0 yes</strong>" : "no",
          (0,html_page/* escapeHtml */.ZD)(feature.reason)
        ]),
        ' id="drift-table"'
      )
    ].join("\n")
  };
}
function parametersSection(data) {
  const rows = (values) => Object.entries(values).map(([name, value]) => [
    `<code>${(0,html_page/* escapeHtml */.ZD)(name)}</code>`,
    `<code>${(0,html_page/* escapeHtml */.ZD)((0,placeholders/* renderParameter */.KE)(value))}</code>`
  ]);
  const outputs = Object.keys(data.run.outputs).length;
  return {
    id: "parameters",
    title: "Parameters",
    body: [
      table(["Parameter", "Value"], rows(data.run.parameters), ' id="parameter-table"'),
      outputs > 0 ? `<h3>Outputs</h3>
${table(["Output", "Value"], rows(data.run.outputs))}` : ""
    ].filter(Boolean).join("\n")
  };
}
function factsSection(data) {
  if (data.facts.length === 0) return void 0;
  return {
    id: "facts",
    title: "Facts",
    body: `<table class="facts" id="fact-table">${data.facts.map((fact) => `<tr><th scope="row">${(0,html_page/* escapeHtml */.ZD)(fact.label)}</th><td><code>${(0,html_page/* escapeHtml */.ZD)(fact.value)}</code></td></tr>`).join("")}</table>`
  };
}
function warningsSection(data) {
  if (data.warnings.length === 0) return void 0;
  return {
    id: "warnings",
    title: "Warnings",
    body: `<ul id="warning-list">${data.warnings.map((warning) => `<li class="warning">\u26A0 ${(0,html_page/* escapeHtml */.ZD)(warning)}</li>`).join("")}</ul>`
  };
}
const STYLE = `
nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:0 0 8px}
table.facts th{width:14em}
figure.chart{margin:0}
figure.dag{overflow-x:auto;max-width:100%}
#threshold{margin:8px 0}
#threshold input{width:320px;vertical-align:middle}
details{margin:8px 0}
`;
function renderReportHtml(data, frame = {}) {
  const sections = [
    summarySection(data),
    pipelineSection(data),
    metricsSection(data),
    chartsSection(data),
    importancesSection(data),
    dataSection(data),
    driftSection(data),
    parametersSection(data),
    factsSection(data),
    warningsSection(data)
  ].filter((section) => section !== void 0);
  const { verdict } = data;
  const body = [
    frame.before ?? "",
    "<main>",
    `<h1>${(0,html_page/* escapeHtml */.ZD)(data.run.pipeline)} \xB7 <span class="muted">${(0,html_page/* escapeHtml */.ZD)(data.run.id)}</span></h1>`,
    `<p class="headline ${verdict.passed ? "pass" : "fail"}" id="headline">${verdict.passed ? "\u2713" : "\u2717"} ${(0,html_page/* escapeHtml */.ZD)(verdict.headline)}</p>`,
    `<nav class="toc" aria-label="Contents"><ul>${sections.map((section) => `<li><a href="#${section.id}">${section.title}</a></li>`).join("")}</ul></nav>`,
    ...sections.map(
      (section) => `<section id="${section.id}" aria-labelledby="${section.id}-title">
<h2 id="${section.id}-title">${section.title}</h2>
${section.body}
</section>`
    ),
    frame.after ?? "",
    "</main>"
  ].filter((part) => part !== "").join("\n");
  return (0,html_page/* htmlPage */.X)({
    title: `${data.run.pipeline} ${data.run.id}: ${verdict.headline}`,
    body,
    style: STYLE,
    ...frame.head ? { head: frame.head } : {},
    ...data.evaluation && thresholdData(data.evaluation) ? { script: SLIDER_SCRIPT } : {}
  });
}



/***/ }),

/***/ 2634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cF: () => (/* binding */ AXIS_COLOR),
/* harmony export */   jz: () => (/* binding */ DEFAULT_WIDTH),
/* harmony export */   mE: () => (/* binding */ FONT),
/* harmony export */   nS: () => (/* binding */ chartSvg),
/* harmony export */   s1: () => (/* binding */ noDataSvg)
/* harmony export */ });
/* harmony import */ var _html_page_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6708);
/* harmony import */ var _svg_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1170);


const DEFAULT_WIDTH = 420;
const FONT = 11;
const TITLE_FONT = 13;
const AXIS_COLOR = "#59636e";
function chartSvg(kind, prefix, title, description, width, height, body) {
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return [
    `<svg class="chart" data-chart="${kind}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(width)} ${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(height)}" width="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(width)}" height="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(height)}">`,
    `<title id="${titleId}">${(0,_html_page_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(title)}</title>`,
    `<desc id="${descId}">${(0,_html_page_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(description)}</desc>`,
    (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .svgText */ .i9)(title, `x="8" y="18" font-size="${TITLE_FONT}" font-weight="600" fill="#1f2328"`, {
      maxWidth: width - 16,
      fontSize: TITLE_FONT,
      bold: true
    }),
    body,
    "</svg>"
  ].join("\n");
}
function noDataSvg(kind, title, width) {
  const prefix = (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_1__/* .idPrefix */ .m0)(kind, title, "no data");
  return chartSvg(
    kind,
    prefix,
    title,
    `${title}: no data`,
    width,
    56,
    `<text x="8" y="42" font-size="${FONT}" fill="${AXIS_COLOR}">no data</text>`
  );
}



/***/ }),

/***/ 639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ub: () => (/* binding */ barChartSvg),
  Pj: () => (/* binding */ histogramSvg),
  JA: () => (/* binding */ lineChartSvg),
  Z6: () => (/* binding */ scatterSvg)
});

;// CONCATENATED MODULE: ./node_modules/d3-array/dist/d3-array.mjs
// https://d3js.org/d3-array/ v3.2.5 Copyright 2010-2026 Mike Bostock
function d3_array_ascending(a, b) {
  return a == null || b == null ? NaN : a < b ? -1 : a > b ? 1 : a >= b ? 0 : NaN;
}

function descending(a, b) {
  return a == null || b == null ? NaN
    : b < a ? -1
    : b > a ? 1
    : b >= a ? 0
    : NaN;
}

function bisector(f) {
  let compare1, compare2, delta;

  // If an accessor is specified, promote it to a comparator. In this case we
  // can test whether the search value is (self-) comparable. We can’t do this
  // for a comparator (except for specific, known comparators) because we can’t
  // tell if the comparator is symmetric, and an asymmetric comparator can’t be
  // used to test whether a single value is comparable.
  if (f.length !== 2) {
    compare1 = d3_array_ascending;
    compare2 = (d, x) => d3_array_ascending(f(d), x);
    delta = (d, x) => f(d) - x;
  } else {
    compare1 = f === d3_array_ascending || f === descending ? f : zero;
    compare2 = f;
    delta = f;
  }

  function left(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = (lo + hi) >>> 1;
        if (compare2(a[mid], x) < 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }

  function right(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = (lo + hi) >>> 1;
        if (compare2(a[mid], x) <= 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }

  function center(a, x, lo = 0, hi = a.length) {
    const i = left(a, x, lo, hi - 1);
    return i > lo && delta(a[i - 1], x) > -delta(a[i], x) ? i - 1 : i;
  }

  return {left, center, right};
}

function zero() {
  return 0;
}

function number(x) {
  return x === null ? NaN : +x;
}

function* numbers(values, valueof) {
  if (valueof === undefined) {
    for (let value of values) {
      if (value != null && (value = +value) >= value) {
        yield value;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null && (value = +value) >= value) {
        yield value;
      }
    }
  }
}

const ascendingBisect = bisector(d3_array_ascending);
const bisectRight = ascendingBisect.right;
const bisectLeft = ascendingBisect.left;
const bisectCenter = bisector(number).center;

function d3_array_blur(values, r) {
  if (!((r = +r) >= 0)) throw new RangeError("invalid r");
  let length = values.length;
  if (!((length = Math.floor(length)) >= 0)) throw new RangeError("invalid length");
  if (!length || !r) return values;
  const blur = blurf(r);
  const temp = values.slice();
  blur(values, temp, 0, length, 1);
  blur(temp, values, 0, length, 1);
  blur(values, temp, 0, length, 1);
  return values;
}

const blur2 = Blur2(blurf);

const blurImage = Blur2(blurfImage);

function Blur2(blur) {
  return function(data, rx, ry = rx) {
    if (!((rx = +rx) >= 0)) throw new RangeError("invalid rx");
    if (!((ry = +ry) >= 0)) throw new RangeError("invalid ry");
    let {data: values, width, height} = data;
    if (!((width = Math.floor(width)) >= 0)) throw new RangeError("invalid width");
    if (!((height = Math.floor(height !== undefined ? height : values.length / width)) >= 0)) throw new RangeError("invalid height");
    if (!width || !height || (!rx && !ry)) return data;
    const blurx = rx && blur(rx);
    const blury = ry && blur(ry);
    const temp = values.slice();
    if (blurx && blury) {
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    } else if (blurx) {
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
    } else if (blury) {
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    }
    return data;
  };
}

function blurh(blur, T, S, w, h) {
  for (let y = 0, n = w * h; y < n;) {
    blur(T, S, y, y += w, 1);
  }
}

function blurv(blur, T, S, w, h) {
  for (let x = 0, n = w * h; x < w; ++x) {
    blur(T, S, x, x + n, w);
  }
}

function blurfImage(radius) {
  const blur = blurf(radius);
  return (T, S, start, stop, step) => {
    start <<= 2, stop <<= 2, step <<= 2;
    blur(T, S, start + 0, stop + 0, step);
    blur(T, S, start + 1, stop + 1, step);
    blur(T, S, start + 2, stop + 2, step);
    blur(T, S, start + 3, stop + 3, step);
  };
}

// Given a target array T, a source array S, sets each value T[i] to the average
// of {S[i - r], …, S[i], …, S[i + r]}, where r = ⌊radius⌋, start <= i < stop,
// for each i, i + step, i + 2 * step, etc., and where S[j] is clamped between
// S[start] (inclusive) and S[stop] (exclusive). If the given radius is not an
// integer, S[i - r - 1] and S[i + r + 1] are added to the sum, each weighted
// according to r - ⌊radius⌋.
function blurf(radius) {
  const radius0 = Math.floor(radius);
  if (radius0 === radius) return bluri(radius);
  const t = radius - radius0;
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => { // stop must be aligned!
    if (!((stop -= step) >= start)) return; // inclusive stop
    let sum = radius0 * S[start];
    const s0 = step * radius0;
    const s1 = s0 + step;
    for (let i = start, j = start + s0; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s0)];
      T[i] = (sum + t * (S[Math.max(start, i - s1)] + S[Math.min(stop, i + s1)])) / w;
      sum -= S[Math.max(start, i - s0)];
    }
  };
}

// Like blurf, but optimized for integer radius.
function bluri(radius) {
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => { // stop must be aligned!
    if (!((stop -= step) >= start)) return; // inclusive stop
    let sum = radius * S[start];
    const s = step * radius;
    for (let i = start, j = start + s; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s)];
      T[i] = sum / w;
      sum -= S[Math.max(start, i - s)];
    }
  };
}

function count(values, valueof) {
  let count = 0;
  if (valueof === undefined) {
    for (let value of values) {
      if (value != null && (value = +value) >= value) {
        ++count;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null && (value = +value) >= value) {
        ++count;
      }
    }
  }
  return count;
}

function length$1(array) {
  return array.length | 0;
}

function empty(length) {
  return !(length > 0);
}

function arrayify(values) {
  return typeof values !== "object" || "length" in values ? values : Array.from(values);
}

function reducer(reduce) {
  return values => reduce(...values);
}

function cross(...values) {
  const reduce = typeof values[values.length - 1] === "function" && reducer(values.pop());
  values = values.map(arrayify);
  const lengths = values.map(length$1);
  const j = values.length - 1;
  const index = new Array(j + 1).fill(0);
  const product = [];
  if (j < 0 || lengths.some(empty)) return product;
  while (true) {
    product.push(index.map((j, i) => values[i][j]));
    let i = j;
    while (++index[i] === lengths[i]) {
      if (i === 0) return reduce ? product.map(reduce) : product;
      index[i--] = 0;
    }
  }
}

function cumsum(values, valueof) {
  var sum = 0, index = 0;
  return Float64Array.from(values, valueof === undefined
    ? v => (sum += +v || 0)
    : v => (sum += +valueof(v, index++, values) || 0));
}

function variance(values, valueof) {
  let count = 0;
  let delta;
  let mean = 0;
  let sum = 0;
  if (valueof === undefined) {
    for (let value of values) {
      if (value != null && (value = +value) >= value) {
        delta = value - mean;
        mean += delta / ++count;
        sum += delta * (value - mean);
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null && (value = +value) >= value) {
        delta = value - mean;
        mean += delta / ++count;
        sum += delta * (value - mean);
      }
    }
  }
  if (count > 1) return sum / (count - 1);
}

function deviation(values, valueof) {
  const v = variance(values, valueof);
  return v ? Math.sqrt(v) : v;
}

function extent(values, valueof) {
  let min;
  let max;
  if (valueof === undefined) {
    for (const value of values) {
      if (value != null) {
        if (min === undefined) {
          if (value >= value) min = max = value;
        } else {
          if (min > value) min = value;
          if (max < value) max = value;
        }
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null) {
        if (min === undefined) {
          if (value >= value) min = max = value;
        } else {
          if (min > value) min = value;
          if (max < value) max = value;
        }
      }
    }
  }
  return [min, max];
}

// https://github.com/python/cpython/blob/a74eea238f5baba15797e2e8b570d153bc8690a7/Modules/mathmodule.c#L1423
class Adder {
  constructor() {
    this._partials = new Float64Array(32);
    this._n = 0;
  }
  add(x) {
    const p = this._partials;
    let i = 0;
    for (let j = 0; j < this._n && j < 32; j++) {
      const y = p[j],
        hi = x + y,
        lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo) p[i++] = lo;
      x = hi;
    }
    p[i] = x;
    this._n = i + 1;
    return this;
  }
  valueOf() {
    const p = this._partials;
    let n = this._n, x, y, lo, hi = 0;
    if (n > 0) {
      hi = p[--n];
      while (n > 0) {
        x = hi;
        y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo) break;
      }
      if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
        y = lo * 2;
        x = hi + y;
        if (y == x - hi) hi = x;
      }
    }
    return hi;
  }
}

function fsum(values, valueof) {
  const adder = new Adder();
  if (valueof === undefined) {
    for (let value of values) {
      if (value = +value) {
        adder.add(value);
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if (value = +valueof(value, ++index, values)) {
        adder.add(value);
      }
    }
  }
  return +adder;
}

function fcumsum(values, valueof) {
  const adder = new Adder();
  let index = -1;
  return Float64Array.from(values, valueof === undefined
      ? v => adder.add(+v || 0)
      : v => adder.add(+valueof(v, ++index, values) || 0)
  );
}

class d3_array_InternMap extends Map {
  constructor(entries, key = keyof) {
    super();
    Object.defineProperties(this, {_intern: {value: new Map()}, _key: {value: key}});
    if (entries != null) for (const [key, value] of entries) this.set(key, value);
  }
  get(key) {
    return super.get(intern_get(this, key));
  }
  has(key) {
    return super.has(intern_get(this, key));
  }
  set(key, value) {
    return super.set(intern_set(this, key), value);
  }
  delete(key) {
    return super.delete(intern_delete(this, key));
  }
}

class InternSet extends Set {
  constructor(values, key = keyof) {
    super();
    Object.defineProperties(this, {_intern: {value: new Map()}, _key: {value: key}});
    if (values != null) for (const value of values) this.add(value);
  }
  has(value) {
    return super.has(intern_get(this, value));
  }
  add(value) {
    return super.add(intern_set(this, value));
  }
  delete(value) {
    return super.delete(intern_delete(this, value));
  }
}

function intern_get({_intern, _key}, value) {
  const key = _key(value);
  return _intern.has(key) ? _intern.get(key) : value;
}

function intern_set({_intern, _key}, value) {
  const key = _key(value);
  if (_intern.has(key)) return _intern.get(key);
  _intern.set(key, value);
  return value;
}

function intern_delete({_intern, _key}, value) {
  const key = _key(value);
  if (_intern.has(key)) {
    value = _intern.get(key);
    _intern.delete(key);
  }
  return value;
}

function keyof(value) {
  return value !== null && typeof value === "object" ? value.valueOf() : value;
}

function identity(x) {
  return x;
}

function group(values, ...keys) {
  return nest(values, identity, identity, keys);
}

function groups(values, ...keys) {
  return nest(values, Array.from, identity, keys);
}

function flatten$1(groups, keys) {
  for (let i = 1, n = keys.length; i < n; ++i) {
    groups = groups.flatMap(g => g.pop().map(([key, value]) => [...g, key, value]));
  }
  return groups;
}

function flatGroup(values, ...keys) {
  return flatten$1(groups(values, ...keys), keys);
}

function flatRollup(values, reduce, ...keys) {
  return flatten$1(rollups(values, reduce, ...keys), keys);
}

function rollup(values, reduce, ...keys) {
  return nest(values, identity, reduce, keys);
}

function rollups(values, reduce, ...keys) {
  return nest(values, Array.from, reduce, keys);
}

function index(values, ...keys) {
  return nest(values, identity, unique, keys);
}

function indexes(values, ...keys) {
  return nest(values, Array.from, unique, keys);
}

function unique(values) {
  if (values.length !== 1) throw new Error("duplicate key");
  return values[0];
}

function nest(values, map, reduce, keys) {
  return (function regroup(values, i) {
    if (i >= keys.length) return reduce(values);
    const groups = new d3_array_InternMap();
    const keyof = keys[i++];
    let index = -1;
    for (const value of values) {
      const key = keyof(value, ++index, values);
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
    for (const [key, values] of groups) {
      groups.set(key, regroup(values, i));
    }
    return map(groups);
  })(values, 0);
}

function permute(source, keys) {
  return Array.from(keys, key => source[key]);
}

function sort(values, ...F) {
  if (typeof values[Symbol.iterator] !== "function") throw new TypeError("values is not iterable");
  values = Array.from(values);
  let [f] = F;
  if ((f && f.length !== 2) || F.length > 1) {
    const index = Uint32Array.from(values, (d, i) => i);
    if (F.length > 1) {
      F = F.map(f => values.map(f));
      index.sort((i, j) => {
        for (const f of F) {
          const c = ascendingDefined(f[i], f[j]);
          if (c) return c;
        }
      });
    } else {
      f = values.map(f);
      index.sort((i, j) => ascendingDefined(f[i], f[j]));
    }
    return permute(values, index);
  }
  return values.sort(compareDefined(f));
}

function compareDefined(compare = d3_array_ascending) {
  if (compare === d3_array_ascending) return ascendingDefined;
  if (typeof compare !== "function") throw new TypeError("compare is not a function");
  return (a, b) => {
    const x = compare(a, b);
    if (x || x === 0) return x;
    return (compare(b, b) === 0) - (compare(a, a) === 0);
  };
}

function ascendingDefined(a, b) {
  return (a == null || !(a >= a)) - (b == null || !(b >= b)) || (a < b ? -1 : a > b ? 1 : 0);
}

function groupSort(values, reduce, key) {
  return (reduce.length !== 2
    ? sort(rollup(values, reduce, key), (([ak, av], [bk, bv]) => d3_array_ascending(av, bv) || d3_array_ascending(ak, bk)))
    : sort(group(values, key), (([ak, av], [bk, bv]) => reduce(av, bv) || d3_array_ascending(ak, bk))))
    .map(([key]) => key);
}

var array = Array.prototype;

var slice = array.slice;

function constant(x) {
  return () => x;
}

const e10 = Math.sqrt(50),
    e5 = Math.sqrt(10),
    e2 = Math.sqrt(2);

function tickSpec(start, stop, count) {
  const step = (stop - start) / Math.max(0, count),
      power = Math.floor(Math.log10(step)),
      error = step / Math.pow(10, power),
      factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1, i2, inc;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

function d3_array_ticks(start, stop, count) {
  stop = +stop, start = +start, count = +count;
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start, [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1, ticks = new Array(n);
  if (reverse) {
    if (inc < 0) for (let i = 0; i < n; ++i) ticks[i] = (i2 - i) / -inc;
    else for (let i = 0; i < n; ++i) ticks[i] = (i2 - i) * inc;
  } else {
    if (inc < 0) for (let i = 0; i < n; ++i) ticks[i] = (i1 + i) / -inc;
    else for (let i = 0; i < n; ++i) ticks[i] = (i1 + i) * inc;
  }
  return ticks;
}

function tickIncrement(start, stop, count) {
  stop = +stop, start = +start, count = +count;
  return tickSpec(start, stop, count)[2];
}

function tickStep(start, stop, count) {
  stop = +stop, start = +start, count = +count;
  const reverse = stop < start, inc = reverse ? tickIncrement(stop, start, count) : tickIncrement(start, stop, count);
  return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc);
}

function nice(start, stop, count) {
  let prestep;
  while (true) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep || step === 0 || !isFinite(step)) {
      return [start, stop];
    } else if (step > 0) {
      const i = Math.ceil(start / step);
      const j = Math.floor(stop / step);
      start = (i - (i * step > start)) * step;
      stop = (j + (j * step < stop)) * step;
    } else if (step < 0) {
      const s = -step;
      const i = Math.ceil(start * s);
      const j = Math.floor(stop * s);
      start = (i - (i / s > start)) / s;
      stop = (j + (j / s < stop)) / s;
    }
    prestep = step;
  }
}

function thresholdSturges(values) {
  return Math.max(1, Math.ceil(Math.log(count(values)) / Math.LN2) + 1);
}

function bin() {
  var value = identity,
      domain = extent,
      threshold = thresholdSturges;

  function histogram(data) {
    if (!Array.isArray(data)) data = Array.from(data);

    var i,
        n = data.length,
        x,
        step,
        values = new Array(n);

    for (i = 0; i < n; ++i) {
      values[i] = value(data[i], i, data);
    }

    var xz = domain(values),
        x0 = xz[0],
        x1 = xz[1],
        tz = threshold(values, x0, x1);

    // Convert number of thresholds into uniform thresholds, and nice the
    // default domain accordingly.
    if (!Array.isArray(tz)) {
      const max = x1, tn = +tz;
      if (domain === extent) [x0, x1] = nice(x0, x1, tn);
      tz = d3_array_ticks(x0, x1, tn);

      // If the domain is aligned with the first tick (which it will by
      // default), then we can use quantization rather than bisection to bin
      // values, which is substantially faster.
      if (tz[0] <= x0) step = tickIncrement(x0, x1, tn);

      // If the last threshold is coincident with the domain’s upper bound, the
      // last bin will be zero-width. If the default domain is used, and this
      // last threshold is coincident with the maximum input value, we can
      // extend the niced upper bound by one tick to ensure uniform bin widths;
      // otherwise, we simply remove the last threshold. Note that we don’t
      // coerce values or the domain to numbers, and thus must be careful to
      // compare order (>=) rather than strict equality (===)!
      if (tz[tz.length - 1] >= x1) {
        if (max >= x1 && domain === extent) {
          const step = tickIncrement(x0, x1, tn);
          if (isFinite(step)) {
            if (step > 0) {
              x1 = (Math.floor(x1 / step) + 1) * step;
            } else if (step < 0) {
              x1 = (Math.ceil(x1 * -step) + 1) / -step;
            }
          }
        } else {
          tz.pop();
        }
      }
    }

    // Remove any thresholds outside the domain.
    // Be careful not to mutate an array owned by the user!
    var m = tz.length, a = 0, b = m;
    while (tz[a] <= x0) ++a;
    while (tz[b - 1] > x1) --b;
    if (a || b < m) tz = tz.slice(a, b), m = b - a;

    var bins = new Array(m + 1),
        bin;

    // Initialize bins.
    for (i = 0; i <= m; ++i) {
      bin = bins[i] = [];
      bin.x0 = i > 0 ? tz[i - 1] : x0;
      bin.x1 = i < m ? tz[i] : x1;
    }

    // Assign data to bins by value, ignoring any outside the domain.
    if (isFinite(step)) {
      if (step > 0) {
        for (i = 0; i < n; ++i) {
          if ((x = values[i]) != null && x0 <= x && x <= x1) {
            bins[Math.min(m, Math.floor((x - x0) / step))].push(data[i]);
          }
        }
      } else if (step < 0) {
        for (i = 0; i < n; ++i) {
          if ((x = values[i]) != null && x0 <= x && x <= x1) {
            const j = Math.floor((x0 - x) * step);
            bins[Math.min(m, j + (tz[j] <= x))].push(data[i]); // handle off-by-one due to rounding
          }
        }
      }
    } else {
      for (i = 0; i < n; ++i) {
        if ((x = values[i]) != null && x0 <= x && x <= x1) {
          bins[bisectRight(tz, x, 0, m)].push(data[i]);
        }
      }
    }

    return bins;
  }

  histogram.value = function(_) {
    return arguments.length ? (value = typeof _ === "function" ? _ : constant(_), histogram) : value;
  };

  histogram.domain = function(_) {
    return arguments.length ? (domain = typeof _ === "function" ? _ : constant([_[0], _[1]]), histogram) : domain;
  };

  histogram.thresholds = function(_) {
    return arguments.length ? (threshold = typeof _ === "function" ? _ : constant(Array.isArray(_) ? slice.call(_) : _), histogram) : threshold;
  };

  return histogram;
}

function max(values, valueof) {
  let max;
  if (valueof === undefined) {
    for (const value of values) {
      if (value != null
          && (max < value || (max === undefined && value >= value))) {
        max = value;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null
          && (max < value || (max === undefined && value >= value))) {
        max = value;
      }
    }
  }
  return max;
}

function maxIndex(values, valueof) {
  let max;
  let maxIndex = -1;
  let index = -1;
  if (valueof === undefined) {
    for (const value of values) {
      ++index;
      if (value != null
          && (max < value || (max === undefined && value >= value))) {
        max = value, maxIndex = index;
      }
    }
  } else {
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null
          && (max < value || (max === undefined && value >= value))) {
        max = value, maxIndex = index;
      }
    }
  }
  return maxIndex;
}

function min(values, valueof) {
  let min;
  if (valueof === undefined) {
    for (const value of values) {
      if (value != null
          && (min > value || (min === undefined && value >= value))) {
        min = value;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null
          && (min > value || (min === undefined && value >= value))) {
        min = value;
      }
    }
  }
  return min;
}

function minIndex(values, valueof) {
  let min;
  let minIndex = -1;
  let index = -1;
  if (valueof === undefined) {
    for (const value of values) {
      ++index;
      if (value != null
          && (min > value || (min === undefined && value >= value))) {
        min = value, minIndex = index;
      }
    }
  } else {
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null
          && (min > value || (min === undefined && value >= value))) {
        min = value, minIndex = index;
      }
    }
  }
  return minIndex;
}

// Based on https://github.com/mourner/quickselect
// ISC license, Copyright 2018 Vladimir Agafonkin.
function quickselect(array, k, left = 0, right = Infinity, compare) {
  k = Math.floor(k);
  left = Math.floor(Math.max(0, left));
  right = Math.floor(Math.min(array.length - 1, right));

  if (!(left <= k && k <= right)) return array;

  compare = compare === undefined ? ascendingDefined : compareDefined(compare);

  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp(2 * z / 3);
      const sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - m * s / n + sd));
      const newRight = Math.min(right, Math.floor(k + (n - m) * s / n + sd));
      quickselect(array, k, newLeft, newRight, compare);
    }

    const t = array[k];
    let i = left;
    let j = right;

    swap(array, left, k);
    if (compare(array[right], t) > 0) swap(array, left, right);

    while (i < j) {
      swap(array, i, j), ++i, --j;
      while (compare(array[i], t) < 0) ++i;
      while (compare(array[j], t) > 0) --j;
    }

    if (compare(array[left], t) === 0) swap(array, left, j);
    else ++j, swap(array, j, right);

    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }

  return array;
}

function swap(array, i, j) {
  const t = array[i];
  array[i] = array[j];
  array[j] = t;
}

function greatest(values, compare = d3_array_ascending) {
  let max;
  let defined = false;
  if (compare.length === 1) {
    let maxValue;
    for (const element of values) {
      const value = compare(element);
      if (defined
          ? d3_array_ascending(value, maxValue) > 0
          : d3_array_ascending(value, value) === 0) {
        max = element;
        maxValue = value;
        defined = true;
      }
    }
  } else {
    for (const value of values) {
      if (defined
          ? compare(value, max) > 0
          : compare(value, value) === 0) {
        max = value;
        defined = true;
      }
    }
  }
  return max;
}

function quantile(values, p, valueof) {
  values = Float64Array.from(numbers(values, valueof));
  if (!(n = values.length) || isNaN(p = +p)) return;
  if (p <= 0 || n < 2) return min(values);
  if (p >= 1) return max(values);
  var n,
      i = (n - 1) * p,
      i0 = Math.floor(i),
      value0 = max(quickselect(values, i0).subarray(0, i0 + 1)),
      value1 = min(values.subarray(i0 + 1));
  return value0 + (value1 - value0) * (i - i0);
}

function d3_array_quantileSorted(values, p, valueof = number) {
  if (!(n = values.length) || isNaN(p = +p)) return;
  if (p <= 0 || n < 2) return +valueof(values[0], 0, values);
  if (p >= 1) return +valueof(values[n - 1], n - 1, values);
  var n,
      i = (n - 1) * p,
      i0 = Math.floor(i),
      value0 = +valueof(values[i0], i0, values),
      value1 = +valueof(values[i0 + 1], i0 + 1, values);
  return value0 + (value1 - value0) * (i - i0);
}

function quantileIndex(values, p, valueof = number) {
  if (isNaN(p = +p)) return;
  numbers = Float64Array.from(values, (_, i) => number(valueof(values[i], i, values)));
  if (p <= 0) return minIndex(numbers);
  if (p >= 1) return maxIndex(numbers);
  var numbers,
      index = Uint32Array.from(values, (_, i) => i),
      j = numbers.length - 1,
      i = Math.floor(j * p);
  quickselect(index, i, 0, j, (i, j) => ascendingDefined(numbers[i], numbers[j]));
  i = greatest(index.subarray(0, i + 1), (i) => numbers[i]);
  return i >= 0 ? i : -1;
}

function thresholdFreedmanDiaconis(values, min, max) {
  const c = count(values), d = quantile(values, 0.75) - quantile(values, 0.25);
  return c && d ? Math.ceil((max - min) / (2 * d * Math.pow(c, -1 / 3))) : 1;
}

function thresholdScott(values, min, max) {
  const c = count(values), d = deviation(values);
  return c && d ? Math.ceil((max - min) * Math.cbrt(c) / (3.49 * d)) : 1;
}

function mean(values, valueof) {
  let count = 0;
  let sum = 0;
  if (valueof === undefined) {
    for (let value of values) {
      if (value != null && (value = +value) >= value) {
        ++count, sum += value;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null && (value = +value) >= value) {
        ++count, sum += value;
      }
    }
  }
  if (count) return sum / count;
}

function median(values, valueof) {
  return quantile(values, 0.5, valueof);
}

function medianIndex(values, valueof) {
  return quantileIndex(values, 0.5, valueof);
}

function* flatten(arrays) {
  for (const array of arrays) {
    yield* array;
  }
}

function merge(arrays) {
  return Array.from(flatten(arrays));
}

function mode(values, valueof) {
  const counts = new d3_array_InternMap();
  if (valueof === undefined) {
    for (let value of values) {
      if (value != null && value >= value) {
        counts.set(value, (counts.get(value) || 0) + 1);
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if ((value = valueof(value, ++index, values)) != null && value >= value) {
        counts.set(value, (counts.get(value) || 0) + 1);
      }
    }
  }
  let modeValue;
  let modeCount = 0;
  for (const [value, count] of counts) {
    if (count > modeCount) {
      modeCount = count;
      modeValue = value;
    }
  }
  return modeValue;
}

function pairs(values, pairof = pair) {
  const pairs = [];
  let previous;
  let first = false;
  for (const value of values) {
    if (first) pairs.push(pairof(previous, value));
    previous = value;
    first = true;
  }
  return pairs;
}

function pair(a, b) {
  return [a, b];
}

function d3_array_range(start, stop, step) {
  start = +start, stop = +stop, step = (n = arguments.length) < 2 ? (stop = start, start = 0, 1) : n < 3 ? 1 : +step;

  var i = -1,
      n = Math.max(0, Math.ceil((stop - start) / step)) | 0,
      range = new Array(n);

  while (++i < n) {
    range[i] = start + i * step;
  }

  return range;
}

function rank(values, valueof = d3_array_ascending) {
  if (typeof values[Symbol.iterator] !== "function") throw new TypeError("values is not iterable");
  let V = Array.from(values);
  const R = new Float64Array(V.length);
  if (valueof.length !== 2) V = V.map(valueof), valueof = d3_array_ascending;
  const compareIndex = (i, j) => valueof(V[i], V[j]);
  let k, r;
  values = Uint32Array.from(V, (_, i) => i);
  // Risky chaining due to Safari 14 https://github.com/d3/d3-array/issues/123
  values.sort(valueof === d3_array_ascending ? (i, j) => ascendingDefined(V[i], V[j]) : compareDefined(compareIndex));
  values.forEach((j, i) => {
      const c = compareIndex(j, k === undefined ? j : k);
      if (c >= 0) {
        if (k === undefined || c > 0) k = j, r = i;
        R[j] = r;
      } else {
        R[j] = NaN;
      }
    });
  return R;
}

function least(values, compare = d3_array_ascending) {
  let min;
  let defined = false;
  if (compare.length === 1) {
    let minValue;
    for (const element of values) {
      const value = compare(element);
      if (defined
          ? d3_array_ascending(value, minValue) < 0
          : d3_array_ascending(value, value) === 0) {
        min = element;
        minValue = value;
        defined = true;
      }
    }
  } else {
    for (const value of values) {
      if (defined
          ? compare(value, min) < 0
          : compare(value, value) === 0) {
        min = value;
        defined = true;
      }
    }
  }
  return min;
}

function leastIndex(values, compare = d3_array_ascending) {
  if (compare.length === 1) return minIndex(values, compare);
  let minValue;
  let min = -1;
  let index = -1;
  for (const value of values) {
    ++index;
    if (min < 0
        ? compare(value, value) === 0
        : compare(value, minValue) < 0) {
      minValue = value;
      min = index;
    }
  }
  return min;
}

function greatestIndex(values, compare = d3_array_ascending) {
  if (compare.length === 1) return maxIndex(values, compare);
  let maxValue;
  let max = -1;
  let index = -1;
  for (const value of values) {
    ++index;
    if (max < 0
        ? compare(value, value) === 0
        : compare(value, maxValue) > 0) {
      maxValue = value;
      max = index;
    }
  }
  return max;
}

function scan(values, compare) {
  const index = leastIndex(values, compare);
  return index < 0 ? undefined : index;
}

var shuffle = shuffler(Math.random);

function shuffler(random) {
  return function shuffle(array, i0 = 0, i1 = array.length) {
    let m = i1 - (i0 = +i0);
    while (m) {
      const i = random() * m-- | 0, t = array[m + i0];
      array[m + i0] = array[i + i0];
      array[i + i0] = t;
    }
    return array;
  };
}

function sum(values, valueof) {
  let sum = 0;
  if (valueof === undefined) {
    for (let value of values) {
      if (value = +value) {
        sum += value;
      }
    }
  } else {
    let index = -1;
    for (let value of values) {
      if (value = +valueof(value, ++index, values)) {
        sum += value;
      }
    }
  }
  return sum;
}

function transpose(matrix) {
  if (!(n = matrix.length)) return [];
  for (var i = -1, m = min(matrix, d3_array_length), transpose = new Array(m); ++i < m;) {
    for (var j = -1, n, row = transpose[i] = new Array(n); ++j < n;) {
      row[j] = matrix[j][i];
    }
  }
  return transpose;
}

function d3_array_length(d) {
  return d.length;
}

function zip() {
  return transpose(arguments);
}

function every(values, test) {
  if (typeof test !== "function") throw new TypeError("test is not a function");
  let index = -1;
  for (const value of values) {
    if (!test(value, ++index, values)) {
      return false;
    }
  }
  return true;
}

function some(values, test) {
  if (typeof test !== "function") throw new TypeError("test is not a function");
  let index = -1;
  for (const value of values) {
    if (test(value, ++index, values)) {
      return true;
    }
  }
  return false;
}

function filter(values, test) {
  if (typeof test !== "function") throw new TypeError("test is not a function");
  const array = [];
  let index = -1;
  for (const value of values) {
    if (test(value, ++index, values)) {
      array.push(value);
    }
  }
  return array;
}

function map(values, mapper) {
  if (typeof values[Symbol.iterator] !== "function") throw new TypeError("values is not iterable");
  if (typeof mapper !== "function") throw new TypeError("mapper is not a function");
  return Array.from(values, (value, index) => mapper(value, index, values));
}

function reduce(values, reducer, value) {
  if (typeof reducer !== "function") throw new TypeError("reducer is not a function");
  const iterator = values[Symbol.iterator]();
  let done, next, index = -1;
  if (arguments.length < 3) {
    ({done, value} = iterator.next());
    if (done) return;
    ++index;
  }
  while (({done, value: next} = iterator.next()), !done) {
    value = reducer(value, next, ++index, values);
  }
  return value;
}

function reverse(values) {
  if (typeof values[Symbol.iterator] !== "function") throw new TypeError("values is not iterable");
  return Array.from(values).reverse();
}

function difference(values, ...others) {
  values = new InternSet(values);
  for (const other of others) {
    for (const value of other) {
      values.delete(value);
    }
  }
  return values;
}

function disjoint(values, other) {
  const iterator = other[Symbol.iterator](), set = new InternSet();
  for (const v of values) {
    if (set.has(v)) return false;
    let value, done;
    while (({value, done} = iterator.next())) {
      if (done) break;
      if (Object.is(v, value)) return false;
      set.add(value);
    }
  }
  return true;
}

function intersection(values, ...others) {
  values = new InternSet(values);
  others = others.map(set);
  out: for (const value of values) {
    for (const other of others) {
      if (!other.has(value)) {
        values.delete(value);
        continue out;
      }
    }
  }
  return values;
}

function set(values) {
  return values instanceof InternSet ? values : new InternSet(values);
}

function superset(values, other) {
  const iterator = values[Symbol.iterator](), set = new Set();
  for (const o of other) {
    const io = intern(o);
    if (set.has(io)) continue;
    let value, done;
    while (({value, done} = iterator.next())) {
      if (done) return false;
      const ivalue = intern(value);
      set.add(ivalue);
      if (Object.is(io, ivalue)) break;
    }
  }
  return true;
}

function intern(value) {
  return value !== null && typeof value === "object" ? value.valueOf() : value;
}

function subset(values, other) {
  return superset(other, values);
}

function union(...others) {
  const set = new InternSet();
  for (const other of others) {
    for (const o of other) {
      set.add(o);
    }
  }
  return set;
}



;// CONCATENATED MODULE: ./node_modules/d3-color/dist/d3-color.mjs
// https://d3js.org/d3-color/ v3.1.1 Copyright 2010-2026 Mike Bostock
function d3_color_define(constructor, factory, prototype) {
  constructor.prototype = factory.prototype = prototype;
  prototype.constructor = constructor;
}

function extend(parent, definition) {
  var prototype = Object.create(parent.prototype);
  for (var key in definition) prototype[key] = definition[key];
  return prototype;
}

function Color() {}

var darker = 0.7;
var brighter = 1 / darker;

var reI = "\\s*([+-]?\\d+)\\s*",
    reN = "\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",
    reP = "\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",
    reHex = /^#([0-9a-f]{3,8})$/,
    reRgbInteger = new RegExp(`^rgb\\(${reI},${reI},${reI}\\)$`),
    reRgbPercent = new RegExp(`^rgb\\(${reP},${reP},${reP}\\)$`),
    reRgbaInteger = new RegExp(`^rgba\\(${reI},${reI},${reI},${reN}\\)$`),
    reRgbaPercent = new RegExp(`^rgba\\(${reP},${reP},${reP},${reN}\\)$`),
    reHslPercent = new RegExp(`^hsl\\(${reN},${reP},${reP}\\)$`),
    reHslaPercent = new RegExp(`^hsla\\(${reN},${reP},${reP},${reN}\\)$`);

var named = {
  aliceblue: 0xf0f8ff,
  antiquewhite: 0xfaebd7,
  aqua: 0x00ffff,
  aquamarine: 0x7fffd4,
  azure: 0xf0ffff,
  beige: 0xf5f5dc,
  bisque: 0xffe4c4,
  black: 0x000000,
  blanchedalmond: 0xffebcd,
  blue: 0x0000ff,
  blueviolet: 0x8a2be2,
  brown: 0xa52a2a,
  burlywood: 0xdeb887,
  cadetblue: 0x5f9ea0,
  chartreuse: 0x7fff00,
  chocolate: 0xd2691e,
  coral: 0xff7f50,
  cornflowerblue: 0x6495ed,
  cornsilk: 0xfff8dc,
  crimson: 0xdc143c,
  cyan: 0x00ffff,
  darkblue: 0x00008b,
  darkcyan: 0x008b8b,
  darkgoldenrod: 0xb8860b,
  darkgray: 0xa9a9a9,
  darkgreen: 0x006400,
  darkgrey: 0xa9a9a9,
  darkkhaki: 0xbdb76b,
  darkmagenta: 0x8b008b,
  darkolivegreen: 0x556b2f,
  darkorange: 0xff8c00,
  darkorchid: 0x9932cc,
  darkred: 0x8b0000,
  darksalmon: 0xe9967a,
  darkseagreen: 0x8fbc8f,
  darkslateblue: 0x483d8b,
  darkslategray: 0x2f4f4f,
  darkslategrey: 0x2f4f4f,
  darkturquoise: 0x00ced1,
  darkviolet: 0x9400d3,
  deeppink: 0xff1493,
  deepskyblue: 0x00bfff,
  dimgray: 0x696969,
  dimgrey: 0x696969,
  dodgerblue: 0x1e90ff,
  firebrick: 0xb22222,
  floralwhite: 0xfffaf0,
  forestgreen: 0x228b22,
  fuchsia: 0xff00ff,
  gainsboro: 0xdcdcdc,
  ghostwhite: 0xf8f8ff,
  gold: 0xffd700,
  goldenrod: 0xdaa520,
  gray: 0x808080,
  green: 0x008000,
  greenyellow: 0xadff2f,
  grey: 0x808080,
  honeydew: 0xf0fff0,
  hotpink: 0xff69b4,
  indianred: 0xcd5c5c,
  indigo: 0x4b0082,
  ivory: 0xfffff0,
  khaki: 0xf0e68c,
  lavender: 0xe6e6fa,
  lavenderblush: 0xfff0f5,
  lawngreen: 0x7cfc00,
  lemonchiffon: 0xfffacd,
  lightblue: 0xadd8e6,
  lightcoral: 0xf08080,
  lightcyan: 0xe0ffff,
  lightgoldenrodyellow: 0xfafad2,
  lightgray: 0xd3d3d3,
  lightgreen: 0x90ee90,
  lightgrey: 0xd3d3d3,
  lightpink: 0xffb6c1,
  lightsalmon: 0xffa07a,
  lightseagreen: 0x20b2aa,
  lightskyblue: 0x87cefa,
  lightslategray: 0x778899,
  lightslategrey: 0x778899,
  lightsteelblue: 0xb0c4de,
  lightyellow: 0xffffe0,
  lime: 0x00ff00,
  limegreen: 0x32cd32,
  linen: 0xfaf0e6,
  magenta: 0xff00ff,
  maroon: 0x800000,
  mediumaquamarine: 0x66cdaa,
  mediumblue: 0x0000cd,
  mediumorchid: 0xba55d3,
  mediumpurple: 0x9370db,
  mediumseagreen: 0x3cb371,
  mediumslateblue: 0x7b68ee,
  mediumspringgreen: 0x00fa9a,
  mediumturquoise: 0x48d1cc,
  mediumvioletred: 0xc71585,
  midnightblue: 0x191970,
  mintcream: 0xf5fffa,
  mistyrose: 0xffe4e1,
  moccasin: 0xffe4b5,
  navajowhite: 0xffdead,
  navy: 0x000080,
  oldlace: 0xfdf5e6,
  olive: 0x808000,
  olivedrab: 0x6b8e23,
  orange: 0xffa500,
  orangered: 0xff4500,
  orchid: 0xda70d6,
  palegoldenrod: 0xeee8aa,
  palegreen: 0x98fb98,
  paleturquoise: 0xafeeee,
  palevioletred: 0xdb7093,
  papayawhip: 0xffefd5,
  peachpuff: 0xffdab9,
  peru: 0xcd853f,
  pink: 0xffc0cb,
  plum: 0xdda0dd,
  powderblue: 0xb0e0e6,
  purple: 0x800080,
  rebeccapurple: 0x663399,
  red: 0xff0000,
  rosybrown: 0xbc8f8f,
  royalblue: 0x4169e1,
  saddlebrown: 0x8b4513,
  salmon: 0xfa8072,
  sandybrown: 0xf4a460,
  seagreen: 0x2e8b57,
  seashell: 0xfff5ee,
  sienna: 0xa0522d,
  silver: 0xc0c0c0,
  skyblue: 0x87ceeb,
  slateblue: 0x6a5acd,
  slategray: 0x708090,
  slategrey: 0x708090,
  snow: 0xfffafa,
  springgreen: 0x00ff7f,
  steelblue: 0x4682b4,
  tan: 0xd2b48c,
  teal: 0x008080,
  thistle: 0xd8bfd8,
  tomato: 0xff6347,
  turquoise: 0x40e0d0,
  violet: 0xee82ee,
  wheat: 0xf5deb3,
  white: 0xffffff,
  whitesmoke: 0xf5f5f5,
  yellow: 0xffff00,
  yellowgreen: 0x9acd32
};

d3_color_define(Color, color, {
  copy(channels) {
    return Object.assign(new this.constructor, this, channels);
  },
  displayable() {
    return this.rgb().displayable();
  },
  hex: color_formatHex, // Deprecated! Use color.formatHex.
  formatHex: color_formatHex,
  formatHex8: color_formatHex8,
  formatHsl: color_formatHsl,
  formatRgb: color_formatRgb,
  toString: color_formatRgb
});

function color_formatHex() {
  return this.rgb().formatHex();
}

function color_formatHex8() {
  return this.rgb().formatHex8();
}

function color_formatHsl() {
  return hslConvert(this).formatHsl();
}

function color_formatRgb() {
  return this.rgb().formatRgb();
}

function color(format) {
  var m, l;
  format = (format + "").trim().toLowerCase();
  return (m = reHex.exec(format)) ? (l = m[1].length, m = parseInt(m[1], 16), l === 6 ? rgbn(m) // #ff0000
      : l === 3 ? new Rgb((m >> 8 & 0xf) | (m >> 4 & 0xf0), (m >> 4 & 0xf) | (m & 0xf0), ((m & 0xf) << 4) | (m & 0xf), 1) // #f00
      : l === 8 ? rgba(m >> 24 & 0xff, m >> 16 & 0xff, m >> 8 & 0xff, (m & 0xff) / 0xff) // #ff000000
      : l === 4 ? rgba((m >> 12 & 0xf) | (m >> 8 & 0xf0), (m >> 8 & 0xf) | (m >> 4 & 0xf0), (m >> 4 & 0xf) | (m & 0xf0), (((m & 0xf) << 4) | (m & 0xf)) / 0xff) // #f000
      : null) // invalid hex
      : (m = reRgbInteger.exec(format)) ? new Rgb(m[1], m[2], m[3], 1) // rgb(255, 0, 0)
      : (m = reRgbPercent.exec(format)) ? new Rgb(m[1] * 255 / 100, m[2] * 255 / 100, m[3] * 255 / 100, 1) // rgb(100%, 0%, 0%)
      : (m = reRgbaInteger.exec(format)) ? rgba(m[1], m[2], m[3], m[4]) // rgba(255, 0, 0, 1)
      : (m = reRgbaPercent.exec(format)) ? rgba(m[1] * 255 / 100, m[2] * 255 / 100, m[3] * 255 / 100, m[4]) // rgb(100%, 0%, 0%, 1)
      : (m = reHslPercent.exec(format)) ? hsla(m[1], m[2] / 100, m[3] / 100, 1) // hsl(120, 50%, 50%)
      : (m = reHslaPercent.exec(format)) ? hsla(m[1], m[2] / 100, m[3] / 100, m[4]) // hsla(120, 50%, 50%, 1)
      : named.hasOwnProperty(format) ? rgbn(named[format]) // eslint-disable-line no-prototype-builtins
      : format === "transparent" ? new Rgb(NaN, NaN, NaN, 0)
      : null;
}

function rgbn(n) {
  return new Rgb(n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff, 1);
}

function rgba(r, g, b, a) {
  if (a <= 0) r = g = b = NaN;
  return new Rgb(r, g, b, a);
}

function rgbConvert(o) {
  if (!(o instanceof Color)) o = color(o);
  if (!o) return new Rgb;
  o = o.rgb();
  return new Rgb(o.r, o.g, o.b, o.opacity);
}

function d3_color_rgb(r, g, b, opacity) {
  return arguments.length === 1 ? rgbConvert(r) : new Rgb(r, g, b, opacity == null ? 1 : opacity);
}

function Rgb(r, g, b, opacity) {
  this.r = +r;
  this.g = +g;
  this.b = +b;
  this.opacity = +opacity;
}

d3_color_define(Rgb, d3_color_rgb, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Rgb(this.r * k, this.g * k, this.b * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Rgb(this.r * k, this.g * k, this.b * k, this.opacity);
  },
  rgb() {
    return this;
  },
  clamp() {
    return new Rgb(clampi(this.r), clampi(this.g), clampi(this.b), clampa(this.opacity));
  },
  displayable() {
    return (-0.5 <= this.r && this.r < 255.5)
        && (-0.5 <= this.g && this.g < 255.5)
        && (-0.5 <= this.b && this.b < 255.5)
        && (0 <= this.opacity && this.opacity <= 1);
  },
  hex: rgb_formatHex, // Deprecated! Use color.formatHex.
  formatHex: rgb_formatHex,
  formatHex8: rgb_formatHex8,
  formatRgb: rgb_formatRgb,
  toString: rgb_formatRgb
}));

function rgb_formatHex() {
  return `#${hex(this.r)}${hex(this.g)}${hex(this.b)}`;
}

function rgb_formatHex8() {
  return `#${hex(this.r)}${hex(this.g)}${hex(this.b)}${hex((isNaN(this.opacity) ? 1 : this.opacity) * 255)}`;
}

function rgb_formatRgb() {
  const a = clampa(this.opacity);
  return `${a === 1 ? "rgb(" : "rgba("}${clampi(this.r)}, ${clampi(this.g)}, ${clampi(this.b)}${a === 1 ? ")" : `, ${a})`}`;
}

function clampa(opacity) {
  return isNaN(opacity) ? 1 : Math.max(0, Math.min(1, opacity));
}

function clampi(value) {
  return Math.max(0, Math.min(255, Math.round(value) || 0));
}

function hex(value) {
  value = clampi(value);
  return (value < 16 ? "0" : "") + value.toString(16);
}

function hsla(h, s, l, a) {
  if (a <= 0) h = s = l = NaN;
  else if (l <= 0 || l >= 1) h = s = NaN;
  else if (s <= 0) h = NaN;
  return new Hsl(h, s, l, a);
}

function hslConvert(o) {
  if (o instanceof Hsl) return new Hsl(o.h, o.s, o.l, o.opacity);
  if (!(o instanceof Color)) o = color(o);
  if (!o) return new Hsl;
  if (o instanceof Hsl) return o;
  o = o.rgb();
  var r = o.r / 255,
      g = o.g / 255,
      b = o.b / 255,
      min = Math.min(r, g, b),
      max = Math.max(r, g, b),
      h = NaN,
      s = max - min,
      l = (max + min) / 2;
  if (s) {
    if (r === max) h = (g - b) / s + (g < b) * 6;
    else if (g === max) h = (b - r) / s + 2;
    else h = (r - g) / s + 4;
    s /= l < 0.5 ? max + min : 2 - max - min;
    h *= 60;
  } else {
    s = l > 0 && l < 1 ? 0 : h;
  }
  return new Hsl(h, s, l, o.opacity);
}

function hsl(h, s, l, opacity) {
  return arguments.length === 1 ? hslConvert(h) : new Hsl(h, s, l, opacity == null ? 1 : opacity);
}

function Hsl(h, s, l, opacity) {
  this.h = +h;
  this.s = +s;
  this.l = +l;
  this.opacity = +opacity;
}

d3_color_define(Hsl, hsl, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Hsl(this.h, this.s, this.l * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Hsl(this.h, this.s, this.l * k, this.opacity);
  },
  rgb() {
    var h = this.h % 360 + (this.h < 0) * 360,
        s = isNaN(h) || isNaN(this.s) ? 0 : this.s,
        l = this.l,
        m2 = l + (l < 0.5 ? l : 1 - l) * s,
        m1 = 2 * l - m2;
    return new Rgb(
      hsl2rgb(h >= 240 ? h - 240 : h + 120, m1, m2),
      hsl2rgb(h, m1, m2),
      hsl2rgb(h < 120 ? h + 240 : h - 120, m1, m2),
      this.opacity
    );
  },
  clamp() {
    return new Hsl(clamph(this.h), clampt(this.s), clampt(this.l), clampa(this.opacity));
  },
  displayable() {
    return (0 <= this.s && this.s <= 1 || isNaN(this.s))
        && (0 <= this.l && this.l <= 1)
        && (0 <= this.opacity && this.opacity <= 1);
  },
  formatHsl() {
    const a = clampa(this.opacity);
    return `${a === 1 ? "hsl(" : "hsla("}${clamph(this.h)}, ${clampt(this.s) * 100}%, ${clampt(this.l) * 100}%${a === 1 ? ")" : `, ${a})`}`;
  }
}));

function clamph(value) {
  value = (value || 0) % 360;
  return value < 0 ? value + 360 : value;
}

function clampt(value) {
  return Math.max(0, Math.min(1, value || 0));
}

/* From FvD 13.37, CSS Color Module Level 3 */
function hsl2rgb(h, m1, m2) {
  return (h < 60 ? m1 + (m2 - m1) * h / 60
      : h < 180 ? m2
      : h < 240 ? m1 + (m2 - m1) * (240 - h) / 60
      : m1) * 255;
}

const radians = Math.PI / 180;
const degrees = 180 / Math.PI;

// https://observablehq.com/@mbostock/lab-and-rgb
const K = 18,
    Xn = 0.96422,
    Yn = 1,
    Zn = 0.82521,
    t0 = 4 / 29,
    t1 = 6 / 29,
    t2 = 3 * t1 * t1,
    t3 = t1 * t1 * t1;

function labConvert(o) {
  if (o instanceof Lab) return new Lab(o.l, o.a, o.b, o.opacity);
  if (o instanceof Hcl) return hcl2lab(o);
  if (!(o instanceof Rgb)) o = rgbConvert(o);
  var r = rgb2lrgb(o.r),
      g = rgb2lrgb(o.g),
      b = rgb2lrgb(o.b),
      y = xyz2lab((0.2225045 * r + 0.7168786 * g + 0.0606169 * b) / Yn), x, z;
  if (r === g && g === b) x = z = y; else {
    x = xyz2lab((0.4360747 * r + 0.3850649 * g + 0.1430804 * b) / Xn);
    z = xyz2lab((0.0139322 * r + 0.0971045 * g + 0.7141733 * b) / Zn);
  }
  return new Lab(116 * y - 16, 500 * (x - y), 200 * (y - z), o.opacity);
}

function gray(l, opacity) {
  return new Lab(l, 0, 0, opacity == null ? 1 : opacity);
}

function lab(l, a, b, opacity) {
  return arguments.length === 1 ? labConvert(l) : new Lab(l, a, b, opacity == null ? 1 : opacity);
}

function Lab(l, a, b, opacity) {
  this.l = +l;
  this.a = +a;
  this.b = +b;
  this.opacity = +opacity;
}

d3_color_define(Lab, lab, extend(Color, {
  brighter(k) {
    return new Lab(this.l + K * (k == null ? 1 : k), this.a, this.b, this.opacity);
  },
  darker(k) {
    return new Lab(this.l - K * (k == null ? 1 : k), this.a, this.b, this.opacity);
  },
  rgb() {
    var y = (this.l + 16) / 116,
        x = isNaN(this.a) ? y : y + this.a / 500,
        z = isNaN(this.b) ? y : y - this.b / 200;
    x = Xn * lab2xyz(x);
    y = Yn * lab2xyz(y);
    z = Zn * lab2xyz(z);
    return new Rgb(
      lrgb2rgb( 3.1338561 * x - 1.6168667 * y - 0.4906146 * z),
      lrgb2rgb(-0.9787684 * x + 1.9161415 * y + 0.0334540 * z),
      lrgb2rgb( 0.0719453 * x - 0.2289914 * y + 1.4052427 * z),
      this.opacity
    );
  }
}));

function xyz2lab(t) {
  return t > t3 ? Math.pow(t, 1 / 3) : t / t2 + t0;
}

function lab2xyz(t) {
  return t > t1 ? t * t * t : t2 * (t - t0);
}

function lrgb2rgb(x) {
  return 255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
}

function rgb2lrgb(x) {
  return (x /= 255) <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
}

function hclConvert(o) {
  if (o instanceof Hcl) return new Hcl(o.h, o.c, o.l, o.opacity);
  if (!(o instanceof Lab)) o = labConvert(o);
  if (o.a === 0 && o.b === 0) return new Hcl(NaN, 0 < o.l && o.l < 100 ? 0 : NaN, o.l, o.opacity);
  var h = Math.atan2(o.b, o.a) * degrees;
  return new Hcl(h < 0 ? h + 360 : h, Math.sqrt(o.a * o.a + o.b * o.b), o.l, o.opacity);
}

function lch(l, c, h, opacity) {
  return arguments.length === 1 ? hclConvert(l) : new Hcl(h, c, l, opacity == null ? 1 : opacity);
}

function hcl(h, c, l, opacity) {
  return arguments.length === 1 ? hclConvert(h) : new Hcl(h, c, l, opacity == null ? 1 : opacity);
}

function Hcl(h, c, l, opacity) {
  this.h = +h;
  this.c = +c;
  this.l = +l;
  this.opacity = +opacity;
}

function hcl2lab(o) {
  if (isNaN(o.h)) return new Lab(o.l, 0, 0, o.opacity);
  var h = o.h * radians;
  return new Lab(o.l, Math.cos(h) * o.c, Math.sin(h) * o.c, o.opacity);
}

d3_color_define(Hcl, hcl, extend(Color, {
  brighter(k) {
    return new Hcl(this.h, this.c, this.l + K * (k == null ? 1 : k), this.opacity);
  },
  darker(k) {
    return new Hcl(this.h, this.c, this.l - K * (k == null ? 1 : k), this.opacity);
  },
  rgb() {
    return hcl2lab(this).rgb();
  }
}));

var A = -0.14861,
    B = 1.78277,
    C = -0.29227,
    D = -0.90649,
    E = 1.97294,
    ED = E * D,
    EB = E * B,
    BC_DA = B * C - D * A;

function cubehelixConvert(o) {
  if (o instanceof Cubehelix) return new Cubehelix(o.h, o.s, o.l, o.opacity);
  if (!(o instanceof Rgb)) o = rgbConvert(o);
  var r = o.r / 255,
      g = o.g / 255,
      b = o.b / 255,
      l = (BC_DA * b + ED * r - EB * g) / (BC_DA + ED - EB),
      bl = b - l,
      k = (E * (g - l) - C * bl) / D,
      s = Math.sqrt(k * k + bl * bl) / (E * l * (1 - l)), // NaN if l=0 or l=1
      h = s ? Math.atan2(k, bl) * degrees - 120 : NaN;
  return new Cubehelix(h < 0 ? h + 360 : h, s, l, o.opacity);
}

function d3_color_cubehelix(h, s, l, opacity) {
  return arguments.length === 1 ? cubehelixConvert(h) : new Cubehelix(h, s, l, opacity == null ? 1 : opacity);
}

function Cubehelix(h, s, l, opacity) {
  this.h = +h;
  this.s = +s;
  this.l = +l;
  this.opacity = +opacity;
}

d3_color_define(Cubehelix, d3_color_cubehelix, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Cubehelix(this.h, this.s, this.l * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Cubehelix(this.h, this.s, this.l * k, this.opacity);
  },
  rgb() {
    var h = isNaN(this.h) ? 0 : (this.h + 120) * radians,
        l = +this.l,
        a = isNaN(this.s) ? 0 : this.s * l * (1 - l),
        cosh = Math.cos(h),
        sinh = Math.sin(h);
    return new Rgb(
      255 * (l + a * (A * cosh + B * sinh)),
      255 * (l + a * (C * cosh + D * sinh)),
      255 * (l + a * (E * cosh)),
      this.opacity
    );
  }
}));



;// CONCATENATED MODULE: ./node_modules/d3-interpolate/dist/d3-interpolate.mjs
// https://d3js.org/d3-interpolate/ v3.0.2 Copyright 2010-2026 Mike Bostock


function basis(t1, v0, v1, v2, v3) {
  var t2 = t1 * t1, t3 = t2 * t1;
  return ((1 - 3 * t1 + 3 * t2 - t3) * v0
      + (4 - 6 * t2 + 3 * t3) * v1
      + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2
      + t3 * v3) / 6;
}

function basis$1(values) {
  var n = values.length - 1;
  return function(t) {
    var i = t <= 0 ? (t = 0) : t >= 1 ? (t = 1, n - 1) : Math.floor(t * n),
        v1 = values[i],
        v2 = values[i + 1],
        v0 = i > 0 ? values[i - 1] : 2 * v1 - v2,
        v3 = i < n - 1 ? values[i + 2] : 2 * v2 - v1;
    return basis((t - i / n) * n, v0, v1, v2, v3);
  };
}

function basisClosed(values) {
  var n = values.length;
  return function(t) {
    var i = Math.floor(((t %= 1) < 0 ? ++t : t) * n),
        v0 = values[(i + n - 1) % n],
        v1 = values[i % n],
        v2 = values[(i + 1) % n],
        v3 = values[(i + 2) % n];
    return basis((t - i / n) * n, v0, v1, v2, v3);
  };
}

var d3_interpolate_constant = x => () => x;

function linear(a, d) {
  return function(t) {
    return a + t * d;
  };
}

function exponential(a, b, y) {
  return a = Math.pow(a, y), b = Math.pow(b, y) - a, y = 1 / y, function(t) {
    return Math.pow(a + t * b, y);
  };
}

function hue$1(a, b) {
  var d = b - a;
  return d ? linear(a, d > 180 || d < -180 ? d - 360 * Math.round(d / 360) : d) : d3_interpolate_constant(isNaN(a) ? b : a);
}

function gamma(y) {
  return (y = +y) === 1 ? nogamma : function(a, b) {
    return b - a ? exponential(a, b, y) : d3_interpolate_constant(isNaN(a) ? b : a);
  };
}

function nogamma(a, b) {
  var d = b - a;
  return d ? linear(a, d) : d3_interpolate_constant(isNaN(a) ? b : a);
}

var rgb = (function rgbGamma(y) {
  var color = gamma(y);

  function rgb(start, end) {
    var r = color((start = d3_color_rgb(start)).r, (end = d3_color_rgb(end)).r),
        g = color(start.g, end.g),
        b = color(start.b, end.b),
        opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.r = r(t);
      start.g = g(t);
      start.b = b(t);
      start.opacity = opacity(t);
      return start + "";
    };
  }

  rgb.gamma = rgbGamma;

  return rgb;
})(1);

function rgbSpline(spline) {
  return function(colors) {
    var n = colors.length,
        r = new Array(n),
        g = new Array(n),
        b = new Array(n),
        i, color;
    for (i = 0; i < n; ++i) {
      color = d3_color_rgb(colors[i]);
      r[i] = color.r || 0;
      g[i] = color.g || 0;
      b[i] = color.b || 0;
    }
    r = spline(r);
    g = spline(g);
    b = spline(b);
    color.opacity = 1;
    return function(t) {
      color.r = r(t);
      color.g = g(t);
      color.b = b(t);
      return color + "";
    };
  };
}

var rgbBasis = rgbSpline(basis$1);
var rgbBasisClosed = rgbSpline(basisClosed);

function numberArray(a, b) {
  if (!b) b = [];
  var n = a ? Math.min(b.length, a.length) : 0,
      c = b.slice(),
      i;
  return function(t) {
    for (i = 0; i < n; ++i) c[i] = a[i] * (1 - t) + b[i] * t;
    return c;
  };
}

function isNumberArray(x) {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function d3_interpolate_array(a, b) {
  return (isNumberArray(b) ? numberArray : genericArray)(a, b);
}

function genericArray(a, b) {
  var nb = b ? b.length : 0,
      na = a ? Math.min(nb, a.length) : 0,
      x = new Array(na),
      c = new Array(nb),
      i;

  for (i = 0; i < na; ++i) x[i] = value(a[i], b[i]);
  for (; i < nb; ++i) c[i] = b[i];

  return function(t) {
    for (i = 0; i < na; ++i) c[i] = x[i](t);
    return c;
  };
}

function date(a, b) {
  var d = new Date;
  return a = +a, b = +b, function(t) {
    return d.setTime(a * (1 - t) + b * t), d;
  };
}

function d3_interpolate_number(a, b) {
  return a = +a, b = +b, function(t) {
    return a * (1 - t) + b * t;
  };
}

function object(a, b) {
  var i = {},
      c = {},
      k;

  if (a === null || typeof a !== "object") a = {};
  if (b === null || typeof b !== "object") b = {};

  for (k in b) {
    if (k in a) {
      i[k] = value(a[k], b[k]);
    } else {
      c[k] = b[k];
    }
  }

  return function(t) {
    for (k in i) c[k] = i[k](t);
    return c;
  };
}

var reA = /[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,
    reB = new RegExp(reA.source, "g");

function d3_interpolate_zero(b) {
  return function() {
    return b;
  };
}

function one(b) {
  return function(t) {
    return b(t) + "";
  };
}

function string(a, b) {
  var bi = reA.lastIndex = reB.lastIndex = 0, // scan index for next number in b
      am, // current match in a
      bm, // current match in b
      bs, // string preceding current number in b, if any
      i = -1, // index in s
      s = [], // string constants and placeholders
      q = []; // number interpolators

  // Coerce inputs to strings.
  a = a + "", b = b + "";

  // Interpolate pairs of numbers in a & b.
  while ((am = reA.exec(a))
      && (bm = reB.exec(b))) {
    if ((bs = bm.index) > bi) { // a string precedes the next number in b
      bs = b.slice(bi, bs);
      if (s[i]) s[i] += bs; // coalesce with previous string
      else s[++i] = bs;
    }
    if ((am = am[0]) === (bm = bm[0])) { // numbers in a & b match
      if (s[i]) s[i] += bm; // coalesce with previous string
      else s[++i] = bm;
    } else { // interpolate non-matching numbers
      s[++i] = null;
      q.push({i: i, x: d3_interpolate_number(am, bm)});
    }
    bi = reB.lastIndex;
  }

  // Add remains of b.
  if (bi < b.length) {
    bs = b.slice(bi);
    if (s[i]) s[i] += bs; // coalesce with previous string
    else s[++i] = bs;
  }

  // Special optimization for only a single match.
  // Otherwise, interpolate each of the numbers and rejoin the string.
  return s.length < 2 ? (q[0]
      ? one(q[0].x)
      : d3_interpolate_zero(b))
      : (b = q.length, function(t) {
          for (var i = 0, o; i < b; ++i) s[(o = q[i]).i] = o.x(t);
          return s.join("");
        });
}

function value(a, b) {
  var t = typeof b, c;
  return b == null || t === "boolean" ? d3_interpolate_constant(b)
      : (t === "number" ? d3_interpolate_number
      : t === "string" ? ((c = color(b)) ? (b = c, rgb) : string)
      : b instanceof color ? rgb
      : b instanceof Date ? date
      : isNumberArray(b) ? numberArray
      : Array.isArray(b) ? genericArray
      : typeof b.valueOf !== "function" && typeof b.toString !== "function" || isNaN(b) ? object
      : d3_interpolate_number)(a, b);
}

function discrete(range) {
  var n = range.length;
  return function(t) {
    return range[Math.max(0, Math.min(n - 1, Math.floor(t * n)))];
  };
}

function hue(a, b) {
  var i = hue$1(+a, +b);
  return function(t) {
    var x = i(t);
    return x - 360 * Math.floor(x / 360);
  };
}

function round(a, b) {
  return a = +a, b = +b, function(t) {
    return Math.round(a * (1 - t) + b * t);
  };
}

var d3_interpolate_degrees = 180 / Math.PI;

var d3_interpolate_identity = {
  translateX: 0,
  translateY: 0,
  rotate: 0,
  skewX: 0,
  scaleX: 1,
  scaleY: 1
};

function decompose(a, b, c, d, e, f) {
  var scaleX, scaleY, skewX;
  if (scaleX = Math.sqrt(a * a + b * b)) a /= scaleX, b /= scaleX;
  if (skewX = a * c + b * d) c -= a * skewX, d -= b * skewX;
  if (scaleY = Math.sqrt(c * c + d * d)) c /= scaleY, d /= scaleY, skewX /= scaleY;
  if (a * d < b * c) a = -a, b = -b, skewX = -skewX, scaleX = -scaleX;
  return {
    translateX: e,
    translateY: f,
    rotate: Math.atan2(b, a) * d3_interpolate_degrees,
    skewX: Math.atan(skewX) * d3_interpolate_degrees,
    scaleX: scaleX,
    scaleY: scaleY
  };
}

var svgNode;

/* eslint-disable no-undef */
function parseCss(value) {
  const m = new (typeof DOMMatrix === "function" ? DOMMatrix : WebKitCSSMatrix)(value + "");
  return m.isIdentity ? d3_interpolate_identity : decompose(m.a, m.b, m.c, m.d, m.e, m.f);
}

function parseSvg(value) {
  if (value == null) return d3_interpolate_identity;
  if (!svgNode) svgNode = document.createElementNS("http://www.w3.org/2000/svg", "g");
  svgNode.setAttribute("transform", value);
  if (!(value = svgNode.transform.baseVal.consolidate())) return d3_interpolate_identity;
  value = value.matrix;
  return decompose(value.a, value.b, value.c, value.d, value.e, value.f);
}

function interpolateTransform(parse, pxComma, pxParen, degParen) {

  function pop(s) {
    return s.length ? s.pop() + " " : "";
  }

  function translate(xa, ya, xb, yb, s, q) {
    if (xa !== xb || ya !== yb) {
      var i = s.push("translate(", null, pxComma, null, pxParen);
      q.push({i: i - 4, x: d3_interpolate_number(xa, xb)}, {i: i - 2, x: d3_interpolate_number(ya, yb)});
    } else if (xb || yb) {
      s.push("translate(" + xb + pxComma + yb + pxParen);
    }
  }

  function rotate(a, b, s, q) {
    if (a !== b) {
      if (a - b > 180) b += 360; else if (b - a > 180) a += 360; // shortest path
      q.push({i: s.push(pop(s) + "rotate(", null, degParen) - 2, x: d3_interpolate_number(a, b)});
    } else if (b) {
      s.push(pop(s) + "rotate(" + b + degParen);
    }
  }

  function skewX(a, b, s, q) {
    if (a !== b) {
      q.push({i: s.push(pop(s) + "skewX(", null, degParen) - 2, x: d3_interpolate_number(a, b)});
    } else if (b) {
      s.push(pop(s) + "skewX(" + b + degParen);
    }
  }

  function scale(xa, ya, xb, yb, s, q) {
    if (xa !== xb || ya !== yb) {
      var i = s.push(pop(s) + "scale(", null, ",", null, ")");
      q.push({i: i - 4, x: d3_interpolate_number(xa, xb)}, {i: i - 2, x: d3_interpolate_number(ya, yb)});
    } else if (xb !== 1 || yb !== 1) {
      s.push(pop(s) + "scale(" + xb + "," + yb + ")");
    }
  }

  return function(a, b) {
    var s = [], // string constants and placeholders
        q = []; // number interpolators
    a = parse(a), b = parse(b);
    translate(a.translateX, a.translateY, b.translateX, b.translateY, s, q);
    rotate(a.rotate, b.rotate, s, q);
    skewX(a.skewX, b.skewX, s, q);
    scale(a.scaleX, a.scaleY, b.scaleX, b.scaleY, s, q);
    a = b = null; // gc
    return function(t) {
      var i = -1, n = q.length, o;
      while (++i < n) s[(o = q[i]).i] = o.x(t);
      return s.join("");
    };
  };
}

var interpolateTransformCss = interpolateTransform(parseCss, "px, ", "px)", "deg)");
var interpolateTransformSvg = interpolateTransform(parseSvg, ", ", ")", ")");

var epsilon2 = 1e-12;

function cosh(x) {
  return ((x = Math.exp(x)) + 1 / x) / 2;
}

function sinh(x) {
  return ((x = Math.exp(x)) - 1 / x) / 2;
}

function tanh(x) {
  return ((x = Math.exp(2 * x)) - 1) / (x + 1);
}

var zoom = (function zoomRho(rho, rho2, rho4) {

  // p0 = [ux0, uy0, w0]
  // p1 = [ux1, uy1, w1]
  function zoom(p0, p1) {
    var ux0 = p0[0], uy0 = p0[1], w0 = p0[2],
        ux1 = p1[0], uy1 = p1[1], w1 = p1[2],
        dx = ux1 - ux0,
        dy = uy1 - uy0,
        d2 = dx * dx + dy * dy,
        i,
        S;

    // Special case for u0 ≅ u1.
    if (d2 < epsilon2) {
      S = Math.log(w1 / w0) / rho;
      i = function(t) {
        return [
          ux0 + t * dx,
          uy0 + t * dy,
          w0 * Math.exp(rho * t * S)
        ];
      };
    }

    // General case.
    else {
      var d1 = Math.sqrt(d2),
          b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * d1),
          b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * d1),
          r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0),
          r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
      S = (r1 - r0) / rho;
      i = function(t) {
        var s = t * S,
            coshr0 = cosh(r0),
            u = w0 / (rho2 * d1) * (coshr0 * tanh(rho * s + r0) - sinh(r0));
        return [
          ux0 + u * dx,
          uy0 + u * dy,
          w0 * coshr0 / cosh(rho * s + r0)
        ];
      };
    }

    i.duration = Math.abs(S) * 1000 * rho / Math.SQRT2;

    return i;
  }

  zoom.rho = function(_) {
    var _1 = Math.max(1e-3, +_), _2 = _1 * _1, _4 = _2 * _2;
    return zoomRho(_1, _2, _4);
  };

  return zoom;
})(Math.SQRT2, 2, 4);

function d3_interpolate_hsl(hue) {
  return function(start, end) {
    var h = hue((start = hsl(start)).h, (end = hsl(end)).h),
        s = nogamma(start.s, end.s),
        l = nogamma(start.l, end.l),
        opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.h = h(t);
      start.s = s(t);
      start.l = l(t);
      start.opacity = opacity(t);
      return start + "";
    };
  }
}

var hsl_default = d3_interpolate_hsl(hue$1);
var hslLong = d3_interpolate_hsl(nogamma);

function d3_interpolate_lab(start, end) {
  var l = nogamma((start = lab$1(start)).l, (end = lab$1(end)).l),
      a = nogamma(start.a, end.a),
      b = nogamma(start.b, end.b),
      opacity = nogamma(start.opacity, end.opacity);
  return function(t) {
    start.l = l(t);
    start.a = a(t);
    start.b = b(t);
    start.opacity = opacity(t);
    return start + "";
  };
}

function d3_interpolate_hcl(hue) {
  return function(start, end) {
    var h = hue((start = hcl(start)).h, (end = hcl(end)).h),
        c = nogamma(start.c, end.c),
        l = nogamma(start.l, end.l),
        opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.h = h(t);
      start.c = c(t);
      start.l = l(t);
      start.opacity = opacity(t);
      return start + "";
    };
  }
}

var hcl_default = d3_interpolate_hcl(hue$1);
var hclLong = d3_interpolate_hcl(nogamma);

function cubehelix(hue) {
  return (function cubehelixGamma(y) {
    y = +y;

    function cubehelix(start, end) {
      var h = hue((start = d3_color_cubehelix(start)).h, (end = d3_color_cubehelix(end)).h),
          s = nogamma(start.s, end.s),
          l = nogamma(start.l, end.l),
          opacity = nogamma(start.opacity, end.opacity);
      return function(t) {
        start.h = h(t);
        start.s = s(t);
        start.l = l(Math.pow(t, y));
        start.opacity = opacity(t);
        return start + "";
      };
    }

    cubehelix.gamma = cubehelixGamma;

    return cubehelix;
  })(1);
}

var cubehelix_default = cubehelix(hue$1);
var cubehelixLong = cubehelix(nogamma);

function d3_interpolate_piecewise(interpolate, values) {
  if (values === undefined) values = interpolate, interpolate = value;
  var i = 0, n = values.length - 1, v = values[0], I = new Array(n < 0 ? 0 : n);
  while (i < n) I[i] = interpolate(v, v = values[++i]);
  return function(t) {
    var i = Math.max(0, Math.min(n - 1, Math.floor(t *= n)));
    return I[i](t - i);
  };
}

function quantize(interpolator, n) {
  var samples = new Array(n);
  for (var i = 0; i < n; ++i) samples[i] = interpolator(i / (n - 1));
  return samples;
}



;// CONCATENATED MODULE: ./node_modules/d3-format/dist/d3-format.mjs
// https://d3js.org/d3-format/ v3.1.3 Copyright 2010-2026 Mike Bostock
function formatDecimal(x) {
  return Math.abs(x = Math.round(x)) >= 1e21
      ? x.toLocaleString("en").replace(/,/g, "")
      : x.toString(10);
}

// Computes the decimal coefficient and exponent of the specified number x with
// significant digits p, where x is positive and p is in [1, 21] or undefined.
// For example, formatDecimalParts(1.23) returns ["123", 0].
function formatDecimalParts(x, p) {
  if (!isFinite(x) || x === 0) return null; // NaN, ±Infinity, ±0
  var i = (x = p ? x.toExponential(p - 1) : x.toExponential()).indexOf("e"), coefficient = x.slice(0, i);

  // The string returned by toExponential either has the form \d\.\d+e[-+]\d+
  // (e.g., 1.2e+3) or the form \de[-+]\d+ (e.g., 1e+3).
  return [
    coefficient.length > 1 ? coefficient[0] + coefficient.slice(2) : coefficient,
    +x.slice(i + 1)
  ];
}

function exponent(x) {
  return x = formatDecimalParts(Math.abs(x)), x ? x[1] : NaN;
}

function formatGroup(grouping, thousands) {
  return function(value, width) {
    var i = value.length,
        t = [],
        j = 0,
        g = grouping[0],
        length = 0;

    while (i > 0 && g > 0) {
      if (length + g + 1 > width) g = Math.max(1, width - length);
      t.push(value.substring(i -= g, i + g));
      if ((length += g + 1) > width) break;
      g = grouping[j = (j + 1) % grouping.length];
    }

    return t.reverse().join(thousands);
  };
}

function formatNumerals(numerals) {
  return function(value) {
    return value.replace(/[0-9]/g, function(i) {
      return numerals[+i];
    });
  };
}

// [[fill]align][sign][symbol][0][width][,][.precision][~][type]
var re = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

function d3_format_formatSpecifier(specifier) {
  if (!(match = re.exec(specifier))) throw new Error("invalid format: " + specifier);
  var match;
  return new FormatSpecifier({
    fill: match[1],
    align: match[2],
    sign: match[3],
    symbol: match[4],
    zero: match[5],
    width: match[6],
    comma: match[7],
    precision: match[8] && match[8].slice(1),
    trim: match[9],
    type: match[10]
  });
}

d3_format_formatSpecifier.prototype = FormatSpecifier.prototype; // instanceof

function FormatSpecifier(specifier) {
  this.fill = specifier.fill === undefined ? " " : specifier.fill + "";
  this.align = specifier.align === undefined ? ">" : specifier.align + "";
  this.sign = specifier.sign === undefined ? "-" : specifier.sign + "";
  this.symbol = specifier.symbol === undefined ? "" : specifier.symbol + "";
  this.zero = !!specifier.zero;
  this.width = specifier.width === undefined ? undefined : +specifier.width;
  this.comma = !!specifier.comma;
  this.precision = specifier.precision === undefined ? undefined : +specifier.precision;
  this.trim = !!specifier.trim;
  this.type = specifier.type === undefined ? "" : specifier.type + "";
}

FormatSpecifier.prototype.toString = function() {
  return this.fill
      + this.align
      + this.sign
      + this.symbol
      + (this.zero ? "0" : "")
      + (this.width === undefined ? "" : Math.max(1, this.width | 0))
      + (this.comma ? "," : "")
      + (this.precision === undefined ? "" : "." + Math.max(0, this.precision | 0))
      + (this.trim ? "~" : "")
      + this.type;
};

// Trims insignificant zeros, e.g., replaces 1.2000k with 1.2k.
function formatTrim(s) {
  out: for (var n = s.length, i = 1, i0 = -1, i1; i < n; ++i) {
    switch (s[i]) {
      case ".": i0 = i1 = i; break;
      case "0": if (i0 === 0) i0 = i; i1 = i; break;
      default: if (!+s[i]) break out; if (i0 > 0) i0 = 0; break;
    }
  }
  return i0 > 0 ? s.slice(0, i0) + s.slice(i1 + 1) : s;
}

var prefixExponent;

function formatPrefixAuto(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return prefixExponent = undefined, x.toPrecision(p);
  var coefficient = d[0],
      exponent = d[1],
      i = exponent - (prefixExponent = Math.max(-8, Math.min(8, Math.floor(exponent / 3))) * 3) + 1,
      n = coefficient.length;
  return i === n ? coefficient
      : i > n ? coefficient + new Array(i - n + 1).join("0")
      : i > 0 ? coefficient.slice(0, i) + "." + coefficient.slice(i)
      : "0." + new Array(1 - i).join("0") + formatDecimalParts(x, Math.max(0, p + i - 1))[0]; // less than 1y!
}

function formatRounded(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return x + "";
  var coefficient = d[0],
      exponent = d[1];
  return exponent < 0 ? "0." + new Array(-exponent).join("0") + coefficient
      : coefficient.length > exponent + 1 ? coefficient.slice(0, exponent + 1) + "." + coefficient.slice(exponent + 1)
      : coefficient + new Array(exponent - coefficient.length + 2).join("0");
}

var formatTypes = {
  "%": (x, p) => (x * 100).toFixed(p),
  "b": (x) => Math.round(x).toString(2),
  "c": (x) => x + "",
  "d": formatDecimal,
  "e": (x, p) => x.toExponential(p),
  "f": (x, p) => x.toFixed(p),
  "g": (x, p) => x.toPrecision(p),
  "o": (x) => Math.round(x).toString(8),
  "p": (x, p) => formatRounded(x * 100, p),
  "r": formatRounded,
  "s": formatPrefixAuto,
  "X": (x) => Math.round(x).toString(16).toUpperCase(),
  "x": (x) => Math.round(x).toString(16)
};

function d3_format_identity(x) {
  return x;
}

var d3_format_map = Array.prototype.map,
    prefixes = ["y","z","a","f","p","n","µ","m","","k","M","G","T","P","E","Z","Y"];

function formatLocale(locale) {
  var group = locale.grouping === undefined || locale.thousands === undefined ? d3_format_identity : formatGroup(d3_format_map.call(locale.grouping, Number), locale.thousands + ""),
      currencyPrefix = locale.currency === undefined ? "" : locale.currency[0] + "",
      currencySuffix = locale.currency === undefined ? "" : locale.currency[1] + "",
      decimal = locale.decimal === undefined ? "." : locale.decimal + "",
      numerals = locale.numerals === undefined ? d3_format_identity : formatNumerals(d3_format_map.call(locale.numerals, String)),
      percent = locale.percent === undefined ? "%" : locale.percent + "",
      minus = locale.minus === undefined ? "−" : locale.minus + "",
      nan = locale.nan === undefined ? "NaN" : locale.nan + "";

  function newFormat(specifier, options) {
    specifier = d3_format_formatSpecifier(specifier);

    var fill = specifier.fill,
        align = specifier.align,
        sign = specifier.sign,
        symbol = specifier.symbol,
        zero = specifier.zero,
        width = specifier.width,
        comma = specifier.comma,
        precision = specifier.precision,
        trim = specifier.trim,
        type = specifier.type;

    // The "n" type is an alias for ",g".
    if (type === "n") comma = true, type = "g";

    // The "" type, and any invalid type, is an alias for ".12~g".
    else if (!formatTypes[type]) precision === undefined && (precision = 12), trim = true, type = "g";

    // If zero fill is specified, padding goes after sign and before digits.
    if (zero || (fill === "0" && align === "=")) zero = true, fill = "0", align = "=";

    // Compute the prefix and suffix.
    // For SI-prefix, the suffix is lazily computed.
    var prefix = (options && options.prefix !== undefined ? options.prefix : "") + (symbol === "$" ? currencyPrefix : symbol === "#" && /[boxX]/.test(type) ? "0" + type.toLowerCase() : ""),
        suffix = (symbol === "$" ? currencySuffix : /[%p]/.test(type) ? percent : "") + (options && options.suffix !== undefined ? options.suffix : "");

    // What format function should we use?
    // Is this an integer type?
    // Can this type generate exponential notation?
    var formatType = formatTypes[type],
        maybeSuffix = /[defgprs%]/.test(type);

    // Set the default precision if not specified,
    // or clamp the specified precision to the supported range.
    // For significant precision, it must be in [1, 21].
    // For fixed precision, it must be in [0, 20].
    precision = precision === undefined ? 6
        : /[gprs]/.test(type) ? Math.max(1, Math.min(21, precision))
        : Math.max(0, Math.min(20, precision));

    function format(value) {
      var valuePrefix = prefix,
          valueSuffix = suffix,
          i, n, c;

      if (type === "c") {
        valueSuffix = formatType(value) + valueSuffix;
        value = "";
      } else {
        value = +value;

        // Determine the sign. -0 is not less than 0, but 1 / -0 is!
        var valueNegative = value < 0 || 1 / value < 0;

        // Perform the initial formatting.
        value = isNaN(value) ? nan : formatType(Math.abs(value), precision);

        // Trim insignificant zeros.
        if (trim) value = formatTrim(value);

        // If a negative value rounds to zero after formatting, and no explicit positive sign is requested, hide the sign.
        if (valueNegative && +value === 0 && sign !== "+") valueNegative = false;

        // Compute the prefix and suffix.
        valuePrefix = (valueNegative ? (sign === "(" ? sign : minus) : sign === "-" || sign === "(" ? "" : sign) + valuePrefix;
        valueSuffix = (type === "s" && !isNaN(value) && prefixExponent !== undefined ? prefixes[8 + prefixExponent / 3] : "") + valueSuffix + (valueNegative && sign === "(" ? ")" : "");

        // Break the formatted value into the integer “value” part that can be
        // grouped, and fractional or exponential “suffix” part that is not.
        if (maybeSuffix) {
          i = -1, n = value.length;
          while (++i < n) {
            if (c = value.charCodeAt(i), 48 > c || c > 57) {
              valueSuffix = (c === 46 ? decimal + value.slice(i + 1) : value.slice(i)) + valueSuffix;
              value = value.slice(0, i);
              break;
            }
          }
        }
      }

      // If the fill character is not "0", grouping is applied before padding.
      if (comma && !zero) value = group(value, Infinity);

      // Compute the padding.
      var length = valuePrefix.length + value.length + valueSuffix.length,
          padding = length < width ? new Array(width - length + 1).join(fill) : "";

      // If the fill character is "0", grouping is applied after padding.
      if (comma && zero) value = group(padding + value, padding.length ? width - valueSuffix.length : Infinity), padding = "";

      // Reconstruct the final output based on the desired alignment.
      switch (align) {
        case "<": value = valuePrefix + value + valueSuffix + padding; break;
        case "=": value = valuePrefix + padding + value + valueSuffix; break;
        case "^": value = padding.slice(0, length = padding.length >> 1) + valuePrefix + value + valueSuffix + padding.slice(length); break;
        default: value = padding + valuePrefix + value + valueSuffix; break;
      }

      return numerals(value);
    }

    format.toString = function() {
      return specifier + "";
    };

    return format;
  }

  function formatPrefix(specifier, value) {
    var e = Math.max(-8, Math.min(8, Math.floor(exponent(value) / 3))) * 3,
        k = Math.pow(10, -e),
        f = newFormat((specifier = d3_format_formatSpecifier(specifier), specifier.type = "f", specifier), {suffix: prefixes[8 + e / 3]});
    return function(value) {
      return f(k * value);
    };
  }

  return {
    format: newFormat,
    formatPrefix: formatPrefix
  };
}

var locale;
var d3_format_format;
var formatPrefix;

defaultLocale({
  thousands: ",",
  grouping: [3],
  currency: ["$", ""]
});

function defaultLocale(definition) {
  locale = formatLocale(definition);
  d3_format_format = locale.format;
  formatPrefix = locale.formatPrefix;
  return locale;
}

function precisionFixed(step) {
  return Math.max(0, -exponent(Math.abs(step)));
}

function precisionPrefix(step, value) {
  return Math.max(0, Math.max(-8, Math.min(8, Math.floor(exponent(value) / 3))) * 3 - exponent(Math.abs(step)));
}

function precisionRound(step, max) {
  step = Math.abs(step), max = Math.abs(max) - step;
  return Math.max(0, exponent(max) - exponent(step)) + 1;
}



;// CONCATENATED MODULE: ./node_modules/d3-scale/dist/d3-scale.mjs
// https://d3js.org/d3-scale/ v4.0.3 Copyright 2010-2026 Mike Bostock






function initRange(domain, range) {
  switch (arguments.length) {
    case 0: break;
    case 1: this.range(domain); break;
    default: this.range(range).domain(domain); break;
  }
  return this;
}

function initInterpolator(domain, interpolator) {
  switch (arguments.length) {
    case 0: break;
    case 1: {
      if (typeof domain === "function") this.interpolator(domain);
      else this.range(domain);
      break;
    }
    default: {
      this.domain(domain);
      if (typeof interpolator === "function") this.interpolator(interpolator);
      else this.range(interpolator);
      break;
    }
  }
  return this;
}

const implicit = Symbol("implicit");

function ordinal() {
  var index = new InternMap(),
      domain = [],
      range = [],
      unknown = implicit;

  function scale(d) {
    let i = index.get(d);
    if (i === undefined) {
      if (unknown !== implicit) return unknown;
      index.set(d, i = domain.push(d) - 1);
    }
    return range[i % range.length];
  }

  scale.domain = function(_) {
    if (!arguments.length) return domain.slice();
    domain = [], index = new InternMap();
    for (const value of _) {
      if (index.has(value)) continue;
      index.set(value, domain.push(value) - 1);
    }
    return scale;
  };

  scale.range = function(_) {
    return arguments.length ? (range = Array.from(_), scale) : range.slice();
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  scale.copy = function() {
    return ordinal(domain, range).unknown(unknown);
  };

  initRange.apply(scale, arguments);

  return scale;
}

function band() {
  var scale = ordinal().unknown(undefined),
      domain = scale.domain,
      ordinalRange = scale.range,
      r0 = 0,
      r1 = 1,
      step,
      bandwidth,
      round = false,
      paddingInner = 0,
      paddingOuter = 0,
      align = 0.5;

  delete scale.unknown;

  function rescale() {
    var n = domain().length,
        reverse = r1 < r0,
        start = reverse ? r1 : r0,
        stop = reverse ? r0 : r1;
    step = (stop - start) / Math.max(1, n - paddingInner + paddingOuter * 2);
    if (round) step = Math.floor(step);
    start += (stop - start - step * (n - paddingInner)) * align;
    bandwidth = step * (1 - paddingInner);
    if (round) start = Math.round(start), bandwidth = Math.round(bandwidth);
    var values = range(n).map(function(i) { return start + step * i; });
    return ordinalRange(reverse ? values.reverse() : values);
  }

  scale.domain = function(_) {
    return arguments.length ? (domain(_), rescale()) : domain();
  };

  scale.range = function(_) {
    return arguments.length ? ([r0, r1] = _, r0 = +r0, r1 = +r1, rescale()) : [r0, r1];
  };

  scale.rangeRound = function(_) {
    return [r0, r1] = _, r0 = +r0, r1 = +r1, round = true, rescale();
  };

  scale.bandwidth = function() {
    return bandwidth;
  };

  scale.step = function() {
    return step;
  };

  scale.round = function(_) {
    return arguments.length ? (round = !!_, rescale()) : round;
  };

  scale.padding = function(_) {
    return arguments.length ? (paddingInner = Math.min(1, paddingOuter = +_), rescale()) : paddingInner;
  };

  scale.paddingInner = function(_) {
    return arguments.length ? (paddingInner = Math.min(1, _), rescale()) : paddingInner;
  };

  scale.paddingOuter = function(_) {
    return arguments.length ? (paddingOuter = +_, rescale()) : paddingOuter;
  };

  scale.align = function(_) {
    return arguments.length ? (align = Math.max(0, Math.min(1, _)), rescale()) : align;
  };

  scale.copy = function() {
    return band(domain(), [r0, r1])
        .round(round)
        .paddingInner(paddingInner)
        .paddingOuter(paddingOuter)
        .align(align);
  };

  return initRange.apply(rescale(), arguments);
}

function pointish(scale) {
  var copy = scale.copy;

  scale.padding = scale.paddingOuter;
  delete scale.paddingInner;
  delete scale.paddingOuter;

  scale.copy = function() {
    return pointish(copy());
  };

  return scale;
}

function point() {
  return pointish(band.apply(null, arguments).paddingInner(1));
}

function constants(x) {
  return function() {
    return x;
  };
}

function number$1(x) {
  return +x;
}

var unit = [0, 1];

function identity$1(x) {
  return x;
}

function normalize(a, b) {
  return (b -= (a = +a))
      ? function(x) { return (x - a) / b; }
      : constants(isNaN(b) ? NaN : 0.5);
}

function clamper(a, b) {
  var t;
  if (a > b) t = a, a = b, b = t;
  return function(x) { return Math.max(a, Math.min(b, x)); };
}

// normalize(a, b)(x) takes a domain value x in [a,b] and returns the corresponding parameter t in [0,1].
// interpolate(a, b)(t) takes a parameter t in [0,1] and returns the corresponding range value x in [a,b].
function bimap(domain, range, interpolate) {
  var d0 = domain[0], d1 = domain[1], r0 = range[0], r1 = range[1];
  if (d1 < d0) d0 = normalize(d1, d0), r0 = interpolate(r1, r0);
  else d0 = normalize(d0, d1), r0 = interpolate(r0, r1);
  return function(x) { return r0(d0(x)); };
}

function polymap(domain, range, interpolate) {
  var j = Math.min(domain.length, range.length) - 1,
      d = new Array(j),
      r = new Array(j),
      i = -1;

  // Reverse descending domains.
  if (domain[j] < domain[0]) {
    domain = domain.slice().reverse();
    range = range.slice().reverse();
  }

  while (++i < j) {
    d[i] = normalize(domain[i], domain[i + 1]);
    r[i] = interpolate(range[i], range[i + 1]);
  }

  return function(x) {
    var i = bisectRight(domain, x, 1, j) - 1;
    return r[i](d[i](x));
  };
}

function copy$1(source, target) {
  return target
      .domain(source.domain())
      .range(source.range())
      .interpolate(source.interpolate())
      .clamp(source.clamp())
      .unknown(source.unknown());
}

function transformer$2() {
  var domain = unit,
      range = unit,
      interpolate$1 = value,
      transform,
      untransform,
      unknown,
      clamp = identity$1,
      piecewise,
      output,
      input;

  function rescale() {
    var n = Math.min(domain.length, range.length);
    if (clamp !== identity$1) clamp = clamper(domain[0], domain[n - 1]);
    piecewise = n > 2 ? polymap : bimap;
    output = input = null;
    return scale;
  }

  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : (output || (output = piecewise(domain.map(transform), range, interpolate$1)))(transform(clamp(x)));
  }

  scale.invert = function(y) {
    return clamp(untransform((input || (input = piecewise(range, domain.map(transform), d3_interpolate_number)))(y)));
  };

  scale.domain = function(_) {
    return arguments.length ? (domain = Array.from(_, number$1), rescale()) : domain.slice();
  };

  scale.range = function(_) {
    return arguments.length ? (range = Array.from(_), rescale()) : range.slice();
  };

  scale.rangeRound = function(_) {
    return range = Array.from(_), interpolate$1 = round, rescale();
  };

  scale.clamp = function(_) {
    return arguments.length ? (clamp = _ ? true : identity$1, rescale()) : clamp !== identity$1;
  };

  scale.interpolate = function(_) {
    return arguments.length ? (interpolate$1 = _, rescale()) : interpolate$1;
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  return function(t, u) {
    transform = t, untransform = u;
    return rescale();
  };
}

function continuous() {
  return transformer$2()(identity$1, identity$1);
}

function tickFormat(start, stop, count, specifier) {
  var step = tickStep(start, stop, count),
      precision;
  specifier = d3_format_formatSpecifier(specifier == null ? ",f" : specifier);
  switch (specifier.type) {
    case "s": {
      var value = Math.max(Math.abs(start), Math.abs(stop));
      if (specifier.precision == null && !isNaN(precision = precisionPrefix(step, value))) specifier.precision = precision;
      return formatPrefix(specifier, value);
    }
    case "":
    case "e":
    case "g":
    case "p":
    case "r": {
      if (specifier.precision == null && !isNaN(precision = precisionRound(step, Math.max(Math.abs(start), Math.abs(stop))))) specifier.precision = precision - (specifier.type === "e");
      break;
    }
    case "f":
    case "%": {
      if (specifier.precision == null && !isNaN(precision = precisionFixed(step))) specifier.precision = precision - (specifier.type === "%") * 2;
      break;
    }
  }
  return d3_format_format(specifier);
}

function linearish(scale) {
  var domain = scale.domain;

  scale.ticks = function(count) {
    var d = domain();
    return d3_array_ticks(d[0], d[d.length - 1], count == null ? 10 : count);
  };

  scale.tickFormat = function(count, specifier) {
    var d = domain();
    return tickFormat(d[0], d[d.length - 1], count == null ? 10 : count, specifier);
  };

  scale.nice = function(count) {
    if (count == null) count = 10;

    var d = domain();
    var i0 = 0;
    var i1 = d.length - 1;
    var start = d[i0];
    var stop = d[i1];
    var prestep;
    var step;
    var maxIter = 10;

    if (stop < start) {
      step = start, start = stop, stop = step;
      step = i0, i0 = i1, i1 = step;
    }
    
    while (maxIter-- > 0) {
      step = tickIncrement(start, stop, count);
      if (step === prestep) {
        d[i0] = start;
        d[i1] = stop;
        return domain(d);
      } else if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else {
        break;
      }
      prestep = step;
    }

    return scale;
  };

  return scale;
}

function d3_scale_linear() {
  var scale = continuous();

  scale.copy = function() {
    return copy$1(scale, d3_scale_linear());
  };

  initRange.apply(scale, arguments);

  return linearish(scale);
}

function d3_scale_identity(domain) {
  var unknown;

  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : x;
  }

  scale.invert = scale;

  scale.domain = scale.range = function(_) {
    return arguments.length ? (domain = Array.from(_, number$1), scale) : domain.slice();
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  scale.copy = function() {
    return d3_scale_identity(domain).unknown(unknown);
  };

  domain = arguments.length ? Array.from(domain, number$1) : [0, 1];

  return linearish(scale);
}

function d3_scale_nice(domain, interval) {
  domain = domain.slice();

  var i0 = 0,
      i1 = domain.length - 1,
      x0 = domain[i0],
      x1 = domain[i1],
      t;

  if (x1 < x0) {
    t = i0, i0 = i1, i1 = t;
    t = x0, x0 = x1, x1 = t;
  }

  domain[i0] = interval.floor(x0);
  domain[i1] = interval.ceil(x1);
  return domain;
}

function transformLog(x) {
  return Math.log(x);
}

function transformExp(x) {
  return Math.exp(x);
}

function transformLogn(x) {
  return -Math.log(-x);
}

function transformExpn(x) {
  return -Math.exp(-x);
}

function pow10(x) {
  return isFinite(x) ? +("1e" + x) : x < 0 ? 0 : x;
}

function powp(base) {
  return base === 10 ? pow10
      : base === Math.E ? Math.exp
      : x => Math.pow(base, x);
}

function logp(base) {
  return base === Math.E ? Math.log
      : base === 10 && Math.log10
      || base === 2 && Math.log2
      || (base = Math.log(base), x => Math.log(x) / base);
}

function reflect(f) {
  return (x, k) => -f(-x, k);
}

function loggish(transform) {
  const scale = transform(transformLog, transformExp);
  const domain = scale.domain;
  let base = 10;
  let logs;
  let pows;

  function rescale() {
    logs = logp(base), pows = powp(base);
    if (domain()[0] < 0) {
      logs = reflect(logs), pows = reflect(pows);
      transform(transformLogn, transformExpn);
    } else {
      transform(transformLog, transformExp);
    }
    return scale;
  }

  scale.base = function(_) {
    return arguments.length ? (base = +_, rescale()) : base;
  };

  scale.domain = function(_) {
    return arguments.length ? (domain(_), rescale()) : domain();
  };

  scale.ticks = count => {
    const d = domain();
    let u = d[0];
    let v = d[d.length - 1];
    const r = v < u;

    if (r) ([u, v] = [v, u]);

    let i = logs(u);
    let j = logs(v);
    let k;
    let t;
    const n = count == null ? 10 : +count;
    let z = [];

    if (!(base % 1) && j - i < n) {
      i = Math.floor(i), j = Math.ceil(j);
      if (u > 0) for (; i <= j; ++i) {
        for (k = 1; k < base; ++k) {
          t = i < 0 ? k / pows(-i) : k * pows(i);
          if (t < u) continue;
          if (t > v) break;
          z.push(t);
        }
      } else for (; i <= j; ++i) {
        for (k = base - 1; k >= 1; --k) {
          t = i > 0 ? k / pows(-i) : k * pows(i);
          if (t < u) continue;
          if (t > v) break;
          z.push(t);
        }
      }
      if (z.length * 2 < n) z = ticks(u, v, n);
    } else {
      z = ticks(i, j, Math.min(j - i, n)).map(pows);
    }
    return r ? z.reverse() : z;
  };

  scale.tickFormat = (count, specifier) => {
    if (count == null) count = 10;
    if (specifier == null) specifier = base === 10 ? "s" : ",";
    if (typeof specifier !== "function") {
      if (!(base % 1) && (specifier = formatSpecifier(specifier)).precision == null) specifier.trim = true;
      specifier = format(specifier);
    }
    if (count === Infinity) return specifier;
    const k = Math.max(1, base * count / scale.ticks().length); // TODO fast estimate?
    return d => {
      let i = d / pows(Math.round(logs(d)));
      if (i * base < base - 0.5) i *= base;
      return i <= k ? specifier(d) : "";
    };
  };

  scale.nice = () => {
    return domain(d3_scale_nice(domain(), {
      floor: x => pows(Math.floor(logs(x))),
      ceil: x => pows(Math.ceil(logs(x)))
    }));
  };

  return scale;
}

function log() {
  const scale = loggish(transformer$2()).domain([1, 10]);
  scale.copy = () => copy$1(scale, log()).base(scale.base());
  initRange.apply(scale, arguments);
  return scale;
}

function transformSymlog(c) {
  return function(x) {
    return Math.sign(x) * Math.log1p(Math.abs(x / c));
  };
}

function transformSymexp(c) {
  return function(x) {
    return Math.sign(x) * Math.expm1(Math.abs(x)) * c;
  };
}

function symlogish(transform) {
  var c = 1, scale = transform(transformSymlog(c), transformSymexp(c));

  scale.constant = function(_) {
    return arguments.length ? transform(transformSymlog(c = +_), transformSymexp(c)) : c;
  };

  return linearish(scale);
}

function symlog() {
  var scale = symlogish(transformer$2());

  scale.copy = function() {
    return copy$1(scale, symlog()).constant(scale.constant());
  };

  return initRange.apply(scale, arguments);
}

function transformPow(exponent) {
  return function(x) {
    return x < 0 ? -Math.pow(-x, exponent) : Math.pow(x, exponent);
  };
}

function transformSqrt(x) {
  return x < 0 ? -Math.sqrt(-x) : Math.sqrt(x);
}

function transformSquare(x) {
  return x < 0 ? -x * x : x * x;
}

function powish(transform) {
  var scale = transform(identity$1, identity$1),
      exponent = 1;

  function rescale() {
    return exponent === 1 ? transform(identity$1, identity$1)
        : exponent === 0.5 ? transform(transformSqrt, transformSquare)
        : transform(transformPow(exponent), transformPow(1 / exponent));
  }

  scale.exponent = function(_) {
    return arguments.length ? (exponent = +_, rescale()) : exponent;
  };

  return linearish(scale);
}

function pow() {
  var scale = powish(transformer$2());

  scale.copy = function() {
    return copy$1(scale, pow()).exponent(scale.exponent());
  };

  initRange.apply(scale, arguments);

  return scale;
}

function sqrt() {
  return pow.apply(null, arguments).exponent(0.5);
}

function square(x) {
  return Math.sign(x) * x * x;
}

function unsquare(x) {
  return Math.sign(x) * Math.sqrt(Math.abs(x));
}

function radial() {
  var squared = continuous(),
      range = [0, 1],
      round = false,
      unknown;

  function scale(x) {
    var y = unsquare(squared(x));
    return isNaN(y) ? unknown : round ? Math.round(y) : y;
  }

  scale.invert = function(y) {
    return squared.invert(square(y));
  };

  scale.domain = function(_) {
    return arguments.length ? (squared.domain(_), scale) : squared.domain();
  };

  scale.range = function(_) {
    return arguments.length ? (squared.range((range = Array.from(_, number$1)).map(square)), scale) : range.slice();
  };

  scale.rangeRound = function(_) {
    return scale.range(_).round(true);
  };

  scale.round = function(_) {
    return arguments.length ? (round = !!_, scale) : round;
  };

  scale.clamp = function(_) {
    return arguments.length ? (squared.clamp(_), scale) : squared.clamp();
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  scale.copy = function() {
    return radial(squared.domain(), range)
        .round(round)
        .clamp(squared.clamp())
        .unknown(unknown);
  };

  initRange.apply(scale, arguments);

  return linearish(scale);
}

function d3_scale_quantile() {
  var domain = [],
      range = [],
      thresholds = [],
      unknown;

  function rescale() {
    var i = 0, n = Math.max(1, range.length);
    thresholds = new Array(n - 1);
    while (++i < n) thresholds[i - 1] = quantileSorted(domain, i / n);
    return scale;
  }

  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : range[bisect(thresholds, x)];
  }

  scale.invertExtent = function(y) {
    var i = range.indexOf(y);
    return i < 0 ? [NaN, NaN] : [
      i > 0 ? thresholds[i - 1] : domain[0],
      i < thresholds.length ? thresholds[i] : domain[domain.length - 1]
    ];
  };

  scale.domain = function(_) {
    if (!arguments.length) return domain.slice();
    domain = [];
    for (let d of _) if (d != null && !isNaN(d = +d)) domain.push(d);
    domain.sort(ascending);
    return rescale();
  };

  scale.range = function(_) {
    return arguments.length ? (range = Array.from(_), rescale()) : range.slice();
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  scale.quantiles = function() {
    return thresholds.slice();
  };

  scale.copy = function() {
    return d3_scale_quantile()
        .domain(domain)
        .range(range)
        .unknown(unknown);
  };

  return initRange.apply(scale, arguments);
}

function d3_scale_quantize() {
  var x0 = 0,
      x1 = 1,
      n = 1,
      domain = [0.5],
      range = [0, 1],
      unknown;

  function scale(x) {
    return x != null && x <= x ? range[bisect(domain, x, 0, n)] : unknown;
  }

  function rescale() {
    var i = -1;
    domain = new Array(n);
    while (++i < n) domain[i] = ((i + 1) * x1 - (i - n) * x0) / (n + 1);
    return scale;
  }

  scale.domain = function(_) {
    return arguments.length ? ([x0, x1] = _, x0 = +x0, x1 = +x1, rescale()) : [x0, x1];
  };

  scale.range = function(_) {
    return arguments.length ? (n = (range = Array.from(_)).length - 1, rescale()) : range.slice();
  };

  scale.invertExtent = function(y) {
    var i = range.indexOf(y);
    return i < 0 ? [NaN, NaN]
        : i < 1 ? [x0, domain[0]]
        : i >= n ? [domain[n - 1], x1]
        : [domain[i - 1], domain[i]];
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : scale;
  };

  scale.thresholds = function() {
    return domain.slice();
  };

  scale.copy = function() {
    return d3_scale_quantize()
        .domain([x0, x1])
        .range(range)
        .unknown(unknown);
  };

  return initRange.apply(linearish(scale), arguments);
}

function threshold() {
  var domain = [0.5],
      range = [0, 1],
      unknown,
      n = 1;

  function scale(x) {
    return x != null && x <= x ? range[bisect(domain, x, 0, n)] : unknown;
  }

  scale.domain = function(_) {
    return arguments.length ? (domain = Array.from(_), n = Math.min(domain.length, range.length - 1), scale) : domain.slice();
  };

  scale.range = function(_) {
    return arguments.length ? (range = Array.from(_), n = Math.min(domain.length, range.length - 1), scale) : range.slice();
  };

  scale.invertExtent = function(y) {
    var i = range.indexOf(y);
    return [domain[i - 1], domain[i]];
  };

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  scale.copy = function() {
    return threshold()
        .domain(domain)
        .range(range)
        .unknown(unknown);
  };

  return initRange.apply(scale, arguments);
}

function d3_scale_date(t) {
  return new Date(t);
}

function d3_scale_number(t) {
  return t instanceof Date ? +t : Math.round(t);
}

function calendar(ticks, tickInterval, year, month, week, day, hour, minute, second, format) {
  var scale = continuous(),
      invert = scale.invert,
      domain = scale.domain;

  var formatMillisecond = format(".%L"),
      formatSecond = format(":%S"),
      formatMinute = format("%I:%M"),
      formatHour = format("%I %p"),
      formatDay = format("%a %d"),
      formatWeek = format("%b %d"),
      formatMonth = format("%B"),
      formatYear = format("%Y");

  function tickFormat(date) {
    return (second(date) < date ? formatMillisecond
        : minute(date) < date ? formatSecond
        : hour(date) < date ? formatMinute
        : day(date) < date ? formatHour
        : month(date) < date ? (week(date) < date ? formatDay : formatWeek)
        : year(date) < date ? formatMonth
        : formatYear)(date);
  }

  scale.invert = function(y) {
    return new Date(Math.round(invert(y)));
  };

  scale.domain = function(_) {
    return arguments.length ? domain(Array.from(_, d3_scale_number)) : domain().map(d3_scale_date);
  };

  scale.ticks = function(interval) {
    var d = domain();
    return ticks(d[0], d[d.length - 1], interval == null ? 10 : interval);
  };

  scale.tickFormat = function(count, specifier) {
    return specifier == null ? tickFormat : format(specifier);
  };

  scale.nice = function(interval) {
    var d = domain();
    if (!interval || typeof interval.range !== "function") interval = tickInterval(d[0], d[d.length - 1], interval == null ? 10 : interval);
    return interval ? domain(d3_scale_nice(d, interval)) : scale;
  };

  scale.copy = function() {
    return copy$1(scale, calendar(ticks, tickInterval, year, month, week, day, hour, minute, second, format));
  };

  return scale;
}

function time() {
  return initRange.apply(calendar(timeTicks, timeTickInterval, timeYear, timeMonth, timeWeek, timeDay, timeHour, timeMinute, timeSecond, timeFormat).domain([new Date(2000, 0, 1), new Date(2000, 0, 2)]), arguments);
}

function utcTime() {
  return initRange.apply(calendar(utcTicks, utcTickInterval, utcYear, utcMonth, utcWeek, utcDay, utcHour, utcMinute, utcSecond, utcFormat).domain([Date.UTC(2000, 0, 1), Date.UTC(2000, 0, 2)]), arguments);
}

function transformer$1() {
  var x0 = 0,
      x1 = 1,
      t0,
      t1,
      k10,
      transform,
      interpolator = identity$1,
      clamp = false,
      unknown;

  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : interpolator(k10 === 0 ? 0.5 : (x = (transform(x) - t0) * k10, clamp ? Math.max(0, Math.min(1, x)) : x));
  }

  scale.domain = function(_) {
    return arguments.length ? ([x0, x1] = _, t0 = transform(x0 = +x0), t1 = transform(x1 = +x1), k10 = t0 === t1 ? 0 : 1 / (t1 - t0), scale) : [x0, x1];
  };

  scale.clamp = function(_) {
    return arguments.length ? (clamp = !!_, scale) : clamp;
  };

  scale.interpolator = function(_) {
    return arguments.length ? (interpolator = _, scale) : interpolator;
  };

  function range(interpolate) {
    return function(_) {
      var r0, r1;
      return arguments.length ? ([r0, r1] = _, interpolator = interpolate(r0, r1), scale) : [interpolator(0), interpolator(1)];
    };
  }

  scale.range = range(interpolate);

  scale.rangeRound = range(interpolateRound);

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  return function(t) {
    transform = t, t0 = t(x0), t1 = t(x1), k10 = t0 === t1 ? 0 : 1 / (t1 - t0);
    return scale;
  };
}

function copy(source, target) {
  return target
      .domain(source.domain())
      .interpolator(source.interpolator())
      .clamp(source.clamp())
      .unknown(source.unknown());
}

function sequential() {
  var scale = linearish(transformer$1()(identity$1));

  scale.copy = function() {
    return copy(scale, sequential());
  };

  return initInterpolator.apply(scale, arguments);
}

function sequentialLog() {
  var scale = loggish(transformer$1()).domain([1, 10]);

  scale.copy = function() {
    return copy(scale, sequentialLog()).base(scale.base());
  };

  return initInterpolator.apply(scale, arguments);
}

function sequentialSymlog() {
  var scale = symlogish(transformer$1());

  scale.copy = function() {
    return copy(scale, sequentialSymlog()).constant(scale.constant());
  };

  return initInterpolator.apply(scale, arguments);
}

function sequentialPow() {
  var scale = powish(transformer$1());

  scale.copy = function() {
    return copy(scale, sequentialPow()).exponent(scale.exponent());
  };

  return initInterpolator.apply(scale, arguments);
}

function sequentialSqrt() {
  return sequentialPow.apply(null, arguments).exponent(0.5);
}

function sequentialQuantile() {
  var domain = [],
      interpolator = identity$1;

  function scale(x) {
    if (x != null && !isNaN(x = +x)) return interpolator((bisect(domain, x, 1) - 1) / (domain.length - 1));
  }

  scale.domain = function(_) {
    if (!arguments.length) return domain.slice();
    domain = [];
    for (let d of _) if (d != null && !isNaN(d = +d)) domain.push(d);
    domain.sort(ascending);
    return scale;
  };

  scale.interpolator = function(_) {
    return arguments.length ? (interpolator = _, scale) : interpolator;
  };

  scale.range = function() {
    return domain.map((d, i) => interpolator(i / (domain.length - 1)));
  };

  scale.quantiles = function(n) {
    return Array.from({length: n + 1}, (_, i) => quantile$1(domain, i / n));
  };

  scale.copy = function() {
    return sequentialQuantile(interpolator).domain(domain);
  };

  return initInterpolator.apply(scale, arguments);
}

function transformer() {
  var x0 = 0,
      x1 = 0.5,
      x2 = 1,
      s = 1,
      t0,
      t1,
      t2,
      k10,
      k21,
      interpolator = identity$1,
      transform,
      clamp = false,
      unknown;

  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : (x = 0.5 + ((x = +transform(x)) - t1) * (s * x < s * t1 ? k10 : k21), interpolator(clamp ? Math.max(0, Math.min(1, x)) : x));
  }

  scale.domain = function(_) {
    return arguments.length ? ([x0, x1, x2] = _, t0 = transform(x0 = +x0), t1 = transform(x1 = +x1), t2 = transform(x2 = +x2), k10 = t0 === t1 ? 0 : 0.5 / (t1 - t0), k21 = t1 === t2 ? 0 : 0.5 / (t2 - t1), s = t1 < t0 ? -1 : 1, scale) : [x0, x1, x2];
  };

  scale.clamp = function(_) {
    return arguments.length ? (clamp = !!_, scale) : clamp;
  };

  scale.interpolator = function(_) {
    return arguments.length ? (interpolator = _, scale) : interpolator;
  };

  function range(interpolate) {
    return function(_) {
      var r0, r1, r2;
      return arguments.length ? ([r0, r1, r2] = _, interpolator = piecewise(interpolate, [r0, r1, r2]), scale) : [interpolator(0), interpolator(0.5), interpolator(1)];
    };
  }

  scale.range = range(interpolate);

  scale.rangeRound = range(interpolateRound);

  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };

  return function(t) {
    transform = t, t0 = t(x0), t1 = t(x1), t2 = t(x2), k10 = t0 === t1 ? 0 : 0.5 / (t1 - t0), k21 = t1 === t2 ? 0 : 0.5 / (t2 - t1), s = t1 < t0 ? -1 : 1;
    return scale;
  };
}

function diverging() {
  var scale = linearish(transformer()(identity$1));

  scale.copy = function() {
    return copy(scale, diverging());
  };

  return initInterpolator.apply(scale, arguments);
}

function divergingLog() {
  var scale = loggish(transformer()).domain([0.1, 1, 10]);

  scale.copy = function() {
    return copy(scale, divergingLog()).base(scale.base());
  };

  return initInterpolator.apply(scale, arguments);
}

function divergingSymlog() {
  var scale = symlogish(transformer());

  scale.copy = function() {
    return copy(scale, divergingSymlog()).constant(scale.constant());
  };

  return initInterpolator.apply(scale, arguments);
}

function divergingPow() {
  var scale = powish(transformer());

  scale.copy = function() {
    return copy(scale, divergingPow()).exponent(scale.exponent());
  };

  return initInterpolator.apply(scale, arguments);
}

function divergingSqrt() {
  return divergingPow.apply(null, arguments).exponent(0.5);
}



// EXTERNAL MODULE: ./node_modules/d3-shape/dist/d3-shape.mjs + 1 modules
var d3_shape = __webpack_require__(6879);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/html-page.js
var html_page = __webpack_require__(6708);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/chart-frame.js
var chart_frame = __webpack_require__(2634);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/svg-text.js
var svg_text = __webpack_require__(1170);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/charts.js





const DEFAULT_HEIGHT = 320;
const GRID_COLOR = "#e6eaef";
const TICKS = 5;
const finitePoint = (point) => Number.isFinite(point[0]) && Number.isFinite(point[1]);
function charts_extent(values) {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (finite.length === 0) [low, high] = [0, 1];
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    [low, high] = [low - pad, high + pad];
  }
  return [low, high];
}
function linearScale(domain, values, range) {
  const given = domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) ? domain : void 0;
  const scale = d3_scale_linear().domain(given && given[0] !== given[1] ? [...given] : charts_extent(values)).range([...range]);
  return given ? scale : scale.nice(TICKS);
}
function axes(x, y, box, xLabel, yLabel) {
  const parts = [];
  const xFormat = x.tickFormat(TICKS);
  for (const tick of x.ticks(TICKS)) {
    const at = (0,svg_text/* num */.bu)(x(tick));
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${(0,svg_text/* num */.bu)(box.top)}" y2="${(0,svg_text/* num */.bu)(box.bottom)}" stroke="${GRID_COLOR}"/>`,
      `<text class="tick x" x="${at}" y="${(0,svg_text/* num */.bu)(box.bottom + 14)}" text-anchor="middle" font-size="${chart_frame/* FONT */.mE}" fill="${chart_frame/* AXIS_COLOR */.cF}">${(0,html_page/* escapeHtml */.ZD)(xFormat(tick))}</text>`
    );
  }
  if (yLabel !== void 0) {
    const yFormat = y.tickFormat(TICKS);
    for (const tick of y.ticks(TICKS)) {
      const at = (0,svg_text/* num */.bu)(y(tick));
      parts.push(
        `<line x1="${(0,svg_text/* num */.bu)(box.left)}" x2="${(0,svg_text/* num */.bu)(box.right)}" y1="${at}" y2="${at}" stroke="${GRID_COLOR}"/>`,
        `<text class="tick y" x="${(0,svg_text/* num */.bu)(box.left - 4)}" y="${(0,svg_text/* num */.bu)(y(tick) + 4)}" text-anchor="end" font-size="${chart_frame/* FONT */.mE}" fill="${chart_frame/* AXIS_COLOR */.cF}">${(0,html_page/* escapeHtml */.ZD)(yFormat(tick))}</text>`
      );
    }
    const middle = (box.top + box.bottom) / 2;
    parts.push(
      (0,svg_text/* svgText */.i9)(
        yLabel,
        `x="12" y="${(0,svg_text/* num */.bu)(middle)}" transform="rotate(-90 12 ${(0,svg_text/* num */.bu)(middle)})" text-anchor="middle" font-size="${chart_frame/* FONT */.mE}" fill="#1f2328"`,
        { maxWidth: box.bottom - box.top, fontSize: chart_frame/* FONT */.mE }
      )
    );
  }
  parts.push(
    `<path class="axis" d="M${(0,svg_text/* num */.bu)(box.left)},${(0,svg_text/* num */.bu)(box.top)}V${(0,svg_text/* num */.bu)(box.bottom)}H${(0,svg_text/* num */.bu)(box.right)}" fill="none" stroke="${chart_frame/* AXIS_COLOR */.cF}"/>`,
    (0,svg_text/* svgText */.i9)(
      xLabel,
      `x="${(0,svg_text/* num */.bu)((box.left + box.right) / 2)}" y="${(0,svg_text/* num */.bu)(box.bottom + 32)}" text-anchor="middle" font-size="${chart_frame/* FONT */.mE}" fill="#1f2328"`,
      { maxWidth: box.right - box.left, fontSize: chart_frame/* FONT */.mE }
    )
  );
  return parts.join("\n");
}
function diagonalLine(x, y) {
  const [x0, x1] = x.domain();
  const [y0, y1] = y.domain();
  const from = Math.max(x0, y0);
  const to = Math.min(x1, y1);
  if (!(from < to)) return "";
  return `<line class="diagonal" x1="${(0,svg_text/* num */.bu)(x(from))}" y1="${(0,svg_text/* num */.bu)(y(from))}" x2="${(0,svg_text/* num */.bu)(x(to))}" y2="${(0,svg_text/* num */.bu)(y(to))}" stroke="${chart_frame/* AXIS_COLOR */.cF}" stroke-dasharray="2 3"/>`;
}
function clipPath(id, box) {
  return `<clipPath id="${id}"><rect x="${(0,svg_text/* num */.bu)(box.left)}" y="${(0,svg_text/* num */.bu)(box.top)}" width="${(0,svg_text/* num */.bu)(box.right - box.left)}" height="${(0,svg_text/* num */.bu)(box.bottom - box.top)}"/></clipPath>`;
}
const LEGEND_ROW = 16;
const LEGEND_SAMPLE = 22;
const LEGEND_LABEL_MAX = 150;
function legend(entries, top, width) {
  const parts = ['<g class="legend">'];
  let x = 8;
  let row = 0;
  for (const entry of entries) {
    const label = (0,svg_text/* fitText */.vY)(entry.label, LEGEND_LABEL_MAX, chart_frame/* FONT */.mE);
    const itemWidth = LEGEND_SAMPLE + 4 + (0,svg_text/* textWidth */.sc)(label, chart_frame/* FONT */.mE) + 12;
    if (x > 8 && x + itemWidth > width - 8) {
      row += 1;
      x = 8;
    }
    const y = top + row * LEGEND_ROW + 8;
    parts.push(
      `<line x1="${(0,svg_text/* num */.bu)(x)}" x2="${(0,svg_text/* num */.bu)(x + LEGEND_SAMPLE)}" y1="${(0,svg_text/* num */.bu)(y)}" y2="${(0,svg_text/* num */.bu)(y)}" stroke="${(0,html_page/* escapeHtml */.ZD)(entry.color)}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${(0,html_page/* escapeHtml */.ZD)(entry.dash)}"` : ""}/>`,
      (0,svg_text/* svgText */.i9)(
        entry.label,
        `x="${(0,svg_text/* num */.bu)(x + LEGEND_SAMPLE + 4)}" y="${(0,svg_text/* num */.bu)(y + 4)}" font-size="${chart_frame/* FONT */.mE}" fill="#1f2328"`,
        { maxWidth: LEGEND_LABEL_MAX, fontSize: chart_frame/* FONT */.mE }
      )
    );
    x += itemWidth;
  }
  parts.push("</g>");
  return [(row + 1) * LEGEND_ROW + 4, parts.join("\n")];
}
function leftMargin(y) {
  const format = y.tickFormat(TICKS);
  const widest = Math.max(0, ...y.ticks(TICKS).map((tick) => (0,svg_text/* textWidth */.sc)(format(tick), chart_frame/* FONT */.mE)));
  return Math.ceil(widest) + 28;
}
function lineChartSvg(spec) {
  const width = spec.width ?? chart_frame/* DEFAULT_WIDTH */.jz;
  const plotted = spec.series.map((series) => ({ ...series, points: series.points.filter(finitePoint) })).filter((series) => series.points.length > 0);
  if (plotted.length === 0) return (0,chart_frame/* noDataSvg */.s1)("line", spec.title, width);
  const styled = plotted.map((series, index) => ({
    ...series,
    color: series.color ?? html_page/* PALETTE */.Ab[index % html_page/* PALETTE */.Ab.length] ?? "#000000",
    dash: series.dash ?? html_page/* DASHES */.jJ[index % html_page/* DASHES */.jJ.length] ?? ""
  }));
  const prefix = (0,svg_text/* idPrefix */.m0)("line", spec.title, spec);
  const legendRows = styled.length > 1;
  const [legendHeight, legendSvg] = legendRows ? legend(styled, (spec.height ?? DEFAULT_HEIGHT) - 4, width) : [0, ""];
  const height = (spec.height ?? DEFAULT_HEIGHT) + legendHeight;
  const allPoints = styled.flatMap((series) => series.points);
  const probe = linearScale(
    spec.yDomain,
    allPoints.map((point) => point[1]),
    [0, 1]
  );
  const box = {
    left: leftMargin(probe),
    top: 30,
    right: width - 16,
    bottom: height - legendHeight - 44
  };
  const x = linearScale(
    spec.xDomain,
    allPoints.map((point) => point[0]),
    [box.left, box.right]
  );
  const y = linearScale(
    spec.yDomain,
    allPoints.map((point) => point[1]),
    [box.bottom, box.top]
  );
  const path = (0,d3_shape/* line */.n8)().x((point) => Math.round(x(point[0]) * 100) / 100).y((point) => Math.round(y(point[1]) * 100) / 100).digits(2);
  const clipId = `${prefix}-clip`;
  const body = [
    `<defs>${clipPath(clipId, box)}</defs>`,
    axes(x, y, box, spec.xLabel, spec.yLabel),
    spec.diagonal ? diagonalLine(x, y) : "",
    `<g clip-path="url(#${clipId})">`,
    ...styled.map(
      (series) => `<path class="series" data-label="${(0,html_page/* escapeHtml */.ZD)(series.label)}" d="${path(series.points) ?? ""}" fill="none" stroke="${(0,html_page/* escapeHtml */.ZD)(series.color)}" stroke-width="2"${series.dash ? ` stroke-dasharray="${(0,html_page/* escapeHtml */.ZD)(series.dash)}"` : ""}><title>${(0,html_page/* escapeHtml */.ZD)(series.label)}</title></path>`
    ),
    "</g>",
    legendSvg
  ].filter((part) => part !== "");
  const names = styled.map((series) => series.label).join(", ");
  const description = `${spec.title}: ${spec.yLabel} against ${spec.xLabel}, ${styled.length} series (${names})`;
  return (0,chart_frame/* chartSvg */.nS)("line", prefix, spec.title, description, width, height, body.join("\n"));
}
function scatterSvg(spec) {
  const width = spec.width ?? chart_frame/* DEFAULT_WIDTH */.jz;
  const height = spec.height ?? DEFAULT_HEIGHT;
  const points = spec.points.filter(finitePoint);
  if (points.length === 0) return (0,chart_frame/* noDataSvg */.s1)("scatter", spec.title, width);
  const prefix = (0,svg_text/* idPrefix */.m0)("scatter", spec.title, spec);
  const shared = spec.diagonal ? charts_extent(points.flat()) : void 0;
  const ys = points.map((point) => point[1]);
  const probe = linearScale(shared, ys, [0, 1]);
  const box = { left: leftMargin(probe), top: 30, right: width - 16, bottom: height - 44 };
  const xValues = points.map((point) => point[0]);
  const x = linearScale(void 0, shared ?? xValues, [box.left, box.right]);
  const y = linearScale(void 0, shared ?? ys, [box.bottom, box.top]);
  const clipId = `${prefix}-clip`;
  const body = [
    `<defs>${clipPath(clipId, box)}</defs>`,
    axes(x, y, box, spec.xLabel, spec.yLabel),
    spec.diagonal ? diagonalLine(x, y) : "",
    `<g class="points" clip-path="url(#${clipId})" fill="${html_page/* PALETTE */.Ab[0]}" fill-opacity="0.55">`,
    ...points.map((point) => `<circle cx="${(0,svg_text/* num */.bu)(x(point[0]))}" cy="${(0,svg_text/* num */.bu)(y(point[1]))}" r="2.5"/>`),
    "</g>"
  ].filter((part) => part !== "");
  const description = `${spec.title}: ${spec.yLabel} against ${spec.xLabel}, ${points.length} points`;
  return (0,chart_frame/* chartSvg */.nS)("scatter", prefix, spec.title, description, width, height, body.join("\n"));
}
const BAR_HEIGHT = 16;
const BAR_GAP = 6;
const BAR_LABEL_MAX = 150;
function barChartSvg(spec) {
  const width = spec.width ?? chart_frame/* DEFAULT_WIDTH */.jz;
  const bars = spec.bars.filter((bar) => Number.isFinite(bar.value)).map((bar) => ({
    label: bar.label,
    value: bar.value,
    error: bar.error !== void 0 && Number.isFinite(bar.error) ? Math.abs(bar.error) : 0
  }));
  if (bars.length === 0) return (0,chart_frame/* noDataSvg */.s1)("bar", spec.title, width);
  const prefix = (0,svg_text/* idPrefix */.m0)("bar", spec.title, spec);
  const labels = bars.map((bar) => (0,svg_text/* fitText */.vY)(bar.label, BAR_LABEL_MAX, chart_frame/* FONT */.mE));
  const labelWidth = Math.max(...labels.map((label) => (0,svg_text/* textWidth */.sc)(label, chart_frame/* FONT */.mE)));
  const box = {
    left: Math.ceil(labelWidth) + 16,
    top: 30,
    right: width - 16,
    bottom: 30 + bars.length * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
  };
  const height = box.bottom + 44;
  const reach = bars.flatMap((bar) => [bar.value - bar.error, bar.value + bar.error, 0]);
  const x = linearScale(void 0, reach, [box.left, box.right]);
  const y = d3_scale_linear().domain([0, 1]).range([box.bottom, box.top]);
  const zero = (0,svg_text/* num */.bu)(x(0));
  const body = [axes(x, y, box, spec.xLabel, void 0)];
  bars.forEach((bar, index) => {
    const top = box.top + BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
    const start = Math.min(x(0), x(bar.value));
    const middle = top + BAR_HEIGHT / 2;
    const tooltip = `${bar.label}: ${bar.value}${bar.error ? ` \xB1 ${bar.error}` : ""}`;
    body.push(
      `<g class="bar" data-label="${(0,html_page/* escapeHtml */.ZD)(bar.label)}">`,
      `<title>${(0,html_page/* escapeHtml */.ZD)(tooltip)}</title>`,
      (0,svg_text/* svgText */.i9)(
        bar.label,
        `x="${(0,svg_text/* num */.bu)(box.left - 6)}" y="${(0,svg_text/* num */.bu)(middle + 4)}" text-anchor="end" font-size="${chart_frame/* FONT */.mE}" fill="#1f2328"`,
        { maxWidth: BAR_LABEL_MAX, fontSize: chart_frame/* FONT */.mE }
      ),
      `<rect x="${(0,svg_text/* num */.bu)(start)}" y="${(0,svg_text/* num */.bu)(top)}" width="${(0,svg_text/* num */.bu)(Math.abs(x(bar.value) - x(0)))}" height="${BAR_HEIGHT}" fill="${html_page/* PALETTE */.Ab[0]}"/>`
    );
    if (bar.error > 0) {
      const low = (0,svg_text/* num */.bu)(x(bar.value - bar.error));
      const high = (0,svg_text/* num */.bu)(x(bar.value + bar.error));
      body.push(
        `<path class="whisker" d="M${low},${(0,svg_text/* num */.bu)(middle)}H${high}M${low},${(0,svg_text/* num */.bu)(middle - 4)}V${(0,svg_text/* num */.bu)(middle + 4)}M${high},${(0,svg_text/* num */.bu)(middle - 4)}V${(0,svg_text/* num */.bu)(middle + 4)}" stroke="#1f2328" fill="none"/>`
      );
    }
    body.push("</g>");
  });
  body.push(
    `<line x1="${zero}" x2="${zero}" y1="${(0,svg_text/* num */.bu)(box.top)}" y2="${(0,svg_text/* num */.bu)(box.bottom)}" stroke="${chart_frame/* AXIS_COLOR */.cF}"/>`
  );
  const description = `${spec.title}: ${bars.length} bars of ${spec.xLabel}, ${bars.slice(0, 3).map((bar) => bar.label).join(", ")}${bars.length > 3 ? " and more" : ""}`;
  return (0,chart_frame/* chartSvg */.nS)("bar", prefix, spec.title, description, width, height, body.join("\n"));
}
function histogramSvg(spec) {
  const width = spec.width ?? chart_frame/* DEFAULT_WIDTH */.jz;
  const height = spec.height ?? DEFAULT_HEIGHT;
  const bins = spec.counts.map((count, index) => ({ count, low: spec.edges[index], high: spec.edges[index + 1] })).filter(
    (bin) => Number.isFinite(bin.count) && bin.low !== void 0 && bin.high !== void 0 && Number.isFinite(bin.low) && Number.isFinite(bin.high)
  );
  if (bins.length === 0) return (0,chart_frame/* noDataSvg */.s1)("histogram", spec.title, width);
  const prefix = (0,svg_text/* idPrefix */.m0)("histogram", spec.title, spec);
  const counts = [0, ...bins.map((bin) => bin.count)];
  const probe = linearScale(void 0, counts, [0, 1]);
  const box = { left: leftMargin(probe), top: 30, right: width - 16, bottom: height - 44 };
  const x = linearScale(
    void 0,
    bins.flatMap((bin) => [bin.low, bin.high]),
    [box.left, box.right]
  );
  const y = linearScale(void 0, counts, [box.bottom, box.top]);
  const body = [
    axes(x, y, box, spec.xLabel, "count"),
    `<g class="bins" fill="${html_page/* PALETTE */.Ab[0]}" stroke="#ffffff">`,
    ...bins.map((bin) => {
      const left = x(Math.min(bin.low, bin.high));
      const right = x(Math.max(bin.low, bin.high));
      return `<rect x="${(0,svg_text/* num */.bu)(left)}" y="${(0,svg_text/* num */.bu)(y(Math.max(bin.count, 0)))}" width="${(0,svg_text/* num */.bu)(right - left)}" height="${(0,svg_text/* num */.bu)(Math.abs(y(0) - y(bin.count)))}"><title>${(0,html_page/* escapeHtml */.ZD)(`${bin.low} to ${bin.high}: ${bin.count}`)}</title></rect>`;
    }),
    "</g>"
  ];
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const description = `${spec.title}: histogram of ${spec.xLabel}, ${bins.length} bins, ${total} values`;
  return (0,chart_frame/* chartSvg */.nS)("histogram", prefix, spec.title, description, width, height, body.join("\n"));
}



/***/ }),

/***/ 9290:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ confusionMatrixSvg)
/* harmony export */ });
/* harmony import */ var _html_page_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6708);
/* harmony import */ var _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2634);
/* harmony import */ var _svg_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1170);



const BLUES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [value >> 16 & 255, value >> 8 & 255, value & 255];
}
function blueShade(share) {
  const position = Math.min(Math.max(share, 0), 1) * (BLUES.length - 1);
  const index = Math.min(Math.floor(position), BLUES.length - 2);
  const from = hexToRgb(BLUES[index] ?? BLUES[0]);
  const to = hexToRgb(BLUES[index + 1] ?? BLUES[0]);
  const t = position - index;
  return [0, 1, 2].map(
    (channel) => Math.round((from[channel] ?? 0) + ((to[channel] ?? 0) - (from[channel] ?? 0)) * t)
  );
}
function relativeLuminance([r, g, b]) {
  const linear = (value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
const DARK_TEXT = "#1f2328";
const DARK_TEXT_LUMINANCE = relativeLuminance(hexToRgb(DARK_TEXT));
function textOn(fill) {
  const background = relativeLuminance(fill);
  const againstDark = (background + 0.05) / (DARK_TEXT_LUMINANCE + 0.05);
  const againstWhite = 1.05 / (background + 0.05);
  return againstWhite > againstDark ? "#ffffff" : DARK_TEXT;
}
const cellCount = (matrix, row, column) => {
  const value = matrix?.[row]?.[column];
  return value !== void 0 && Number.isFinite(value) ? value : void 0;
};
const HEADER_MAX = 110;
function confusionMatrixSvg(spec) {
  const classes = spec.classes;
  if (classes.length === 0 || spec.matrix.length === 0)
    return (0,_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .noDataSvg */ .s1)("confusion", spec.title, _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_WIDTH */ .jz);
  const prefix = (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .idPrefix */ .m0)("confusion", spec.title, spec);
  const count = classes.length;
  const cell = Math.max(34, Math.min(60, Math.floor(360 / count)));
  const rowHeaderWidth = Math.ceil(
    Math.max(
      ...classes.map((name) => (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .textWidth */ .sc)((0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .fitText */ .vY)(name, HEADER_MAX, _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE), _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE)),
      (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .textWidth */ .sc)("Total", _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE, true)
    )
  );
  const left = 24 + rowHeaderWidth + 8;
  const top = 30 + 16 + 18;
  const width = left + (count + 1) * cell + 12;
  const height = top + (count + 1) * cell + 12;
  const rowTotals = classes.map(
    (_, row) => classes.reduce((sum, __, column) => sum + (cellCount(spec.matrix, row, column) ?? 0), 0)
  );
  const columnTotals = classes.map(
    (_, column) => classes.reduce((sum, __, row) => sum + (cellCount(spec.matrix, row, column) ?? 0), 0)
  );
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const headerFit = { maxWidth: cell - 4, fontSize: _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE };
  const body = [
    `<text x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(left + count * cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top - 22)}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" font-weight="600" fill="#1f2328">predicted</text>`,
    `<text x="12" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top + count * cell / 2)}" transform="rotate(-90 12 ${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top + count * cell / 2)})" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" font-weight="600" fill="#1f2328">actual</text>`
  ];
  classes.forEach((name, index) => {
    body.push(
      (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .svgText */ .i9)(
        name,
        `class="column-header" x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(left + index * cell + cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top - 6)}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" fill="#1f2328"`,
        headerFit
      ),
      (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .svgText */ .i9)(
        name,
        `class="row-header" x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(left - 6)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top + index * cell + cell / 2 + 4)}" text-anchor="end" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" fill="#1f2328"`,
        { maxWidth: HEADER_MAX, fontSize: _chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE }
      )
    );
  });
  body.push(
    `<text x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(left + count * cell + cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top - 6)}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" font-weight="600" fill="#1f2328">Total</text>`,
    `<text x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(left - 6)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(top + count * cell + cell / 2 + 4)}" text-anchor="end" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" font-weight="600" fill="#1f2328">Total</text>`
  );
  classes.forEach((actual, row) => {
    classes.forEach((predicted, column) => {
      const value = cellCount(spec.matrix, row, column);
      const rowTotal = rowTotals[row] ?? 0;
      const share = value !== void 0 && rowTotal > 0 ? value / rowTotal : 0;
      const fill = blueShade(share);
      const x = left + column * cell;
      const y = top + row * cell;
      const base = cellCount(spec.baseline, row, column);
      const difference = value !== void 0 && base !== void 0 ? value - base : void 0;
      const differenceText = difference === void 0 ? "" : difference === 0 ? "\xB10" : difference > 0 ? `+${difference}` : `\u2212${-difference}`;
      const tooltip = `actual ${actual}, predicted ${predicted}: ${value ?? "no value"}${value !== void 0 && rowTotal > 0 ? ` (${(share * 100).toFixed(1)}% of the row)` : ""}${differenceText ? `, ${differenceText} against the baseline` : ""}`;
      const color = textOn(fill);
      body.push(
        `<g class="cell" data-row="${row}" data-column="${column}">`,
        `<title>${(0,_html_page_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(tooltip)}</title>`,
        `<rect x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(x)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(y)}" width="${cell}" height="${cell}" fill="rgb(${fill.join(",")})" stroke="#ffffff"/>`,
        (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .svgText */ .i9)(
          value === void 0 ? "\u2013" : String(value),
          `x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(x + cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(y + cell / 2 + (differenceText ? 0 : 4))}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" fill="${color}"`,
          headerFit
        ),
        differenceText ? (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .svgText */ .i9)(
          differenceText,
          `class="difference" x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(x + cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(y + cell / 2 + 14)}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE - 1}" fill="${color}"`,
          headerFit
        ) : "",
        "</g>"
      );
    });
  });
  const totalCell = (x, y, value) => (0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .svgText */ .i9)(
    String(value),
    `class="total" x="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(x + cell / 2)}" y="${(0,_svg_text_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(y + cell / 2 + 4)}" text-anchor="middle" font-size="${_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .FONT */ .mE}" font-weight="600" fill="#1f2328"`,
    headerFit
  );
  rowTotals.forEach(
    (value, row) => body.push(totalCell(left + count * cell, top + row * cell, value))
  );
  columnTotals.forEach(
    (value, column) => body.push(totalCell(left + column * cell, top + count * cell, value))
  );
  body.push(totalCell(left + count * cell, top + count * cell, total));
  const description = `${spec.title}: confusion matrix of ${count} classes (rows actual, columns predicted), ${total} rows${spec.baseline ? ", with differences from a baseline" : ""}`;
  return (0,_chart_frame_js__WEBPACK_IMPORTED_MODULE_1__/* .chartSvg */ .nS)(
    "confusion",
    prefix,
    spec.title,
    description,
    width,
    height,
    body.filter((part) => part !== "").join("\n")
  );
}



/***/ }),

/***/ 5178:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ downsampleCurve)
/* harmony export */ });
function downsampleCurve(curve, maxPoints = 500) {
  const length = Math.min(curve.x.length, curve.y.length);
  const limit = Math.max(2, Math.floor(maxPoints));
  if (length <= limit) return curve;
  const kept = [0];
  const bucketSize = (length - 2) / (limit - 2);
  for (let bucket = 0; bucket < limit - 2; bucket += 1) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, length);
    let meanX = 0;
    let meanY = 0;
    for (let index = nextStart; index < nextEnd; index += 1) {
      meanX += curve.x[index] ?? 0;
      meanY += curve.y[index] ?? 0;
    }
    const nextCount = Math.max(1, nextEnd - nextStart);
    meanX /= nextCount;
    meanY /= nextCount;
    const previous = kept[kept.length - 1] ?? 0;
    const previousX = curve.x[previous] ?? 0;
    const previousY = curve.y[previous] ?? 0;
    let chosen = start;
    let largestArea = -1;
    for (let index = start; index < end; index += 1) {
      const area = Math.abs(
        (previousX - meanX) * ((curve.y[index] ?? 0) - previousY) - (previousX - (curve.x[index] ?? 0)) * (meanY - previousY)
      );
      if (area > largestArea) {
        largestArea = area;
        chosen = index;
      }
    }
    kept.push(chosen);
  }
  kept.push(length - 1);
  const pick = (values) => kept.map((index) => values[index] ?? NaN);
  return {
    label: curve.label,
    x: pick(curve.x),
    y: pick(curve.y),
    ...curve.thresholds ? { thresholds: pick(curve.thresholds) } : {}
  };
}



/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   i9: () => (/* binding */ svgText),
/* harmony export */   m0: () => (/* binding */ idPrefix),
/* harmony export */   sc: () => (/* binding */ textWidth),
/* harmony export */   vY: () => (/* binding */ fitText)
/* harmony export */ });
/* harmony import */ var _html_page_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6708);

function num(value) {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}
const NARROW = new Set("il.,:;'|!I[]()jf` ");
const SEMI_NARROW = new Set('rt-/"');
const WIDE = new Set("mwMW@%");
function characterWidthEm(character) {
  if (NARROW.has(character)) return 0.32;
  if (SEMI_NARROW.has(character)) return 0.42;
  if (WIDE.has(character)) return 1;
  if (/[A-Z]/.test(character)) return 0.78;
  if (/[0-9a-z_]/.test(character)) return 0.66;
  return character.charCodeAt(0) > 127 ? 1.05 : 0.7;
}
function textWidth(text, fontSize, bold = false) {
  let em = 0;
  for (const character of text) em += characterWidthEm(character);
  return em * fontSize * (bold ? 1.1 : 1);
}
function fitText(text, maxWidth, fontSize, bold = false) {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 1 && textWidth(`${characters.join("")}\u2026`, fontSize, bold) > maxWidth)
    characters.pop();
  return `${characters.join("")}\u2026`;
}
function svgText(text, attributes, fit) {
  const shown = fit ? fitText(text, fit.maxWidth, fit.fontSize, fit.bold) : text;
  const tooltip = shown === text ? "" : `<title>${(0,_html_page_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(text)}</title>`;
  return `<text ${attributes}>${tooltip}${(0,_html_page_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(shown)}</text>`;
}
function fingerprint(text) {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(36);
}
function idPrefix(kind, title, content) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 32);
  return `${kind}-${slug || "untitled"}-${fingerprint(JSON.stringify([kind, title, content]))}`;
}



/***/ }),

/***/ 6879:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qr: () => (/* binding */ basis),
  n8: () => (/* binding */ line)
});

// UNUSED EXPORTS: arc, area, areaRadial, curveBasisClosed, curveBasisOpen, curveBumpX, curveBumpY, curveBundle, curveCardinal, curveCardinalClosed, curveCardinalOpen, curveCatmullRom, curveCatmullRomClosed, curveCatmullRomOpen, curveLinear, curveLinearClosed, curveMonotoneX, curveMonotoneY, curveNatural, curveStep, curveStepAfter, curveStepBefore, lineRadial, link, linkHorizontal, linkRadial, linkVertical, pie, pointRadial, radialArea, radialLine, stack, stackOffsetDiverging, stackOffsetExpand, stackOffsetNone, stackOffsetSilhouette, stackOffsetWiggle, stackOrderAppearance, stackOrderAscending, stackOrderDescending, stackOrderInsideOut, stackOrderNone, stackOrderReverse, symbol, symbolAsterisk, symbolCircle, symbolCross, symbolDiamond, symbolDiamond2, symbolPlus, symbolSquare, symbolSquare2, symbolStar, symbolTimes, symbolTriangle, symbolTriangle2, symbolWye, symbolX, symbols, symbolsFill, symbolsStroke

;// CONCATENATED MODULE: ./node_modules/d3-path/dist/d3-path.mjs
// https://d3js.org/d3-path/ v3.1.1 Copyright 2015-2026 Mike Bostock
const pi = Math.PI,
    tau = 2 * pi,
    epsilon = 1e-6,
    tauEpsilon = tau - epsilon;

function append(strings) {
  this._ += strings[0];
  for (let i = 1, n = strings.length; i < n; ++i) {
    this._ += arguments[i] + strings[i];
  }
}

function appendRound(digits) {
  let d = Math.floor(digits);
  if (!(d >= 0)) throw new Error(`invalid digits: ${digits}`);
  if (d > 15) return append;
  const k = 10 ** d;
  return function(strings) {
    this._ += strings[0];
    for (let i = 1, n = strings.length; i < n; ++i) {
      this._ += Math.round(arguments[i] * k) / k + strings[i];
    }
  };
}

function equal(x0, y0, x1, y1) {
  return x0 === x1 && y0 === y1;
}

function equalRound(digits) {
  const d = Math.floor(digits);
  if (!(d <= 15)) return equal;
  const k = 10 ** d;
  const r = function(value) {
    return Math.round(value * k);
  };
  return function(x0, y0, x1, y1) {
    return r(x0) === r(x1) && r(y0) === r(y1);
  };
}

class Path {
  constructor(digits) {
    this._x0 = this._y0 = // start of current subpath
    this._x1 = this._y1 = null; // end of current subpath
    this._ = "";
    this._append = digits == null ? append : appendRound(digits);
    this._equal = digits == null ? equal : equalRound(digits);
  }
  moveTo(x, y) {
    this._append`M${this._x0 = this._x1 = +x},${this._y0 = this._y1 = +y}`;
  }
  closePath() {
    if (this._x1 !== null) {
      this._x1 = this._x0, this._y1 = this._y0;
      this._append`Z`;
    }
  }
  lineTo(x, y) {
    this._append`L${this._x1 = +x},${this._y1 = +y}`;
  }
  quadraticCurveTo(x1, y1, x, y) {
    this._append`Q${+x1},${+y1},${this._x1 = +x},${this._y1 = +y}`;
  }
  bezierCurveTo(x1, y1, x2, y2, x, y) {
    this._append`C${+x1},${+y1},${+x2},${+y2},${this._x1 = +x},${this._y1 = +y}`;
  }
  arcTo(x1, y1, x2, y2, r) {
    x1 = +x1, y1 = +y1, x2 = +x2, y2 = +y2, r = +r;

    // Is the radius negative? Error.
    if (r < 0) throw new Error(`negative radius: ${r}`);

    let x0 = this._x1,
        y0 = this._y1,
        x21 = x2 - x1,
        y21 = y2 - y1,
        x01 = x0 - x1,
        y01 = y0 - y1,
        l01_2 = x01 * x01 + y01 * y01;

    // Is this path empty? Move to (x1,y1).
    if (this._x1 === null) {
      this._append`M${this._x1 = x1},${this._y1 = y1}`;
    }

    // Or, is (x1,y1) coincident with (x0,y0)? Do nothing.
    else if (!(l01_2 > epsilon));

    // Or, are (x0,y0), (x1,y1) and (x2,y2) collinear?
    // Equivalently, is (x1,y1) coincident with (x2,y2)?
    // Or, is the radius zero? Line to (x1,y1).
    else if (!(Math.abs(y01 * x21 - y21 * x01) > epsilon) || !r) {
      this._append`L${this._x1 = x1},${this._y1 = y1}`;
    }

    // Otherwise, draw an arc!
    else {
      let x20 = x2 - x0,
          y20 = y2 - y0,
          l21_2 = x21 * x21 + y21 * y21,
          l20_2 = x20 * x20 + y20 * y20,
          l21 = Math.sqrt(l21_2),
          l01 = Math.sqrt(l01_2),
          l = r * Math.tan((pi - Math.acos((l21_2 + l01_2 - l20_2) / (2 * l21 * l01))) / 2),
          t01 = l / l01,
          t21 = l / l21;

      // If the start tangent is not coincident with (x0,y0), line to.
      if (Math.abs(t01 - 1) > epsilon) {
        this._append`L${x1 + t01 * x01},${y1 + t01 * y01}`;
      }

      this._append`A${r},${r},0,0,${+(y01 * x20 > x01 * y20)},${this._x1 = x1 + t21 * x21},${this._y1 = y1 + t21 * y21}`;
    }
  }
  arc(x, y, r, a0, a1, ccw) {
    x = +x, y = +y, r = +r, ccw = !!ccw;

    // Is the radius negative? Error.
    if (r < 0) throw new Error(`negative radius: ${r}`);

    let dx = r * Math.cos(a0),
        dy = r * Math.sin(a0),
        x0 = x + dx,
        y0 = y + dy,
        cw = 1 ^ ccw,
        da = ccw ? a0 - a1 : a1 - a0;

    // Is this path empty? Move to (x0,y0).
    if (this._x1 === null) {
      this._append`M${x0},${y0}`;
    }

    // Or, is (x0,y0) not coincident with the previous point? Line to (x0,y0).
    else if (Math.abs(this._x1 - x0) > epsilon || Math.abs(this._y1 - y0) > epsilon) {
      this._append`L${x0},${y0}`;
    }

    // Is this arc empty? We’re done.
    if (!r) return;

    // Does the angle go the wrong way? Flip the direction.
    if (da < 0) da = da % tau + tau;

    // Is this a complete circle? Draw two arcs to complete the circle.
    if (da > tauEpsilon) {
      this._append`A${r},${r},0,1,${cw},${x - dx},${y - dy}A${r},${r},0,1,${cw},${this._x1 = x0},${this._y1 = y0}`;
    }

    // Is this arc non-empty? Draw an arc!
    else if (da > epsilon) {
      // If the start and end points are coincident after rounding, we need to draw two consecutive arcs.
      const x1 = x + r * Math.cos(a1);
      const y1 = y + r * Math.sin(a1);
      if (da >= pi && this._equal(x0, y0, x1, y1)) {
        da /= 2;
        let a00 = a0 + da;
        this._append`A${r},${r},0,${+(da >= pi)},${cw},${x + r * Math.cos(a00)},${y + r * Math.sin(a00)}`;
      }
      this._append`A${r},${r},0,${+(da >= pi)},${cw},${this._x1 = x1},${this._y1 = y1}`;
    }
  }
  rect(x, y, w, h) {
    this._append`M${this._x0 = this._x1 = +x},${this._y0 = this._y1 = +y}h${w = +w}v${+h}h${-w}Z`;
  }
  toString() {
    return this._;
  }
}

function path() {
  return new Path;
}

// Allow instanceof d3.path
path.prototype = Path.prototype;

function pathRound(digits = 3) {
  return new Path(+digits);
}



;// CONCATENATED MODULE: ./node_modules/d3-shape/dist/d3-shape.mjs
// https://d3js.org/d3-shape/ v3.2.1 Copyright 2010-2026 Mike Bostock


function constant(x) {
  return function constant() {
    return x;
  };
}

const abs = Math.abs;
const atan2 = Math.atan2;
const cos = Math.cos;
const max = Math.max;
const min = Math.min;
const sin = Math.sin;
const sqrt = Math.sqrt;

const d3_shape_epsilon = 1e-12;
const d3_shape_pi = Math.PI;
const halfPi = d3_shape_pi / 2;
const d3_shape_tau = 2 * d3_shape_pi;

function acos(x) {
  return x > 1 ? 0 : x < -1 ? d3_shape_pi : Math.acos(x);
}

function asin(x) {
  return x >= 1 ? halfPi : x <= -1 ? -halfPi : Math.asin(x);
}

function withPath(shape) {
  let digits = 3;

  shape.digits = function(_) {
    if (!arguments.length) return digits;
    if (_ == null) {
      digits = null;
    } else {
      const d = Math.floor(_);
      if (!(d >= 0)) throw new RangeError(`invalid digits: ${_}`);
      digits = d;
    }
    return shape;
  };

  return () => new Path(digits);
}

function arcInnerRadius(d) {
  return d.innerRadius;
}

function arcOuterRadius(d) {
  return d.outerRadius;
}

function arcStartAngle(d) {
  return d.startAngle;
}

function arcEndAngle(d) {
  return d.endAngle;
}

function arcPadAngle(d) {
  return d && d.padAngle; // Note: optional!
}

function intersect(x0, y0, x1, y1, x2, y2, x3, y3) {
  var x10 = x1 - x0, y10 = y1 - y0,
      x32 = x3 - x2, y32 = y3 - y2,
      t = y32 * x10 - x32 * y10;
  if (t * t < d3_shape_epsilon) return;
  t = (x32 * (y0 - y2) - y32 * (x0 - x2)) / t;
  return [x0 + t * x10, y0 + t * y10];
}

// Compute perpendicular offset line of length rc.
// http://mathworld.wolfram.com/Circle-LineIntersection.html
function cornerTangents(x0, y0, x1, y1, r1, rc, cw) {
  var x01 = x0 - x1,
      y01 = y0 - y1,
      lo = (cw ? rc : -rc) / sqrt(x01 * x01 + y01 * y01),
      ox = lo * y01,
      oy = -lo * x01,
      x11 = x0 + ox,
      y11 = y0 + oy,
      x10 = x1 + ox,
      y10 = y1 + oy,
      x00 = (x11 + x10) / 2,
      y00 = (y11 + y10) / 2,
      dx = x10 - x11,
      dy = y10 - y11,
      d2 = dx * dx + dy * dy,
      r = r1 - rc,
      D = x11 * y10 - x10 * y11,
      d = (dy < 0 ? -1 : 1) * sqrt(max(0, r * r * d2 - D * D)),
      cx0 = (D * dy - dx * d) / d2,
      cy0 = (-D * dx - dy * d) / d2,
      cx1 = (D * dy + dx * d) / d2,
      cy1 = (-D * dx + dy * d) / d2,
      dx0 = cx0 - x00,
      dy0 = cy0 - y00,
      dx1 = cx1 - x00,
      dy1 = cy1 - y00;

  // Pick the closer of the two intersection points.
  // TODO Is there a faster way to determine which intersection to use?
  if (dx0 * dx0 + dy0 * dy0 > dx1 * dx1 + dy1 * dy1) cx0 = cx1, cy0 = cy1;

  return {
    cx: cx0,
    cy: cy0,
    x01: -ox,
    y01: -oy,
    x11: cx0 * (r1 / r - 1),
    y11: cy0 * (r1 / r - 1)
  };
}

function arc() {
  var innerRadius = arcInnerRadius,
      outerRadius = arcOuterRadius,
      cornerRadius = constant(0),
      padRadius = null,
      startAngle = arcStartAngle,
      endAngle = arcEndAngle,
      padAngle = arcPadAngle,
      context = null,
      path = withPath(arc);

  function arc() {
    var buffer,
        r,
        r0 = +innerRadius.apply(this, arguments),
        r1 = +outerRadius.apply(this, arguments),
        a0 = startAngle.apply(this, arguments) - halfPi,
        a1 = endAngle.apply(this, arguments) - halfPi,
        da = abs(a1 - a0),
        cw = a1 > a0;

    if (!context) context = buffer = path();

    // Ensure that the outer radius is always larger than the inner radius.
    if (r1 < r0) r = r1, r1 = r0, r0 = r;

    // Is it a point?
    if (!(r1 > d3_shape_epsilon)) context.moveTo(0, 0);

    // Or is it a circle or annulus?
    else if (da > d3_shape_tau - d3_shape_epsilon) {
      context.moveTo(r1 * cos(a0), r1 * sin(a0));
      context.arc(0, 0, r1, a0, a1, !cw);
      if (r0 > d3_shape_epsilon) {
        context.moveTo(r0 * cos(a1), r0 * sin(a1));
        context.arc(0, 0, r0, a1, a0, cw);
      }
    }

    // Or is it a circular or annular sector?
    else {
      var a01 = a0,
          a11 = a1,
          a00 = a0,
          a10 = a1,
          da0 = da,
          da1 = da,
          ap = padAngle.apply(this, arguments) / 2,
          rp = (ap > d3_shape_epsilon) && (padRadius ? +padRadius.apply(this, arguments) : sqrt(r0 * r0 + r1 * r1)),
          rc = min(abs(r1 - r0) / 2, +cornerRadius.apply(this, arguments)),
          rc0 = rc,
          rc1 = rc,
          t0,
          t1;

      // Apply padding? Note that since r1 ≥ r0, da1 ≥ da0.
      if (rp > d3_shape_epsilon) {
        var p0 = asin(rp / r0 * sin(ap)),
            p1 = asin(rp / r1 * sin(ap));
        if ((da0 -= p0 * 2) > d3_shape_epsilon) p0 *= (cw ? 1 : -1), a00 += p0, a10 -= p0;
        else da0 = 0, a00 = a10 = (a0 + a1) / 2;
        if ((da1 -= p1 * 2) > d3_shape_epsilon) p1 *= (cw ? 1 : -1), a01 += p1, a11 -= p1;
        else da1 = 0, a01 = a11 = (a0 + a1) / 2;
      }

      var x01 = r1 * cos(a01),
          y01 = r1 * sin(a01),
          x10 = r0 * cos(a10),
          y10 = r0 * sin(a10);

      // Apply rounded corners?
      if (rc > d3_shape_epsilon) {
        var x11 = r1 * cos(a11),
            y11 = r1 * sin(a11),
            x00 = r0 * cos(a00),
            y00 = r0 * sin(a00),
            oc;

        // Restrict the corner radius according to the sector angle. If this
        // intersection fails, it’s probably because the arc is too small, so
        // disable the corner radius entirely.
        if (da < d3_shape_pi) {
          if (oc = intersect(x01, y01, x00, y00, x11, y11, x10, y10)) {
            var ax = x01 - oc[0],
                ay = y01 - oc[1],
                bx = x11 - oc[0],
                by = y11 - oc[1],
                kc = 1 / sin(acos((ax * bx + ay * by) / (sqrt(ax * ax + ay * ay) * sqrt(bx * bx + by * by))) / 2),
                lc = sqrt(oc[0] * oc[0] + oc[1] * oc[1]);
            rc0 = min(rc, (r0 - lc) / (kc - 1));
            rc1 = min(rc, (r1 - lc) / (kc + 1));
          } else {
            rc0 = rc1 = 0;
          }
        }
      }

      // Is the sector collapsed to a line?
      if (!(da1 > d3_shape_epsilon)) context.moveTo(x01, y01);

      // Does the sector’s outer ring have rounded corners?
      else if (rc1 > d3_shape_epsilon) {
        t0 = cornerTangents(x00, y00, x01, y01, r1, rc1, cw);
        t1 = cornerTangents(x11, y11, x10, y10, r1, rc1, cw);

        context.moveTo(t0.cx + t0.x01, t0.cy + t0.y01);

        // Have the corners merged?
        if (rc1 < rc) context.arc(t0.cx, t0.cy, rc1, atan2(t0.y01, t0.x01), atan2(t1.y01, t1.x01), !cw);

        // Otherwise, draw the two corners and the ring.
        else {
          context.arc(t0.cx, t0.cy, rc1, atan2(t0.y01, t0.x01), atan2(t0.y11, t0.x11), !cw);
          context.arc(0, 0, r1, atan2(t0.cy + t0.y11, t0.cx + t0.x11), atan2(t1.cy + t1.y11, t1.cx + t1.x11), !cw);
          context.arc(t1.cx, t1.cy, rc1, atan2(t1.y11, t1.x11), atan2(t1.y01, t1.x01), !cw);
        }
      }

      // Or is the outer ring just a circular arc?
      else context.moveTo(x01, y01), context.arc(0, 0, r1, a01, a11, !cw);

      // Is there no inner ring, and it’s a circular sector?
      // Or perhaps it’s an annular sector collapsed due to padding?
      if (!(r0 > d3_shape_epsilon) || !(da0 > d3_shape_epsilon)) context.lineTo(x10, y10);

      // Does the sector’s inner ring (or point) have rounded corners?
      else if (rc0 > d3_shape_epsilon) {
        t0 = cornerTangents(x10, y10, x11, y11, r0, -rc0, cw);
        t1 = cornerTangents(x01, y01, x00, y00, r0, -rc0, cw);

        context.lineTo(t0.cx + t0.x01, t0.cy + t0.y01);

        // Have the corners merged?
        if (rc0 < rc) context.arc(t0.cx, t0.cy, rc0, atan2(t0.y01, t0.x01), atan2(t1.y01, t1.x01), !cw);

        // Otherwise, draw the two corners and the ring.
        else {
          context.arc(t0.cx, t0.cy, rc0, atan2(t0.y01, t0.x01), atan2(t0.y11, t0.x11), !cw);
          context.arc(0, 0, r0, atan2(t0.cy + t0.y11, t0.cx + t0.x11), atan2(t1.cy + t1.y11, t1.cx + t1.x11), cw);
          context.arc(t1.cx, t1.cy, rc0, atan2(t1.y11, t1.x11), atan2(t1.y01, t1.x01), !cw);
        }
      }

      // Or is the inner ring just a circular arc?
      else context.arc(0, 0, r0, a10, a00, cw);
    }

    context.closePath();

    if (buffer) return context = null, buffer + "" || null;
  }

  arc.centroid = function() {
    var r = (+innerRadius.apply(this, arguments) + +outerRadius.apply(this, arguments)) / 2,
        a = (+startAngle.apply(this, arguments) + +endAngle.apply(this, arguments)) / 2 - d3_shape_pi / 2;
    return [cos(a) * r, sin(a) * r];
  };

  arc.innerRadius = function(_) {
    return arguments.length ? (innerRadius = typeof _ === "function" ? _ : constant(+_), arc) : innerRadius;
  };

  arc.outerRadius = function(_) {
    return arguments.length ? (outerRadius = typeof _ === "function" ? _ : constant(+_), arc) : outerRadius;
  };

  arc.cornerRadius = function(_) {
    return arguments.length ? (cornerRadius = typeof _ === "function" ? _ : constant(+_), arc) : cornerRadius;
  };

  arc.padRadius = function(_) {
    return arguments.length ? (padRadius = _ == null ? null : typeof _ === "function" ? _ : constant(+_), arc) : padRadius;
  };

  arc.startAngle = function(_) {
    return arguments.length ? (startAngle = typeof _ === "function" ? _ : constant(+_), arc) : startAngle;
  };

  arc.endAngle = function(_) {
    return arguments.length ? (endAngle = typeof _ === "function" ? _ : constant(+_), arc) : endAngle;
  };

  arc.padAngle = function(_) {
    return arguments.length ? (padAngle = typeof _ === "function" ? _ : constant(+_), arc) : padAngle;
  };

  arc.context = function(_) {
    return arguments.length ? ((context = _ == null ? null : _), arc) : context;
  };

  return arc;
}

var slice = Array.prototype.slice;

function array(x) {
  return typeof x === "object" && "length" in x
    ? x // Array, TypedArray, NodeList, array-like
    : Array.from(x); // Map, Set, iterable, string, or anything else
}

function Linear(context) {
  this._context = context;
}

Linear.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._point = 0;
  },
  lineEnd: function() {
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; // falls through
      default: this._context.lineTo(x, y); break;
    }
  }
};

function curveLinear(context) {
  return new Linear(context);
}

function x(p) {
  return p[0];
}

function y(p) {
  return p[1];
}

function line(x$1, y$1) {
  var defined = constant(true),
      context = null,
      curve = curveLinear,
      output = null,
      path = withPath(line);

  x$1 = typeof x$1 === "function" ? x$1 : (x$1 === undefined) ? x : constant(x$1);
  y$1 = typeof y$1 === "function" ? y$1 : (y$1 === undefined) ? y : constant(y$1);

  function line(data) {
    var i,
        n = (data = array(data)).length,
        d,
        defined0 = false,
        buffer;

    if (context == null) output = curve(buffer = path());

    for (i = 0; i <= n; ++i) {
      if (!(i < n && defined(d = data[i], i, data)) === defined0) {
        if (defined0 = !defined0) output.lineStart();
        else output.lineEnd();
      }
      if (defined0) output.point(+x$1(d, i, data), +y$1(d, i, data));
    }

    if (buffer) return output = null, buffer + "" || null;
  }

  line.x = function(_) {
    return arguments.length ? (x$1 = typeof _ === "function" ? _ : constant(+_), line) : x$1;
  };

  line.y = function(_) {
    return arguments.length ? (y$1 = typeof _ === "function" ? _ : constant(+_), line) : y$1;
  };

  line.defined = function(_) {
    return arguments.length ? (defined = typeof _ === "function" ? _ : constant(!!_), line) : defined;
  };

  line.curve = function(_) {
    return arguments.length ? (curve = _, context != null && (output = curve(context)), line) : curve;
  };

  line.context = function(_) {
    return arguments.length ? (_ == null ? context = output = null : output = curve(context = _), line) : context;
  };

  return line;
}

function d3_shape_area(x0, y0, y1) {
  var x1 = null,
      defined = constant(true),
      context = null,
      curve = curveLinear,
      output = null,
      path = withPath(area);

  x0 = typeof x0 === "function" ? x0 : (x0 === undefined) ? x : constant(+x0);
  y0 = typeof y0 === "function" ? y0 : (y0 === undefined) ? constant(0) : constant(+y0);
  y1 = typeof y1 === "function" ? y1 : (y1 === undefined) ? y : constant(+y1);

  function area(data) {
    var i,
        j,
        k,
        n = (data = array(data)).length,
        d,
        defined0 = false,
        buffer,
        x0z = new Array(n),
        y0z = new Array(n);

    if (context == null) output = curve(buffer = path());

    for (i = 0; i <= n; ++i) {
      if (!(i < n && defined(d = data[i], i, data)) === defined0) {
        if (defined0 = !defined0) {
          j = i;
          output.areaStart();
          output.lineStart();
        } else {
          output.lineEnd();
          output.lineStart();
          for (k = i - 1; k >= j; --k) {
            output.point(x0z[k], y0z[k]);
          }
          output.lineEnd();
          output.areaEnd();
        }
      }
      if (defined0) {
        x0z[i] = +x0(d, i, data), y0z[i] = +y0(d, i, data);
        output.point(x1 ? +x1(d, i, data) : x0z[i], y1 ? +y1(d, i, data) : y0z[i]);
      }
    }

    if (buffer) return output = null, buffer + "" || null;
  }

  function arealine() {
    return line().defined(defined).curve(curve).context(context);
  }

  area.x = function(_) {
    return arguments.length ? (x0 = typeof _ === "function" ? _ : constant(+_), x1 = null, area) : x0;
  };

  area.x0 = function(_) {
    return arguments.length ? (x0 = typeof _ === "function" ? _ : constant(+_), area) : x0;
  };

  area.x1 = function(_) {
    return arguments.length ? (x1 = _ == null ? null : typeof _ === "function" ? _ : constant(+_), area) : x1;
  };

  area.y = function(_) {
    return arguments.length ? (y0 = typeof _ === "function" ? _ : constant(+_), y1 = null, area) : y0;
  };

  area.y0 = function(_) {
    return arguments.length ? (y0 = typeof _ === "function" ? _ : constant(+_), area) : y0;
  };

  area.y1 = function(_) {
    return arguments.length ? (y1 = _ == null ? null : typeof _ === "function" ? _ : constant(+_), area) : y1;
  };

  area.lineX0 =
  area.lineY0 = function() {
    return arealine().x(x0).y(y0);
  };

  area.lineY1 = function() {
    return arealine().x(x0).y(y1);
  };

  area.lineX1 = function() {
    return arealine().x(x1).y(y0);
  };

  area.defined = function(_) {
    return arguments.length ? (defined = typeof _ === "function" ? _ : constant(!!_), area) : defined;
  };

  area.curve = function(_) {
    return arguments.length ? (curve = _, context != null && (output = curve(context)), area) : curve;
  };

  area.context = function(_) {
    return arguments.length ? (_ == null ? context = output = null : output = curve(context = _), area) : context;
  };

  return area;
}

function descending$1(a, b) {
  return b < a ? -1 : b > a ? 1 : b >= a ? 0 : NaN;
}

function identity(d) {
  return d;
}

function pie() {
  var value = identity,
      sortValues = descending$1,
      sort = null,
      startAngle = constant(0),
      endAngle = constant(d3_shape_tau),
      padAngle = constant(0);

  function pie(data) {
    var i,
        n = (data = array(data)).length,
        j,
        k,
        sum = 0,
        index = new Array(n),
        arcs = new Array(n),
        a0 = +startAngle.apply(this, arguments),
        da = Math.min(d3_shape_tau, Math.max(-d3_shape_tau, endAngle.apply(this, arguments) - a0)),
        a1,
        p = Math.min(Math.abs(da) / n, padAngle.apply(this, arguments)),
        pa = p * (da < 0 ? -1 : 1),
        v;

    for (i = 0; i < n; ++i) {
      if ((v = arcs[index[i] = i] = +value(data[i], i, data)) > 0) {
        sum += v;
      }
    }

    // Optionally sort the arcs by previously-computed values or by data.
    if (sortValues != null) index.sort(function(i, j) { return sortValues(arcs[i], arcs[j]); });
    else if (sort != null) index.sort(function(i, j) { return sort(data[i], data[j]); });

    // Compute the arcs! They are stored in the original data's order.
    for (i = 0, k = sum ? (da - n * pa) / sum : 0; i < n; ++i, a0 = a1) {
      j = index[i], v = arcs[j], a1 = a0 + (v > 0 ? v * k : 0) + pa, arcs[j] = {
        data: data[j],
        index: i,
        value: v,
        startAngle: a0,
        endAngle: a1,
        padAngle: p
      };
    }

    return arcs;
  }

  pie.value = function(_) {
    return arguments.length ? (value = typeof _ === "function" ? _ : constant(+_), pie) : value;
  };

  pie.sortValues = function(_) {
    return arguments.length ? (sortValues = _, sort = null, pie) : sortValues;
  };

  pie.sort = function(_) {
    return arguments.length ? (sort = _, sortValues = null, pie) : sort;
  };

  pie.startAngle = function(_) {
    return arguments.length ? (startAngle = typeof _ === "function" ? _ : constant(+_), pie) : startAngle;
  };

  pie.endAngle = function(_) {
    return arguments.length ? (endAngle = typeof _ === "function" ? _ : constant(+_), pie) : endAngle;
  };

  pie.padAngle = function(_) {
    return arguments.length ? (padAngle = typeof _ === "function" ? _ : constant(+_), pie) : padAngle;
  };

  return pie;
}

var curveRadialLinear = curveRadial(curveLinear);

function Radial(curve) {
  this._curve = curve;
}

Radial.prototype = {
  areaStart: function() {
    this._curve.areaStart();
  },
  areaEnd: function() {
    this._curve.areaEnd();
  },
  lineStart: function() {
    this._curve.lineStart();
  },
  lineEnd: function() {
    this._curve.lineEnd();
  },
  point: function(a, r) {
    this._curve.point(r * Math.sin(a), r * -Math.cos(a));
  }
};

function curveRadial(curve) {

  function radial(context) {
    return new Radial(curve(context));
  }

  radial._curve = curve;

  return radial;
}

function lineRadial(l) {
  var c = l.curve;

  l.angle = l.x, delete l.x;
  l.radius = l.y, delete l.y;

  l.curve = function(_) {
    return arguments.length ? c(curveRadial(_)) : c()._curve;
  };

  return l;
}

function lineRadial_default() {
  return lineRadial(line().curve(curveRadialLinear));
}

function areaRadial() {
  var a = d3_shape_area().curve(curveRadialLinear),
      c = a.curve,
      x0 = a.lineX0,
      x1 = a.lineX1,
      y0 = a.lineY0,
      y1 = a.lineY1;

  a.angle = a.x, delete a.x;
  a.startAngle = a.x0, delete a.x0;
  a.endAngle = a.x1, delete a.x1;
  a.radius = a.y, delete a.y;
  a.innerRadius = a.y0, delete a.y0;
  a.outerRadius = a.y1, delete a.y1;
  a.lineStartAngle = function() { return lineRadial(x0()); }, delete a.lineX0;
  a.lineEndAngle = function() { return lineRadial(x1()); }, delete a.lineX1;
  a.lineInnerRadius = function() { return lineRadial(y0()); }, delete a.lineY0;
  a.lineOuterRadius = function() { return lineRadial(y1()); }, delete a.lineY1;

  a.curve = function(_) {
    return arguments.length ? c(curveRadial(_)) : c()._curve;
  };

  return a;
}

function pointRadial(x, y) {
  return [(y = +y) * Math.cos(x -= Math.PI / 2), y * Math.sin(x)];
}

class Bump {
  constructor(context, x) {
    this._context = context;
    this._x = x;
  }
  areaStart() {
    this._line = 0;
  }
  areaEnd() {
    this._line = NaN;
  }
  lineStart() {
    this._point = 0;
  }
  lineEnd() {
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  }
  point(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: {
        this._point = 1;
        if (this._line) this._context.lineTo(x, y);
        else this._context.moveTo(x, y);
        break;
      }
      case 1: this._point = 2; // falls through
      default: {
        if (this._x) this._context.bezierCurveTo(this._x0 = (this._x0 + x) / 2, this._y0, this._x0, y, x, y);
        else this._context.bezierCurveTo(this._x0, this._y0 = (this._y0 + y) / 2, x, this._y0, x, y);
        break;
      }
    }
    this._x0 = x, this._y0 = y;
  }
}

class BumpRadial {
  constructor(context) {
    this._context = context;
  }
  lineStart() {
    this._point = 0;
  }
  lineEnd() {}
  point(x, y) {
    x = +x, y = +y;
    if (this._point === 0) {
      this._point = 1;
    } else {
      const p0 = pointRadial(this._x0, this._y0);
      const p1 = pointRadial(this._x0, this._y0 = (this._y0 + y) / 2);
      const p2 = pointRadial(x, this._y0);
      const p3 = pointRadial(x, y);
      this._context.moveTo(...p0);
      this._context.bezierCurveTo(...p1, ...p2, ...p3);
    }
    this._x0 = x, this._y0 = y;
  }
}

function bumpX(context) {
  return new Bump(context, true);
}

function bumpY(context) {
  return new Bump(context, false);
}

function bumpRadial(context) {
  return new BumpRadial(context);
}

function linkSource(d) {
  return d.source;
}

function linkTarget(d) {
  return d.target;
}

function d3_shape_link(curve) {
  let source = linkSource,
      target = linkTarget,
      x$1 = x,
      y$1 = y,
      context = null,
      output = null,
      path = withPath(link);

  function link() {
    let buffer;
    const argv = slice.call(arguments);
    const s = source.apply(this, argv);
    const t = target.apply(this, argv);
    if (context == null) output = curve(buffer = path());
    output.lineStart();
    argv[0] = s, output.point(+x$1.apply(this, argv), +y$1.apply(this, argv));
    argv[0] = t, output.point(+x$1.apply(this, argv), +y$1.apply(this, argv));
    output.lineEnd();
    if (buffer) return output = null, buffer + "" || null;
  }

  link.source = function(_) {
    return arguments.length ? (source = _, link) : source;
  };

  link.target = function(_) {
    return arguments.length ? (target = _, link) : target;
  };

  link.x = function(_) {
    return arguments.length ? (x$1 = typeof _ === "function" ? _ : constant(+_), link) : x$1;
  };

  link.y = function(_) {
    return arguments.length ? (y$1 = typeof _ === "function" ? _ : constant(+_), link) : y$1;
  };

  link.context = function(_) {
    return arguments.length ? (_ == null ? context = output = null : output = curve(context = _), link) : context;
  };

  return link;
}

function linkHorizontal() {
  return d3_shape_link(bumpX);
}

function linkVertical() {
  return d3_shape_link(bumpY);
}

function linkRadial() {
  const l = d3_shape_link(bumpRadial);
  l.angle = l.x, delete l.x;
  l.radius = l.y, delete l.y;
  return l;
}

const sqrt3$2 = sqrt(3);

var asterisk = {
  draw(context, size) {
    const r = sqrt(size + min(size / 28, 0.75)) * 0.59436;
    const t = r / 2;
    const u = t * sqrt3$2;
    context.moveTo(0, r);
    context.lineTo(0, -r);
    context.moveTo(-u, -t);
    context.lineTo(u, t);
    context.moveTo(-u, t);
    context.lineTo(u, -t);
  }
};

var circle = {
  draw(context, size) {
    const r = sqrt(size / d3_shape_pi);
    context.moveTo(r, 0);
    context.arc(0, 0, r, 0, d3_shape_tau);
  }
};

var cross = {
  draw(context, size) {
    const r = sqrt(size / 5) / 2;
    context.moveTo(-3 * r, -r);
    context.lineTo(-r, -r);
    context.lineTo(-r, -3 * r);
    context.lineTo(r, -3 * r);
    context.lineTo(r, -r);
    context.lineTo(3 * r, -r);
    context.lineTo(3 * r, r);
    context.lineTo(r, r);
    context.lineTo(r, 3 * r);
    context.lineTo(-r, 3 * r);
    context.lineTo(-r, r);
    context.lineTo(-3 * r, r);
    context.closePath();
  }
};

const tan30 = sqrt(1 / 3);
const tan30_2 = tan30 * 2;

var diamond = {
  draw(context, size) {
    const y = sqrt(size / tan30_2);
    const x = y * tan30;
    context.moveTo(0, -y);
    context.lineTo(x, 0);
    context.lineTo(0, y);
    context.lineTo(-x, 0);
    context.closePath();
  }
};

var diamond2 = {
  draw(context, size) {
    const r = sqrt(size) * 0.62625;
    context.moveTo(0, -r);
    context.lineTo(r, 0);
    context.lineTo(0, r);
    context.lineTo(-r, 0);
    context.closePath();
  }
};

var plus = {
  draw(context, size) {
    const r = sqrt(size - min(size / 7, 2)) * 0.87559;
    context.moveTo(-r, 0);
    context.lineTo(r, 0);
    context.moveTo(0, r);
    context.lineTo(0, -r);
  }
};

var square = {
  draw(context, size) {
    const w = sqrt(size);
    const x = -w / 2;
    context.rect(x, x, w, w);
  }
};

var square2 = {
  draw(context, size) {
    const r = sqrt(size) * 0.4431;
    context.moveTo(r, r);
    context.lineTo(r, -r);
    context.lineTo(-r, -r);
    context.lineTo(-r, r);
    context.closePath();
  }
};

const ka = 0.89081309152928522810;
const kr = sin(d3_shape_pi / 10) / sin(7 * d3_shape_pi / 10);
const kx = sin(d3_shape_tau / 10) * kr;
const ky = -cos(d3_shape_tau / 10) * kr;

var star = {
  draw(context, size) {
    const r = sqrt(size * ka);
    const x = kx * r;
    const y = ky * r;
    context.moveTo(0, -r);
    context.lineTo(x, y);
    for (let i = 1; i < 5; ++i) {
      const a = d3_shape_tau * i / 5;
      const c = cos(a);
      const s = sin(a);
      context.lineTo(s * r, -c * r);
      context.lineTo(c * x - s * y, s * x + c * y);
    }
    context.closePath();
  }
};

const sqrt3$1 = sqrt(3);

var triangle = {
  draw(context, size) {
    const y = -sqrt(size / (sqrt3$1 * 3));
    context.moveTo(0, y * 2);
    context.lineTo(-sqrt3$1 * y, -y);
    context.lineTo(sqrt3$1 * y, -y);
    context.closePath();
  }
};

const sqrt3 = sqrt(3);

var triangle2 = {
  draw(context, size) {
    const s = sqrt(size) * 0.6824;
    const t = s  / 2;
    const u = (s * sqrt3) / 2; // cos(Math.PI / 6)
    context.moveTo(0, -s);
    context.lineTo(u, t);
    context.lineTo(-u, t);
    context.closePath();
  }
};

const c = -0.5;
const s = sqrt(3) / 2;
const k = 1 / sqrt(12);
const a = (k / 2 + 1) * 3;

var wye = {
  draw(context, size) {
    const r = sqrt(size / a);
    const x0 = r / 2, y0 = r * k;
    const x1 = x0, y1 = r * k + r;
    const x2 = -x1, y2 = y1;
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
    context.lineTo(x2, y2);
    context.lineTo(c * x0 - s * y0, s * x0 + c * y0);
    context.lineTo(c * x1 - s * y1, s * x1 + c * y1);
    context.lineTo(c * x2 - s * y2, s * x2 + c * y2);
    context.lineTo(c * x0 + s * y0, c * y0 - s * x0);
    context.lineTo(c * x1 + s * y1, c * y1 - s * x1);
    context.lineTo(c * x2 + s * y2, c * y2 - s * x2);
    context.closePath();
  }
};

var times = {
  draw(context, size) {
    const r = sqrt(size - min(size / 6, 1.7)) * 0.6189;
    context.moveTo(-r, -r);
    context.lineTo(r, r);
    context.moveTo(-r, r);
    context.lineTo(r, -r);
  }
};

// These symbols are designed to be filled.
const symbolsFill = [
  circle,
  cross,
  diamond,
  square,
  star,
  triangle,
  wye
];

// These symbols are designed to be stroked (with a width of 1.5px and round caps).
const symbolsStroke = [
  circle,
  plus,
  times,
  triangle2,
  asterisk,
  square2,
  diamond2
];

function Symbol(type, size) {
  let context = null,
      path = withPath(symbol);

  type = typeof type === "function" ? type : constant(type || circle);
  size = typeof size === "function" ? size : constant(size === undefined ? 64 : +size);

  function symbol() {
    let buffer;
    if (!context) context = buffer = path();
    type.apply(this, arguments).draw(context, +size.apply(this, arguments));
    if (buffer) return context = null, buffer + "" || null;
  }

  symbol.type = function(_) {
    return arguments.length ? (type = typeof _ === "function" ? _ : constant(_), symbol) : type;
  };

  symbol.size = function(_) {
    return arguments.length ? (size = typeof _ === "function" ? _ : constant(+_), symbol) : size;
  };

  symbol.context = function(_) {
    return arguments.length ? (context = _ == null ? null : _, symbol) : context;
  };

  return symbol;
}

function noop() {}

function point$3(that, x, y) {
  that._context.bezierCurveTo(
    (2 * that._x0 + that._x1) / 3,
    (2 * that._y0 + that._y1) / 3,
    (that._x0 + 2 * that._x1) / 3,
    (that._y0 + 2 * that._y1) / 3,
    (that._x0 + 4 * that._x1 + x) / 6,
    (that._y0 + 4 * that._y1 + y) / 6
  );
}

function Basis(context) {
  this._context = context;
}

Basis.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 =
    this._y0 = this._y1 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 3: point$3(this, this._x1, this._y1); // falls through
      case 2: this._context.lineTo(this._x1, this._y1); break;
    }
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; this._context.lineTo((5 * this._x0 + this._x1) / 6, (5 * this._y0 + this._y1) / 6); // falls through
      default: point$3(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = x;
    this._y0 = this._y1, this._y1 = y;
  }
};

function basis(context) {
  return new Basis(context);
}

function BasisClosed(context) {
  this._context = context;
}

BasisClosed.prototype = {
  areaStart: noop,
  areaEnd: noop,
  lineStart: function() {
    this._x0 = this._x1 = this._x2 = this._x3 = this._x4 =
    this._y0 = this._y1 = this._y2 = this._y3 = this._y4 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 1: {
        this._context.moveTo(this._x2, this._y2);
        this._context.closePath();
        break;
      }
      case 2: {
        this._context.moveTo((this._x2 + 2 * this._x3) / 3, (this._y2 + 2 * this._y3) / 3);
        this._context.lineTo((this._x3 + 2 * this._x2) / 3, (this._y3 + 2 * this._y2) / 3);
        this._context.closePath();
        break;
      }
      case 3: {
        this.point(this._x2, this._y2);
        this.point(this._x3, this._y3);
        this.point(this._x4, this._y4);
        break;
      }
    }
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._x2 = x, this._y2 = y; break;
      case 1: this._point = 2; this._x3 = x, this._y3 = y; break;
      case 2: this._point = 3; this._x4 = x, this._y4 = y; this._context.moveTo((this._x0 + 4 * this._x1 + x) / 6, (this._y0 + 4 * this._y1 + y) / 6); break;
      default: point$3(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = x;
    this._y0 = this._y1, this._y1 = y;
  }
};

function basisClosed(context) {
  return new BasisClosed(context);
}

function BasisOpen(context) {
  this._context = context;
}

BasisOpen.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 =
    this._y0 = this._y1 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    if (this._line || (this._line !== 0 && this._point === 3)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; var x0 = (this._x0 + 4 * this._x1 + x) / 6, y0 = (this._y0 + 4 * this._y1 + y) / 6; this._line ? this._context.lineTo(x0, y0) : this._context.moveTo(x0, y0); break;
      case 3: this._point = 4; // falls through
      default: point$3(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = x;
    this._y0 = this._y1, this._y1 = y;
  }
};

function basisOpen(context) {
  return new BasisOpen(context);
}

function Bundle(context, beta) {
  this._basis = new Basis(context);
  this._beta = beta;
}

Bundle.prototype = {
  lineStart: function() {
    this._x = [];
    this._y = [];
    this._basis.lineStart();
  },
  lineEnd: function() {
    var x = this._x,
        y = this._y,
        j = x.length - 1;

    if (j > 0) {
      var x0 = x[0],
          y0 = y[0],
          dx = x[j] - x0,
          dy = y[j] - y0,
          i = -1,
          t;

      while (++i <= j) {
        t = i / j;
        this._basis.point(
          this._beta * x[i] + (1 - this._beta) * (x0 + t * dx),
          this._beta * y[i] + (1 - this._beta) * (y0 + t * dy)
        );
      }
    }

    this._x = this._y = null;
    this._basis.lineEnd();
  },
  point: function(x, y) {
    this._x.push(+x);
    this._y.push(+y);
  }
};

var bundle = (function custom(beta) {

  function bundle(context) {
    return beta === 1 ? new Basis(context) : new Bundle(context, beta);
  }

  bundle.beta = function(beta) {
    return custom(+beta);
  };

  return bundle;
})(0.85);

function point$2(that, x, y) {
  that._context.bezierCurveTo(
    that._x1 + that._k * (that._x2 - that._x0),
    that._y1 + that._k * (that._y2 - that._y0),
    that._x2 + that._k * (that._x1 - x),
    that._y2 + that._k * (that._y1 - y),
    that._x2,
    that._y2
  );
}

function Cardinal(context, tension) {
  this._context = context;
  this._k = (1 - tension) / 6;
}

Cardinal.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 = this._x2 =
    this._y0 = this._y1 = this._y2 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 2: this._context.lineTo(this._x2, this._y2); break;
      case 3: point$2(this, this._x1, this._y1); break;
    }
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; this._x1 = x, this._y1 = y; break;
      case 2: this._point = 3; // falls through
      default: point$2(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var cardinal = (function custom(tension) {

  function cardinal(context) {
    return new Cardinal(context, tension);
  }

  cardinal.tension = function(tension) {
    return custom(+tension);
  };

  return cardinal;
})(0);

function CardinalClosed(context, tension) {
  this._context = context;
  this._k = (1 - tension) / 6;
}

CardinalClosed.prototype = {
  areaStart: noop,
  areaEnd: noop,
  lineStart: function() {
    this._x0 = this._x1 = this._x2 = this._x3 = this._x4 = this._x5 =
    this._y0 = this._y1 = this._y2 = this._y3 = this._y4 = this._y5 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 1: {
        this._context.moveTo(this._x3, this._y3);
        this._context.closePath();
        break;
      }
      case 2: {
        this._context.lineTo(this._x3, this._y3);
        this._context.closePath();
        break;
      }
      case 3: {
        this.point(this._x3, this._y3);
        this.point(this._x4, this._y4);
        this.point(this._x5, this._y5);
        break;
      }
    }
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._x3 = x, this._y3 = y; break;
      case 1: this._point = 2; this._context.moveTo(this._x4 = x, this._y4 = y); break;
      case 2: this._point = 3; this._x5 = x, this._y5 = y; break;
      default: point$2(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var cardinalClosed = (function custom(tension) {

  function cardinal(context) {
    return new CardinalClosed(context, tension);
  }

  cardinal.tension = function(tension) {
    return custom(+tension);
  };

  return cardinal;
})(0);

function CardinalOpen(context, tension) {
  this._context = context;
  this._k = (1 - tension) / 6;
}

CardinalOpen.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 = this._x2 =
    this._y0 = this._y1 = this._y2 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    if (this._line || (this._line !== 0 && this._point === 3)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; this._line ? this._context.lineTo(this._x2, this._y2) : this._context.moveTo(this._x2, this._y2); break;
      case 3: this._point = 4; // falls through
      default: point$2(this, x, y); break;
    }
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var cardinalOpen = (function custom(tension) {

  function cardinal(context) {
    return new CardinalOpen(context, tension);
  }

  cardinal.tension = function(tension) {
    return custom(+tension);
  };

  return cardinal;
})(0);

function point$1(that, x, y) {
  var x1 = that._x1,
      y1 = that._y1,
      x2 = that._x2,
      y2 = that._y2;

  if (that._l01_a > d3_shape_epsilon) {
    var a = 2 * that._l01_2a + 3 * that._l01_a * that._l12_a + that._l12_2a,
        n = 3 * that._l01_a * (that._l01_a + that._l12_a);
    x1 = (x1 * a - that._x0 * that._l12_2a + that._x2 * that._l01_2a) / n;
    y1 = (y1 * a - that._y0 * that._l12_2a + that._y2 * that._l01_2a) / n;
  }

  if (that._l23_a > d3_shape_epsilon) {
    var b = 2 * that._l23_2a + 3 * that._l23_a * that._l12_a + that._l12_2a,
        m = 3 * that._l23_a * (that._l23_a + that._l12_a);
    x2 = (x2 * b + that._x1 * that._l23_2a - x * that._l12_2a) / m;
    y2 = (y2 * b + that._y1 * that._l23_2a - y * that._l12_2a) / m;
  }

  that._context.bezierCurveTo(x1, y1, x2, y2, that._x2, that._y2);
}

function CatmullRom(context, alpha) {
  this._context = context;
  this._alpha = alpha;
}

CatmullRom.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 = this._x2 =
    this._y0 = this._y1 = this._y2 = NaN;
    this._l01_a = this._l12_a = this._l23_a =
    this._l01_2a = this._l12_2a = this._l23_2a =
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 2: this._context.lineTo(this._x2, this._y2); break;
      case 3: this.point(this._x2, this._y2); break;
    }
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;

    if (this._point) {
      var x23 = this._x2 - x,
          y23 = this._y2 - y;
      this._l23_a = Math.sqrt(this._l23_2a = Math.pow(x23 * x23 + y23 * y23, this._alpha));
    }

    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; // falls through
      default: point$1(this, x, y); break;
    }

    this._l01_a = this._l12_a, this._l12_a = this._l23_a;
    this._l01_2a = this._l12_2a, this._l12_2a = this._l23_2a;
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var catmullRom = (function custom(alpha) {

  function catmullRom(context) {
    return alpha ? new CatmullRom(context, alpha) : new Cardinal(context, 0);
  }

  catmullRom.alpha = function(alpha) {
    return custom(+alpha);
  };

  return catmullRom;
})(0.5);

function CatmullRomClosed(context, alpha) {
  this._context = context;
  this._alpha = alpha;
}

CatmullRomClosed.prototype = {
  areaStart: noop,
  areaEnd: noop,
  lineStart: function() {
    this._x0 = this._x1 = this._x2 = this._x3 = this._x4 = this._x5 =
    this._y0 = this._y1 = this._y2 = this._y3 = this._y4 = this._y5 = NaN;
    this._l01_a = this._l12_a = this._l23_a =
    this._l01_2a = this._l12_2a = this._l23_2a =
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 1: {
        this._context.moveTo(this._x3, this._y3);
        this._context.closePath();
        break;
      }
      case 2: {
        this._context.lineTo(this._x3, this._y3);
        this._context.closePath();
        break;
      }
      case 3: {
        this.point(this._x3, this._y3);
        this.point(this._x4, this._y4);
        this.point(this._x5, this._y5);
        break;
      }
    }
  },
  point: function(x, y) {
    x = +x, y = +y;

    if (this._point) {
      var x23 = this._x2 - x,
          y23 = this._y2 - y;
      this._l23_a = Math.sqrt(this._l23_2a = Math.pow(x23 * x23 + y23 * y23, this._alpha));
    }

    switch (this._point) {
      case 0: this._point = 1; this._x3 = x, this._y3 = y; break;
      case 1: this._point = 2; this._context.moveTo(this._x4 = x, this._y4 = y); break;
      case 2: this._point = 3; this._x5 = x, this._y5 = y; break;
      default: point$1(this, x, y); break;
    }

    this._l01_a = this._l12_a, this._l12_a = this._l23_a;
    this._l01_2a = this._l12_2a, this._l12_2a = this._l23_2a;
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var catmullRomClosed = (function custom(alpha) {

  function catmullRom(context) {
    return alpha ? new CatmullRomClosed(context, alpha) : new CardinalClosed(context, 0);
  }

  catmullRom.alpha = function(alpha) {
    return custom(+alpha);
  };

  return catmullRom;
})(0.5);

function CatmullRomOpen(context, alpha) {
  this._context = context;
  this._alpha = alpha;
}

CatmullRomOpen.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 = this._x2 =
    this._y0 = this._y1 = this._y2 = NaN;
    this._l01_a = this._l12_a = this._l23_a =
    this._l01_2a = this._l12_2a = this._l23_2a =
    this._point = 0;
  },
  lineEnd: function() {
    if (this._line || (this._line !== 0 && this._point === 3)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;

    if (this._point) {
      var x23 = this._x2 - x,
          y23 = this._y2 - y;
      this._l23_a = Math.sqrt(this._l23_2a = Math.pow(x23 * x23 + y23 * y23, this._alpha));
    }

    switch (this._point) {
      case 0: this._point = 1; break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; this._line ? this._context.lineTo(this._x2, this._y2) : this._context.moveTo(this._x2, this._y2); break;
      case 3: this._point = 4; // falls through
      default: point$1(this, x, y); break;
    }

    this._l01_a = this._l12_a, this._l12_a = this._l23_a;
    this._l01_2a = this._l12_2a, this._l12_2a = this._l23_2a;
    this._x0 = this._x1, this._x1 = this._x2, this._x2 = x;
    this._y0 = this._y1, this._y1 = this._y2, this._y2 = y;
  }
};

var catmullRomOpen = (function custom(alpha) {

  function catmullRom(context) {
    return alpha ? new CatmullRomOpen(context, alpha) : new CardinalOpen(context, 0);
  }

  catmullRom.alpha = function(alpha) {
    return custom(+alpha);
  };

  return catmullRom;
})(0.5);

function LinearClosed(context) {
  this._context = context;
}

LinearClosed.prototype = {
  areaStart: noop,
  areaEnd: noop,
  lineStart: function() {
    this._point = 0;
  },
  lineEnd: function() {
    if (this._point) this._context.closePath();
  },
  point: function(x, y) {
    x = +x, y = +y;
    if (this._point) this._context.lineTo(x, y);
    else this._point = 1, this._context.moveTo(x, y);
  }
};

function linearClosed(context) {
  return new LinearClosed(context);
}

function sign(x) {
  return x < 0 ? -1 : 1;
}

// Calculate the slopes of the tangents (Hermite-type interpolation) based on
// the following paper: Steffen, M. 1990. A Simple Method for Monotonic
// Interpolation in One Dimension. Astronomy and Astrophysics, Vol. 239, NO.
// NOV(II), P. 443, 1990.
function slope3(that, x2, y2) {
  var h0 = that._x1 - that._x0,
      h1 = x2 - that._x1,
      s0 = (that._y1 - that._y0) / (h0 || h1 < 0 && -0),
      s1 = (y2 - that._y1) / (h1 || h0 < 0 && -0),
      p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

// Calculate a one-sided slope.
function slope2(that, t) {
  var h = that._x1 - that._x0;
  return h ? (3 * (that._y1 - that._y0) / h - t) / 2 : t;
}

// According to https://en.wikipedia.org/wiki/Cubic_Hermite_spline#Representations
// "you can express cubic Hermite interpolation in terms of cubic Bézier curves
// with respect to the four values p0, p0 + m0 / 3, p1 - m1 / 3, p1".
function point(that, t0, t1) {
  var x0 = that._x0,
      y0 = that._y0,
      x1 = that._x1,
      y1 = that._y1,
      dx = (x1 - x0) / 3;
  that._context.bezierCurveTo(x0 + dx, y0 + dx * t0, x1 - dx, y1 - dx * t1, x1, y1);
}

function MonotoneX(context) {
  this._context = context;
}

MonotoneX.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x0 = this._x1 =
    this._y0 = this._y1 =
    this._t0 = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    switch (this._point) {
      case 2: this._context.lineTo(this._x1, this._y1); break;
      case 3: point(this, this._t0, slope2(this, this._t0)); break;
    }
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    this._line = 1 - this._line;
  },
  point: function(x, y) {
    var t1 = NaN;

    x = +x, y = +y;
    if (x === this._x1 && y === this._y1) return; // Ignore coincident points.
    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; break;
      case 2: this._point = 3; point(this, slope2(this, t1 = slope3(this, x, y)), t1); break;
      default: point(this, this._t0, t1 = slope3(this, x, y)); break;
    }

    this._x0 = this._x1, this._x1 = x;
    this._y0 = this._y1, this._y1 = y;
    this._t0 = t1;
  }
};

function MonotoneY(context) {
  this._context = new ReflectContext(context);
}

(MonotoneY.prototype = Object.create(MonotoneX.prototype)).point = function(x, y) {
  MonotoneX.prototype.point.call(this, y, x);
};

function ReflectContext(context) {
  this._context = context;
}

ReflectContext.prototype = {
  moveTo: function(x, y) { this._context.moveTo(y, x); },
  closePath: function() { this._context.closePath(); },
  lineTo: function(x, y) { this._context.lineTo(y, x); },
  bezierCurveTo: function(x1, y1, x2, y2, x, y) { this._context.bezierCurveTo(y1, x1, y2, x2, y, x); }
};

function monotoneX(context) {
  return new MonotoneX(context);
}

function monotoneY(context) {
  return new MonotoneY(context);
}

function Natural(context) {
  this._context = context;
}

Natural.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x = [];
    this._y = [];
  },
  lineEnd: function() {
    var x = this._x,
        y = this._y,
        n = x.length;

    if (n) {
      this._line ? this._context.lineTo(x[0], y[0]) : this._context.moveTo(x[0], y[0]);
      if (n === 2) {
        this._context.lineTo(x[1], y[1]);
      } else {
        var px = controlPoints(x),
            py = controlPoints(y);
        for (var i0 = 0, i1 = 1; i1 < n; ++i0, ++i1) {
          this._context.bezierCurveTo(px[0][i0], py[0][i0], px[1][i0], py[1][i0], x[i1], y[i1]);
        }
      }
    }

    if (this._line || (this._line !== 0 && n === 1)) this._context.closePath();
    this._line = 1 - this._line;
    this._x = this._y = null;
  },
  point: function(x, y) {
    this._x.push(+x);
    this._y.push(+y);
  }
};

// See https://www.particleincell.com/2012/bezier-splines/ for derivation.
function controlPoints(x) {
  var i,
      n = x.length - 1,
      m,
      a = new Array(n),
      b = new Array(n),
      r = new Array(n);
  a[0] = 0, b[0] = 2, r[0] = x[0] + 2 * x[1];
  for (i = 1; i < n - 1; ++i) a[i] = 1, b[i] = 4, r[i] = 4 * x[i] + 2 * x[i + 1];
  a[n - 1] = 2, b[n - 1] = 7, r[n - 1] = 8 * x[n - 1] + x[n];
  for (i = 1; i < n; ++i) m = a[i] / b[i - 1], b[i] -= m, r[i] -= m * r[i - 1];
  a[n - 1] = r[n - 1] / b[n - 1];
  for (i = n - 2; i >= 0; --i) a[i] = (r[i] - a[i + 1]) / b[i];
  b[n - 1] = (x[n] + a[n - 1]) / 2;
  for (i = 0; i < n - 1; ++i) b[i] = 2 * x[i + 1] - a[i + 1];
  return [a, b];
}

function natural(context) {
  return new Natural(context);
}

function Step(context, t) {
  this._context = context;
  this._t = t;
}

Step.prototype = {
  areaStart: function() {
    this._line = 0;
  },
  areaEnd: function() {
    this._line = NaN;
  },
  lineStart: function() {
    this._x = this._y = NaN;
    this._point = 0;
  },
  lineEnd: function() {
    if (0 < this._t && this._t < 1 && this._point === 2) this._context.lineTo(this._x, this._y);
    if (this._line || (this._line !== 0 && this._point === 1)) this._context.closePath();
    if (this._line >= 0) this._t = 1 - this._t, this._line = 1 - this._line;
  },
  point: function(x, y) {
    x = +x, y = +y;
    switch (this._point) {
      case 0: this._point = 1; this._line ? this._context.lineTo(x, y) : this._context.moveTo(x, y); break;
      case 1: this._point = 2; // falls through
      default: {
        if (this._t <= 0) {
          this._context.lineTo(this._x, y);
          this._context.lineTo(x, y);
        } else {
          var x1 = this._x * (1 - this._t) + x * this._t;
          this._context.lineTo(x1, this._y);
          this._context.lineTo(x1, y);
        }
        break;
      }
    }
    this._x = x, this._y = y;
  }
};

function step(context) {
  return new Step(context, 0.5);
}

function stepBefore(context) {
  return new Step(context, 0);
}

function stepAfter(context) {
  return new Step(context, 1);
}

function none$1(series, order) {
  if (!((n = series.length) > 1)) return;
  for (var i = 1, j, s0, s1 = series[order[0]], n, m = s1.length; i < n; ++i) {
    s0 = s1, s1 = series[order[i]];
    for (j = 0; j < m; ++j) {
      s1[j][1] += s1[j][0] = isNaN(s0[j][1]) ? s0[j][0] : s0[j][1];
    }
  }
}

function none(series) {
  var n = series.length, o = new Array(n);
  while (--n >= 0) o[n] = n;
  return o;
}

function stackValue(d, key) {
  return d[key];
}

function stackSeries(key) {
  const series = [];
  series.key = key;
  return series;
}

function stack() {
  var keys = constant([]),
      order = none,
      offset = none$1,
      value = stackValue;

  function stack(data) {
    var sz = Array.from(keys.apply(this, arguments), stackSeries),
        i, n = sz.length, j = -1,
        oz;

    for (const d of data) {
      for (i = 0, ++j; i < n; ++i) {
        (sz[i][j] = [0, +value(d, sz[i].key, j, data)]).data = d;
      }
    }

    for (i = 0, oz = array(order(sz)); i < n; ++i) {
      sz[oz[i]].index = i;
    }

    offset(sz, oz);
    return sz;
  }

  stack.keys = function(_) {
    return arguments.length ? (keys = typeof _ === "function" ? _ : constant(Array.from(_)), stack) : keys;
  };

  stack.value = function(_) {
    return arguments.length ? (value = typeof _ === "function" ? _ : constant(+_), stack) : value;
  };

  stack.order = function(_) {
    return arguments.length ? (order = _ == null ? none : typeof _ === "function" ? _ : constant(Array.from(_)), stack) : order;
  };

  stack.offset = function(_) {
    return arguments.length ? (offset = _ == null ? none$1 : _, stack) : offset;
  };

  return stack;
}

function expand(series, order) {
  if (!((n = series.length) > 0)) return;
  for (var i, n, j = 0, m = series[0].length, y; j < m; ++j) {
    for (y = i = 0; i < n; ++i) y += series[i][j][1] || 0;
    if (y) for (i = 0; i < n; ++i) series[i][j][1] /= y;
  }
  none$1(series, order);
}

function diverging(series, order) {
  if (!((n = series.length) > 0)) return;
  for (var i, j = 0, d, dy, yp, yn, n, m = series[order[0]].length; j < m; ++j) {
    for (yp = yn = 0, i = 0; i < n; ++i) {
      if ((dy = (d = series[order[i]][j])[1] - d[0]) > 0) {
        d[0] = yp, d[1] = yp += dy;
      } else if (dy < 0) {
        d[1] = yn, d[0] = yn += dy;
      } else {
        d[0] = 0, d[1] = dy;
      }
    }
  }
}

function silhouette(series, order) {
  if (!((n = series.length) > 0)) return;
  for (var j = 0, s0 = series[order[0]], n, m = s0.length; j < m; ++j) {
    for (var i = 0, y = 0; i < n; ++i) y += series[i][j][1] || 0;
    s0[j][1] += s0[j][0] = -y / 2;
  }
  none$1(series, order);
}

function wiggle(series, order) {
  if (!((n = series.length) > 0) || !((m = (s0 = series[order[0]]).length) > 0)) return;
  for (var y = 0, j = 1, s0, m, n; j < m; ++j) {
    for (var i = 0, s1 = 0, s2 = 0; i < n; ++i) {
      var si = series[order[i]],
          sij0 = si[j][1] || 0,
          sij1 = si[j - 1][1] || 0,
          s3 = (sij0 - sij1) / 2;
      for (var k = 0; k < i; ++k) {
        var sk = series[order[k]],
            skj0 = sk[j][1] || 0,
            skj1 = sk[j - 1][1] || 0;
        s3 += skj0 - skj1;
      }
      s1 += sij0, s2 += s3 * sij0;
    }
    s0[j - 1][1] += s0[j - 1][0] = y;
    if (s1) y -= s2 / s1;
  }
  s0[j - 1][1] += s0[j - 1][0] = y;
  none$1(series, order);
}

function appearance(series) {
  var peaks = series.map(peak);
  return none(series).sort(function(a, b) { return peaks[a] - peaks[b]; });
}

function peak(series) {
  var i = -1, j = 0, n = series.length, vi, vj = -Infinity;
  while (++i < n) if ((vi = +series[i][1]) > vj) vj = vi, j = i;
  return j;
}

function ascending(series) {
  var sums = series.map(sum);
  return none(series).sort(function(a, b) { return sums[a] - sums[b]; });
}

function sum(series) {
  var s = 0, i = -1, n = series.length, v;
  while (++i < n) if (v = +series[i][1]) s += v;
  return s;
}

function descending(series) {
  return ascending(series).reverse();
}

function insideOut(series) {
  var n = series.length,
      i,
      j,
      sums = series.map(sum),
      order = appearance(series),
      top = 0,
      bottom = 0,
      tops = [],
      bottoms = [];

  for (i = 0; i < n; ++i) {
    j = order[i];
    if (top < bottom) {
      top += sums[j];
      tops.push(j);
    } else {
      bottom += sums[j];
      bottoms.push(j);
    }
  }

  return bottoms.reverse().concat(tops);
}

function reverse(series) {
  return none(series).reverse();
}




/***/ })

};
