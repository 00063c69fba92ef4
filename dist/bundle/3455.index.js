export const id = 3455;
export const ids = [3455];
export const modules = {

/***/ 220:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startRunBrowser: () => (/* binding */ startRunBrowser)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/csv.js
var csv = __webpack_require__(6692);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/html-page.js
var html_page = __webpack_require__(6708);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/report/pipeline-report.js
var pipeline_report = __webpack_require__(2360);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/page-parts.js


const BROWSER_STYLE = `
nav.top a{font-weight:600}
.state{font-weight:600;white-space:nowrap}
.state-SUCCEEDED{color:var(--ok)}.state-FAILED,.state-UNREADABLE{color:var(--fail)}.state-RUNNING{color:var(--accent)}.state-CANCELLED{color:var(--warn)}
form.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:8px 0}
form.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
input,select,button{font:inherit;padding:3px 6px;border:1px solid #6e7781;border-radius:4px;background:#fff;color:var(--fg)}
.toolbar{display:flex;gap:16px;align-items:center;margin:6px 0}
.scroller{max-height:70vh;overflow:auto;border:1px solid var(--line)}
.scroller table{margin:0;width:100%}
.scroller thead th{position:sticky;top:0;z-index:1}
main.wide{max-width:none}
table.runs{border-collapse:separate;border-spacing:0}
table.runs th,table.runs td{border-width:0 1px 1px 0}
table.runs tr{height:33px}
table.runs td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:420px}
table.runs th:first-child,table.runs td:first-child{position:sticky;left:0;width:88px;min-width:88px;max-width:88px}
table.runs th:nth-child(2),table.runs td:nth-child(2){position:sticky;left:88px}
table.runs td:first-child,table.runs td:nth-child(2){background:var(--bg);z-index:1}
.scroller thead th:first-child,.scroller thead th:nth-child(2){z-index:2}
td.differs,th.differs{background:#fff8c5}
.delta{color:var(--muted);font-size:12px;margin-left:4px}
`;
function navBar(root, extra = "") {
  return `<nav class="top" aria-label="Run browser"><a href="/">Runs</a>${extra}<span class="muted">${(0,html_page/* escapeHtml */.ZD)(root)}</span></nav>`;
}
function runHref(id) {
  return `/runs/${encodeURIComponent(id)}`;
}
function artifactHref(id, relative, download = false) {
  const path = relative.split("/").map(encodeURIComponent).join("/");
  return `${runHref(id)}/artifacts/${path}${download ? "?download=1" : ""}`;
}
function stateBadge(state) {
  const marks = {
    SUCCEEDED: "\u2713",
    FAILED: "\u2717",
    RUNNING: "\u25B6",
    CANCELLED: "\u25A0",
    UNREADABLE: "!"
  };
  return `<span class="state state-${(0,html_page/* escapeHtml */.ZD)(state)}">${marks[state] ?? "\xB7"} ${(0,html_page/* escapeHtml */.ZD)(state)}</span>`;
}
function formatTime(iso) {
  return iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "") : "";
}
function formatValue(value) {
  if (value === void 0) return "\u2014";
  if (typeof value === "number") return (0,pipeline_report/* formatMetric */.gI)(value);
  if (typeof value === "string") return value === "" ? '""' : value;
  return JSON.stringify(value);
}
function messagePageHtml(root, title, message) {
  return (0,html_page/* htmlPage */.X)({
    title: `${title} \xB7 mlops ui`,
    body: `${navBar(root)}<main><h1>${(0,html_page/* escapeHtml */.ZD)(title)}</h1><p>${(0,html_page/* escapeHtml */.ZD)(message)}</p></main>`,
    style: BROWSER_STYLE
  });
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/artifact-preview.js



const PREVIEW_BYTES = 256 * 1024;
const CSV_PREVIEW_ROWS = 50;
function looksLikeCsv(text) {
  const [first, second] = (0,csv/* parseCsv */.W)(text, 2);
  return first !== void 0 && first.length > 1 && (second === void 0 || second.length === first.length);
}
function previewFile(name, text, complete) {
  if (text.includes("\0")) return { kind: "binary" };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const trimmed = text.trimStart();
  if (extension === "json" || extension === void 0 && /^[{[]/.test(trimmed)) {
    try {
      if (complete) return { kind: "json", text: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
    }
  }
  if (extension === "md" || extension === "markdown" || extension === void 0 && trimmed.startsWith("# "))
    return { kind: "markdown", text };
  if (extension === "csv" || extension === void 0 && looksLikeCsv(text)) {
    const [header = [], ...rows] = (0,csv/* parseCsv */.W)(text, CSV_PREVIEW_ROWS + 1);
    return { kind: "csv", header, rows };
  }
  return { kind: "text", text };
}
function previewBody(view) {
  const { preview } = view;
  switch (preview.kind) {
    case "folder":
      return preview.entries.length === 0 ? '<p class="muted">Empty folder.</p>' : `<table><thead><tr><th>Name</th><th class="num">Size</th></tr></thead><tbody>${preview.entries.map(
        (entry) => `<tr><td><a href="${(0,html_page/* escapeHtml */.ZD)(artifactHref(view.id, `${view.relative}/${entry.name}`))}">${(0,html_page/* escapeHtml */.ZD)(entry.name)}${entry.folder ? "/" : ""}</a></td><td class="num">${entry.folder ? "" : entry.size}</td></tr>`
      ).join("")}</tbody></table>`;
    case "csv":
      return `<p class="muted">The first ${preview.rows.length} rows.</p><div class="scroller"><table id="csv-head"><thead><tr>${preview.header.map((name) => `<th scope="col">${(0,html_page/* escapeHtml */.ZD)(name)}</th>`).join("")}</tr></thead><tbody>${preview.rows.map((row) => `<tr>${row.map((value) => `<td>${(0,html_page/* escapeHtml */.ZD)(value)}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
    case "binary":
      return "<p>A binary file: download it to open it.</p>";
    default:
      return `${view.complete ? "" : `<p class="muted">The first ${PREVIEW_BYTES / 1024} KB.</p>`}<pre>${(0,html_page/* escapeHtml */.ZD)(preview.text)}</pre>`;
  }
}
function artifactPageHtml(view) {
  const download = view.preview.kind === "folder" ? "" : ` \xB7 <a href="${(0,html_page/* escapeHtml */.ZD)(artifactHref(view.id, view.relative, true))}" download>Download (${view.size} bytes)</a>`;
  const body = `${navBar(view.root)}
<main>
<p><a href="${(0,html_page/* escapeHtml */.ZD)(runHref(view.id))}">${(0,html_page/* escapeHtml */.ZD)(view.runId)}</a></p>
<h1>${(0,html_page/* escapeHtml */.ZD)(view.relative)}</h1>
<p class="muted">${(0,html_page/* escapeHtml */.ZD)(view.preview.kind)}${download}</p>
${previewBody(view)}
</main>`;
  return (0,html_page/* htmlPage */.X)({ title: `${view.relative} \xB7 ${view.runId}`, body, style: BROWSER_STYLE });
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/charts.js + 5 modules
var charts = __webpack_require__(639);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/confusion-matrix.js
var confusion_matrix = __webpack_require__(9290);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/svg/downsample.js
var downsample = __webpack_require__(5178);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/list-query.js
const DEFAULT_SORT = "-start";
const DEFAULT_METRIC_COLUMNS = 4;
const SORT_KEYS = (/* unused pure expression or super */ null && (["id", "state", "pipeline", "start", "duration"]));
const METRIC_SORT_PREFIX = "m:";
function listParameter(search, name) {
  return search.getAll(name).join(",").split(",").map((item) => item.trim()).filter(Boolean);
}
function parseListQuery(search) {
  return {
    q: search.get("q")?.trim() ?? "",
    state: search.get("state")?.trim() ?? "",
    pipeline: search.get("pipeline")?.trim() ?? "",
    sort: search.get("sort")?.trim() || DEFAULT_SORT,
    selected: [...new Set(listParameter(search, "selected"))],
    ...search.has("columns") ? { columns: listParameter(search, "columns") } : {}
  };
}
function listQueryString(query) {
  const search = new URLSearchParams();
  if (query.q) search.set("q", query.q);
  if (query.state) search.set("state", query.state);
  if (query.pipeline) search.set("pipeline", query.pipeline);
  if (query.sort !== DEFAULT_SORT) search.set("sort", query.sort);
  if (query.selected.length > 0) search.set("selected", query.selected.join(","));
  if (query.columns) search.set("columns", query.columns.join(","));
  const text = search.toString();
  return text ? `?${text}` : "";
}
function filterRuns(runs, query) {
  const text = query.q.toLowerCase();
  return runs.filter(
    (run) => (!query.state || run.state === query.state) && (!query.pipeline || run.pipeline === query.pipeline) && (!text || [run.id, run.runId, run.pipeline, run.state].some(
      (field) => field.toLowerCase().includes(text)
    ))
  );
}
function sortValue(run, key) {
  if (key.startsWith(METRIC_SORT_PREFIX)) return run.metrics[key.slice(METRIC_SORT_PREFIX.length)];
  switch (key) {
    case "id":
      return run.id;
    case "state":
      return run.state;
    case "pipeline":
      return run.pipeline || void 0;
    case "duration":
      return run.durationMs;
    default:
      return run.startTime || void 0;
  }
}
function sortRuns(runs, sort) {
  const descending = sort.startsWith("-");
  const key = descending ? sort.slice(1) : sort;
  const keyed = runs.map((run) => ({ run, value: sortValue(run, key) }));
  keyed.sort((a, b) => {
    if (a.value === void 0 || b.value === void 0) {
      if (a.value !== b.value) return a.value === void 0 ? 1 : -1;
    } else if (a.value !== b.value) {
      const order = a.value < b.value ? -1 : 1;
      return descending ? -order : order;
    }
    return a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0;
  });
  return keyed.map((entry) => entry.run);
}
function metricNames(runs) {
  const counts = /* @__PURE__ */ new Map();
  const outputs = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const name of Object.keys(run.metrics)) counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const name of run.outputMetrics) outputs.set(name, (outputs.get(name) ?? 0) + 1);
  }
  const parts = (name) => name.split("_").length;
  return [...counts.entries()].sort(
    ([a, countA], [b, countB]) => (outputs.get(b) ?? 0) - (outputs.get(a) ?? 0) || countB - countA || parts(a) - parts(b) || (a < b ? -1 : a > b ? 1 : 0)
  ).map(([name]) => name);
}
function shownMetricColumns(query, available) {
  return query.columns ? [...query.columns] : available.slice(0, DEFAULT_METRIC_COLUMNS);
}
function listRow(run, columns) {
  const metrics = {};
  for (const column of columns) {
    const value = run.metrics[column];
    if (value !== void 0) metrics[column] = value;
  }
  return {
    id: run.id,
    runId: run.runId,
    pipeline: run.pipeline,
    state: run.state,
    startTime: run.startTime,
    ...run.durationMs === void 0 ? {} : { durationMs: run.durationMs },
    metrics,
    ...run.problem === void 0 ? {} : { problem: run.problem }
  };
}
function listPage(sorted, columns, offset, limit) {
  return {
    total: sorted.length,
    offset,
    columns,
    rows: sorted.slice(offset, offset + limit).map((run) => listRow(run, columns))
  };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/compare.js

const MAX_OVERLAID_RUNS = 10;
function parseCompareQuery(search) {
  return {
    runs: [...new Set(listParameter(search, "runs"))],
    onlyDifferences: search.get("only") === "diff",
    transpose: search.get("transpose") === "1"
  };
}
function compareQueryString(query) {
  const search = new URLSearchParams();
  search.set("runs", query.runs.join(","));
  if (query.onlyDifferences) search.set("only", "diff");
  if (query.transpose) search.set("transpose", "1");
  return `?${search.toString()}`;
}
function sameValue(a, b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
function compareRows(columns) {
  const names = [...new Set(columns.flatMap((column) => Object.keys(column)))];
  return names.map((name) => {
    const values = columns.map((column) => column[name]);
    const first = values[0];
    return {
      name,
      values,
      differs: values.some((value) => !sameValue(value, first)),
      deltas: values.map(
        (value) => typeof value === "number" && typeof first === "number" ? value - first : void 0
      )
    };
  });
}
function flatMetrics(record) {
  const flat = {};
  for (const [task, metrics] of Object.entries(record.metrics))
    for (const [name, value] of Object.entries(metrics)) flat[`${task}.${name}`] = value;
  return flat;
}
function compareRuns(records) {
  return {
    parameters: compareRows(records.map((record) => record.parameters)),
    metrics: compareRows(records.map(flatMetrics))
  };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/compare-charts.js





function overlaid(runs, curvesOf, title, xLabel, yLabel, diagonal) {
  const byLabel = /* @__PURE__ */ new Map();
  runs.slice(0, MAX_OVERLAID_RUNS).forEach((run, index) => {
    for (const curve of (run.evaluation && curvesOf(run.evaluation)) ?? []) {
      const thin = (0,downsample/* downsampleCurve */.u)(curve);
      const series = byLabel.get(curve.label) ?? [];
      series.push({
        label: run.label,
        points: thin.x.map((x, point) => [x, thin.y[point] ?? Number.NaN]),
        color: html_page/* PALETTE */.Ab[index % html_page/* PALETTE */.Ab.length] ?? html_page/* PALETTE */.Ab[0],
        dash: html_page/* DASHES */.jJ[index % html_page/* DASHES */.jJ.length] ?? ""
      });
      byLabel.set(curve.label, series);
    }
  });
  return [...byLabel.entries()].map(
    ([label, series]) => (0,charts/* lineChartSvg */.JA)({
      title: `${title} \xB7 ${label}`,
      xLabel,
      yLabel,
      series,
      xDomain: [0, 1],
      yDomain: [0, 1],
      diagonal
    })
  );
}
function confusionDeltas(runs) {
  const [first, ...others] = runs;
  const baseline = first?.evaluation;
  if (!first || !baseline?.classes || !baseline.confusionMatrix) return [];
  return others.flatMap((run) => {
    const evaluation = run.evaluation;
    if (!evaluation?.confusionMatrix || !evaluation.classes) return [];
    if (evaluation.classes.join("\0") !== baseline.classes?.join("\0"))
      return [
        `<p class="muted">${(0,html_page/* escapeHtml */.ZD)(run.label)} has other classes than ${(0,html_page/* escapeHtml */.ZD)(first.label)}: no confusion-matrix difference.</p>`
      ];
    return [
      (0,confusion_matrix/* confusionMatrixSvg */.I)({
        title: `Confusion matrix: ${run.label} vs ${first.label}`,
        classes: evaluation.classes,
        matrix: evaluation.confusionMatrix,
        baseline: baseline.confusionMatrix
      })
    ];
  });
}
function compareChartsHtml(runs) {
  const curves = [
    ...overlaid(
      runs,
      (evaluation) => evaluation.roc,
      "ROC",
      "False positive rate",
      "True positive rate",
      true
    ),
    ...overlaid(
      runs,
      (evaluation) => evaluation.precisionRecall,
      "Precision-recall",
      "Recall",
      "Precision",
      false
    )
  ];
  const matrices = confusionDeltas(runs);
  if (curves.length === 0 && matrices.length === 0) return "";
  const wrap = (charts) => `<div class="charts">${charts.map((chart) => `<div class="chart">${chart}</div>`).join("")}</div>`;
  return [
    curves.length > 0 ? `<h2>Curves</h2>${wrap(curves)}` : "",
    matrices.length > 0 ? `<h2>Confusion matrices against the first run</h2>${wrap(matrices)}` : ""
  ].join("\n");
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/compare-page.js




function cell(row, index) {
  const value = row.values[index];
  const delta = row.deltas[index];
  const shownDelta = index > 0 && delta !== void 0 && delta !== 0 ? `<span class="delta" data-delta="${delta}">(${(0,html_page/* escapeHtml */.ZD)((0,pipeline_report/* formatDelta */.CW)(row.values[index], row.values[0]))})</span>` : "";
  const numeric = typeof value === "number";
  return `<td class="${numeric ? "num" : ""}${row.differs ? " differs" : ""}">${(0,html_page/* escapeHtml */.ZD)(formatValue(value))}${shownDelta}</td>`;
}
function runHeader(run) {
  return `<a href="${(0,html_page/* escapeHtml */.ZD)(runHref(run.id))}">${(0,html_page/* escapeHtml */.ZD)(run.runId)}</a><br><span class="muted">${(0,html_page/* escapeHtml */.ZD)(run.pipeline)}</span> ${stateBadge(run.state)}`;
}
function compareTable(caption, rows, view, id) {
  const shown = view.query.onlyDifferences ? rows.filter((row) => row.differs) : rows;
  if (shown.length === 0)
    return `<h2>${(0,html_page/* escapeHtml */.ZD)(caption)}</h2><p class="muted">${rows.length === 0 ? "None." : "No differences."}</p>`;
  const runs = view.runs;
  const table = view.query.transpose ? `<thead><tr><th scope="col">Run</th>${shown.map((row) => `<th scope="col"${row.differs ? ' class="differs"' : ""}>${(0,html_page/* escapeHtml */.ZD)(row.name)}</th>`).join("")}</tr></thead><tbody>${runs.map(
    (run, index) => `<tr><th scope="row">${runHeader(run)}</th>${shown.map((row) => cell(row, index)).join("")}</tr>`
  ).join("")}</tbody>` : `<thead><tr><th scope="col">${(0,html_page/* escapeHtml */.ZD)(caption === "Metrics" ? "Task.metric" : "Parameter")}</th>${runs.map((run) => `<th scope="col">${runHeader(run)}</th>`).join("")}</tr></thead><tbody>${shown.map(
    (row) => `<tr data-name="${(0,html_page/* escapeHtml */.ZD)(row.name)}"><th scope="row">${(0,html_page/* escapeHtml */.ZD)(row.name)}</th>${runs.map((_, index) => cell(row, index)).join("")}</tr>`
  ).join("")}</tbody>`;
  return `<h2>${(0,html_page/* escapeHtml */.ZD)(caption)}</h2><table id="${id}">${table}</table>`;
}
function comparePageHtml(view) {
  const { query } = view;
  const toggles = [
    `<a href="${(0,html_page/* escapeHtml */.ZD)(compareQueryString({ ...query, onlyDifferences: !query.onlyDifferences }))}" id="toggle-differences">${query.onlyDifferences ? "Show all rows" : "Only differences"}</a>`,
    `<a href="${(0,html_page/* escapeHtml */.ZD)(compareQueryString({ ...query, transpose: !query.transpose }))}" id="toggle-transpose">${query.transpose ? "One column per run" : "One row per run (transpose)"}</a>`,
    `<a href="/?selected=${(0,html_page/* escapeHtml */.ZD)(view.runs.map((run) => encodeURIComponent(run.id)).join(","))}">Change the selection</a>`
  ].join(" \xB7 ");
  const notes = [
    view.missing.length > 0 ? `<p class="warning">Not found under this root: ${view.missing.map((id) => `<code>${(0,html_page/* escapeHtml */.ZD)(id)}</code>`).join(", ")}.</p>` : "",
    view.runs.length < 2 ? "<p>Tick two runs or more in the list to compare them.</p>" : view.runs.length > MAX_OVERLAID_RUNS ? `<p class="muted">Curves overlay the first ${MAX_OVERLAID_RUNS} runs.</p>` : ""
  ].join("");
  const body = `${navBar(view.root)}
<main>
<h1>Comparing ${view.runs.length} run${view.runs.length === 1 ? "" : "s"}</h1>
<p class="toolbar">${toggles}</p>
${notes}
<p class="muted">Deltas are against the first run; highlighted cells differ between runs.</p>
${compareTable("Metrics", view.comparison.metrics, view, "metrics")}
${compareTable("Parameters", view.comparison.parameters, view, "parameters")}
${view.charts}
</main>`;
  return (0,html_page/* htmlPage */.X)({ title: "Compare runs \xB7 mlops ui", body, style: BROWSER_STYLE });
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/duration.js
var duration = __webpack_require__(3422);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/list-script.js
const LIST_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('list-state').textContent);
  var params = new URLSearchParams(location.search);
  var scroller = document.getElementById('scroller');
  var tbody = document.getElementById('rows');
  var form = document.getElementById('filters');
  var count = document.getElementById('count');
  var compareLink = document.getElementById('compare-link');
  var more = document.getElementById('more');
  if (more) more.remove();
  var total = config.total;
  var windowSize = config.window;
  var columns = config.columns;
  var rowHeight = config.rowHeight;
  var sample = tbody.querySelector('tr[data-id]');
  if (sample) rowHeight = sample.getBoundingClientRect().height || rowHeight;
  var windows = {};
  var pending = {};
  var generation = 0;
  var loaded = 0;
  var drawn = '';
  // The server drew the first window: keep it instead of asking again.
  if (total > 0) windows[0] = Array.prototype.map.call(tbody.rows, function (row) { return row.outerHTML; });

  function selected() {
    return (params.get('selected') || '').split(',').filter(Boolean);
  }

  function remember() {
    var text = params.toString();
    history.replaceState(null, '', text ? '?' + text : location.pathname);
    var runs = selected();
    compareLink.href = '/compare?runs=' + runs.map(encodeURIComponent).join(',');
    compareLink.textContent = 'Compare selected (' + runs.length + ')';
    var sort = params.get('sort') || '-start';
    document.querySelectorAll('th a[data-sort]').forEach(function (link) {
      var key = link.getAttribute('data-sort');
      var next = new URLSearchParams(params);
      next.set('sort', sort === key ? '-' + key : key);
      link.href = '/?' + next.toString();
    });
    var kept = form.querySelector('input[name=selected]');
    if (kept) kept.value = runs.join(',');
  }

  function load(index) {
    if (windows[index] || pending[index]) return;
    pending[index] = true;
    var mine = generation;
    var query = new URLSearchParams(params);
    query.delete('selected');
    query.set('offset', String(index * windowSize));
    query.set('limit', String(windowSize));
    query.set('html', '1');
    fetch('/api/runs?' + query.toString())
      .then(function (response) {
        if (!response.ok) throw new Error('/api/runs answered ' + response.status);
        return response.json();
      })
      .then(function (page) {
        if (mine !== generation) return;
        delete pending[index];
        windows[index] = page.html;
        loaded++;
        total = page.total;
        count.textContent = page.total + ' of ' + page.runCount + ' run' + (page.runCount === 1 ? '' : 's');
        draw();
      })
      .catch(function (error) {
        delete pending[index];
        count.textContent = 'Could not load runs: ' + error.message;
      });
  }

  function spacer(height) {
    return height > 0
      ? '<tr aria-hidden="true" class="spacer"><td colspan="' + columns + '" style="height:' + height + 'px;padding:0;border:0"></td></tr>'
      : '';
  }

  function draw() {
    var top = scroller.scrollTop;
    var height = scroller.clientHeight || 600;
    var first = Math.max(0, Math.floor(top / rowHeight) - 30);
    var last = Math.min(total, Math.ceil((top + height) / rowHeight) + 30);
    for (var index = Math.floor(first / windowSize); index * windowSize < last; index++) load(index);
    var key = first + ':' + last + ':' + loaded + ':' + generation;
    if (key === drawn) return;
    drawn = key;
    var html = [spacer(first * rowHeight)];
    for (var i = first; i < last; i++) {
      var rows = windows[Math.floor(i / windowSize)];
      html.push(rows && rows[i % windowSize] ? rows[i % windowSize] : '<tr><td colspan="' + columns + '" class="muted">loading\u2026</td></tr>');
    }
    html.push(spacer((total - last) * rowHeight));
    // Keep the keyboard focus on the same run's checkbox or link when rows are redrawn.
    var active = document.activeElement;
    var focusRow = active && tbody.contains(active) ? active.closest('tr').getAttribute('data-id') : null;
    var focusTag = active ? active.tagName : '';
    tbody.innerHTML = html.join('');
    var chosen = selected();
    tbody.querySelectorAll('input[name=runs]').forEach(function (box) {
      box.checked = chosen.indexOf(box.value) >= 0;
    });
    if (focusRow !== null) {
      var row = tbody.querySelector('tr[data-id="' + CSS.escape(focusRow) + '"]');
      var target = row && row.querySelector(focusTag === 'A' ? 'a' : 'input');
      if (target) target.focus({ preventScroll: true });
    }
  }

  function applyFilters() {
    ['q', 'state', 'pipeline'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
      else params.delete(name);
    });
    generation++;
    windows = {};
    pending = {};
    scroller.scrollTop = 0;
    remember();
    load(0);
  }

  var typing;
  form.elements.q.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(applyFilters, 150);
  });
  form.elements.state.addEventListener('change', applyFilters);
  form.elements.pipeline.addEventListener('change', applyFilters);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    applyFilters();
  });
  tbody.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches('input[name=runs]')) return;
    var runs = selected().filter(function (id) { return id !== box.value; });
    if (box.checked) runs.push(box.value);
    if (runs.length) params.set('selected', runs.join(','));
    else params.delete('selected');
    remember();
  });
  // Ticked runs scrolled out of view are no longer in the form: compare what the URL holds.
  document.getElementById('compare-form').addEventListener('submit', function (event) {
    event.preventDefault();
    location.href = compareLink.href;
  });
  var frame = 0;
  scroller.addEventListener('scroll', function () {
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; draw(); });
  });
  remember();
  draw();
})();
`;


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/list-page.js






const LIST_WINDOW = 200;
const ROW_HEIGHT = 33;
function listRowHtml(row, columns, selected) {
  const id = (0,html_page/* escapeHtml */.ZD)(row.id);
  const cells = [
    `<td><input type="checkbox" name="runs" value="${id}" aria-label="Select ${id}"${selected ? " checked" : ""}></td>`,
    `<td><a href="${(0,html_page/* escapeHtml */.ZD)(runHref(row.id))}">${(0,html_page/* escapeHtml */.ZD)(row.runId)}</a></td>`,
    `<td title="${(0,html_page/* escapeHtml */.ZD)(row.problem ?? "")}">${stateBadge(row.state)}</td>`,
    `<td>${(0,html_page/* escapeHtml */.ZD)(row.pipeline)}</td>`,
    `<td>${(0,html_page/* escapeHtml */.ZD)(formatTime(row.startTime))}</td>`,
    `<td class="num">${(0,html_page/* escapeHtml */.ZD)((0,duration/* formatDuration */.a)(row.durationMs))}</td>`,
    ...columns.map((column) => {
      const value = row.metrics[column];
      return `<td class="num">${value === void 0 ? "" : (0,html_page/* escapeHtml */.ZD)((0,pipeline_report/* formatMetric */.gI)(value))}</td>`;
    })
  ];
  return `<tr data-id="${id}">${cells.join("")}</tr>`;
}
function headerCell(label, key, query, numeric) {
  const ascending = query.sort === key;
  const descending = query.sort === `-${key}`;
  const next = ascending ? `-${key}` : key;
  const sort = ascending ? "ascending" : descending ? "descending" : "none";
  const arrow = ascending ? " \u25B2" : descending ? " \u25BC" : "";
  const href = `/${listQueryString({ ...query, sort: next })}`;
  return `<th${numeric ? ' class="num"' : ""} aria-sort="${sort}"><a href="${(0,html_page/* escapeHtml */.ZD)(href)}" data-sort="${(0,html_page/* escapeHtml */.ZD)(key)}">${(0,html_page/* escapeHtml */.ZD)(label)}${arrow}</a></th>`;
}
function options(values, chosen, all) {
  return [
    `<option value="">${(0,html_page/* escapeHtml */.ZD)(all)}</option>`,
    ...values.map(
      (value) => `<option value="${(0,html_page/* escapeHtml */.ZD)(value)}"${value === chosen ? " selected" : ""}>${(0,html_page/* escapeHtml */.ZD)(value)}</option>`
    )
  ].join("");
}
function emptyMessage(view) {
  if (view.runCount > 0) return "<p>No run matches these filters.</p>";
  const where = (0,html_page/* escapeHtml */.ZD)(view.root);
  return `<p>${view.rootExists ? `No runs under <code>${where}</code> yet.` : `<code>${where}</code> does not exist yet.`} Make one with <code>mlops run --local pipelines/training-pipeline.yaml --pipeline-root ${where}</code>, or start <code>mlops ui --pipeline-root DIR</code> on the folder your runs are in.</p>`;
}
function listPageHtml(view) {
  const { query, page } = view;
  const selected = new Set(query.selected);
  const hidden = [
    query.sort ? `<input type="hidden" name="sort" value="${(0,html_page/* escapeHtml */.ZD)(query.sort)}">` : "",
    query.columns ? `<input type="hidden" name="columns" value="${(0,html_page/* escapeHtml */.ZD)(query.columns.join(","))}">` : "",
    query.selected.length > 0 ? `<input type="hidden" name="selected" value="${(0,html_page/* escapeHtml */.ZD)(query.selected.join(","))}">` : ""
  ].join("");
  const filters = `<form class="filters" id="filters" method="get" action="/" role="search">
<label>Filter<input type="search" name="q" id="filter-text" value="${(0,html_page/* escapeHtml */.ZD)(query.q)}" placeholder="run, pipeline or state"></label>
<label>State<select name="state" id="filter-state">${options(view.states, query.state, "any state")}</select></label>
<label>Pipeline<select name="pipeline" id="filter-pipeline">${options(view.pipelines, query.pipeline, "any pipeline")}</select></label>
${hidden}<button type="submit">Apply</button></form>`;
  const columnChoice = view.metrics.map(
    (name) => `<label><input type="checkbox" name="columns" value="${(0,html_page/* escapeHtml */.ZD)(name)}"${page.columns.includes(name) ? " checked" : ""}> ${(0,html_page/* escapeHtml */.ZD)(name)}</label>`
  ).join(" ");
  const columnsForm = view.metrics.length ? `<details><summary>Metric columns</summary><form method="get" action="/">${columnChoice}<input type="hidden" name="q" value="${(0,html_page/* escapeHtml */.ZD)(query.q)}"><input type="hidden" name="state" value="${(0,html_page/* escapeHtml */.ZD)(query.state)}"><input type="hidden" name="pipeline" value="${(0,html_page/* escapeHtml */.ZD)(query.pipeline)}"><input type="hidden" name="sort" value="${(0,html_page/* escapeHtml */.ZD)(query.sort)}"> <button type="submit">Show</button></form></details>` : "";
  const header = [
    '<th scope="col"><span class="muted">Compare</span></th>',
    headerCell("Run", "id", query, false),
    headerCell("State", "state", query, false),
    headerCell("Pipeline", "pipeline", query, false),
    headerCell("Started (UTC)", "start", query, false),
    headerCell("Duration", "duration", query, true),
    ...page.columns.map(
      (column) => headerCell(column, `${METRIC_SORT_PREFIX}${column}`, query, true)
    )
  ].join("");
  const rows = page.rows.map((row) => listRowHtml(row, page.columns, selected.has(row.id))).join("\n");
  const compareHref = `/compare?runs=${query.selected.map(encodeURIComponent).join(",")}`;
  const body = `${navBar(view.root)}
<main class="wide">
<h1>Runs</h1>
${filters}
${columnsForm}
<form method="get" action="/compare" id="compare-form">
<div class="toolbar"><span id="count" aria-live="polite">${page.total} of ${view.runCount} run${view.runCount === 1 ? "" : "s"}</span>
<a id="compare-link" href="${(0,html_page/* escapeHtml */.ZD)(compareHref)}">Compare selected (${query.selected.length})</a>
<button type="submit" id="compare-submit">Compare ticked runs</button></div>
${page.total === 0 ? emptyMessage(view) : ""}
<div class="scroller" id="scroller">
<table class="runs"><thead><tr>${header}</tr></thead>
<tbody id="rows">
${rows}
</tbody></table></div>
${page.total > page.rows.length ? `<p class="muted" id="more">Showing the first ${page.rows.length}; with script the list scrolls through all ${page.total}.</p>` : ""}
</form>
<script type="application/json" id="list-state">${(0,html_page/* jsonForScript */.vN)({ total: page.total, columns: page.columns.length + 6, window: LIST_WINDOW, rowHeight: ROW_HEIGHT })}</script>
</main>`;
  return (0,html_page/* htmlPage */.X)({
    title: "Runs \xB7 mlops ui",
    body,
    style: BROWSER_STYLE,
    script: LIST_SCRIPT,
    fetchFromOrigin: true
  });
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-browser/loopback.js
var loopback = __webpack_require__(2118);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/report-html.js + 4 modules
var report_html = __webpack_require__(842);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/run-page.js




const LIVE_REFRESH_SECONDS = 2;
function outputsSection(view) {
  const { record } = view;
  const local = record.backend === "local";
  const rows = Object.values(record.tasks).map((task) => {
    const outputs = Object.entries(task.artifacts).filter(([, list]) => list.length > 0).map(
      ([output, list]) => local ? `<a href="${(0,html_page/* escapeHtml */.ZD)(artifactHref(view.id, `${task.path}/${output}`))}">${(0,html_page/* escapeHtml */.ZD)(output)}</a>` : (0,html_page/* escapeHtml */.ZD)(`${output}: ${list.map((artifact) => artifact.uri).join(", ")}`)
    ).join(", ");
    return `<tr><td>${(0,html_page/* escapeHtml */.ZD)(task.path)}</td><td>${stateBadge(task.state)}${task.cached ? ' <span class="muted">(cached)</span>' : ""}</td><td class="num">${(0,html_page/* escapeHtml */.ZD)((0,duration/* formatDuration */.a)(task.durationMs))}</td><td>${outputs}</td></tr>`;
  });
  return `<section id="outputs" aria-labelledby="outputs-title"><h2 id="outputs-title">Outputs</h2><table><thead><tr><th>Task</th><th>State</th><th class="num">Duration</th><th>Outputs</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
function runPageHtml(view, report) {
  const running = view.record.state === "RUNNING";
  return (0,report_html/* renderReportHtml */.Y)(report, {
    head: `<style>${BROWSER_STYLE}</style>${running ? `<meta http-equiv="refresh" content="${LIVE_REFRESH_SECONDS}">` : ""}`,
    before: navBar(
      view.root,
      running ? `<span id="live" class="state state-RUNNING">\u25B6 Running: this page reloads every ${LIVE_REFRESH_SECONDS} s</span>` : ""
    ),
    after: outputsSection(view)
  });
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-record.js
var run_record = __webpack_require__(9195);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/run-browser/run-summary.js


function keyMetrics(record) {
  try {
    return (0,run_record/* taskMetrics */.TH)(record.metrics, void 0);
  } catch {
    return { metrics: {} };
  }
}
function summarizeRun(id, record) {
  const { task, metrics } = keyMetrics(record);
  return {
    id,
    runId: record.runId,
    pipeline: record.pipelineName,
    state: record.state,
    backend: record.backend,
    startTime: record.startTime,
    ...record.durationMs === void 0 ? {} : { durationMs: record.durationMs },
    ...task === void 0 ? {} : { metricsTask: task },
    metrics,
    outputMetrics: Object.keys(metrics).filter(
      (name) => typeof record.outputs[name] === "number" || Object.values(record.outputs).includes(name)
    ),
    parameters: record.parameters
  };
}
function unreadableRun(id, problem) {
  return {
    id,
    runId: id,
    pipeline: "",
    state: "UNREADABLE",
    backend: "",
    startTime: "",
    metrics: {},
    outputMetrics: [],
    parameters: {},
    problem
  };
}
const TASKS_MEMBER = '\n  "tasks": ';
const AFTER_TASKS = '\n  "outputs": ';
function withoutTasks(text) {
  const start = text.indexOf(TASKS_MEMBER);
  const end = start < 0 ? -1 : text.indexOf(AFTER_TASKS, start);
  return end < 0 ? text : `${text.slice(0, start)}${TASKS_MEMBER}{},${text.slice(end)}`;
}
function summarizeRunJson(id, text, source) {
  try {
    return summarizeRun(id, (0,run_record/* parseRunRecord */.Yz)(JSON.parse(withoutTasks(text)), source));
  } catch (error) {
    return unreadableRun(id, (0,errors/* errorMessage */.gJ)(error).split("\n")[0] ?? "unreadable");
  }
}


// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/run-browser/run-index.js






const FRESH_MS = 500;
const SETTLED_RECHECK_MS = 5e3;
const SETTLED = /* @__PURE__ */ new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
function isRunFolderName(name) {
  return name !== "" && !name.startsWith(".") && !/[/\\\0]/.test(name);
}
async function readRunRecord(file) {
  return (0,run_record/* parseRunRecord */.Yz)(JSON.parse(await (0,promises_.readFile)(file, "utf8")), file);
}
class RunIndex {
  constructor(root) {
    this.root = root;
  }
  root;
  entries = /* @__PURE__ */ new Map();
  listing = { runs: [], version: 0, rootExists: false };
  scannedAt = -Infinity;
  sweptAt = -Infinity;
  /** Every run under the root, as of at most FRESH_MS ago. */
  list() {
    return performance.now() - this.scannedAt < FRESH_MS ? this.listing : this.scan();
  }
  /** One run's record, read now (a running run's page shows its latest state). */
  async load(id) {
    if (!isRunFolderName(id)) return void 0;
    const folder = external_node_path_.join(this.root, id);
    const info = await (0,promises_.lstat)(folder).catch(() => void 0);
    if (!info?.isDirectory()) return void 0;
    const file = external_node_path_.join(folder, "run.json");
    if (!(await (0,promises_.stat)(file).catch(() => void 0))?.isFile()) return void 0;
    try {
      return { folder, record: await readRunRecord(file) };
    } catch (error) {
      return { folder, problem: (0,errors/* errorMessage */.gJ)(error) };
    }
  }
  /**
   * Synchronous on purpose: for thousands of small files, sync stats and reads are several times
   * faster than the thread pool's, and a rescan that finds nothing new blocks for milliseconds.
   */
  scan() {
    const started = performance.now();
    let folders;
    try {
      folders = (0,external_node_fs_.readdirSync)(this.root, { withFileTypes: true });
    } catch (error) {
      const code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
      this.entries.clear();
      this.listing = { runs: [], version: this.listing.version + 1, rootExists: false };
      this.scannedAt = started;
      return this.listing;
    }
    const sweep = started - this.sweptAt >= SETTLED_RECHECK_MS;
    const next = /* @__PURE__ */ new Map();
    let changed = false;
    for (const folder of folders) {
      const name = folder.name;
      if (!folder.isDirectory() || !isRunFolderName(name)) continue;
      const known = this.entries.get(name);
      if (known && !sweep && SETTLED.has(known.summary.state)) {
        next.set(name, known);
        continue;
      }
      const file = external_node_path_.join(this.root, name, "run.json");
      const info = (0,external_node_fs_.statSync)(file, { throwIfNoEntry: false });
      if (!info?.isFile()) continue;
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) {
        next.set(name, known);
        continue;
      }
      changed = true;
      let summary;
      try {
        summary = summarizeRunJson(name, (0,external_node_fs_.readFileSync)(file, "utf8"), file);
      } catch (error) {
        summary = unreadableRun(name, (0,errors/* errorMessage */.gJ)(error));
      }
      next.set(name, { mtimeMs: info.mtimeMs, size: info.size, summary });
    }
    if (sweep) this.sweptAt = started;
    if (changed || next.size !== this.entries.size || !this.listing.rootExists) {
      this.entries = next;
      this.listing = {
        runs: [...next.values()].map((entry) => entry.summary),
        version: this.listing.version + 1,
        rootExists: true
      };
    }
    this.scannedAt = started;
    return this.listing;
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/report-artifacts.js
var report_artifacts = __webpack_require__(5195);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/run-report/report-data.js + 1 modules
var report_data = __webpack_require__(2912);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/run-artifacts.js
var run_artifacts = __webpack_require__(1604);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/run-browser/run-reports.js




const reader = new run_artifacts/* ArtifactReader */.ao({ env: {} });
async function runReportData(id, record, folder) {
  if (record.backend !== "local") return (0,report_data/* buildReportData */.Pv)(record, {});
  const artifacts = await (0,run_artifacts/* loadReportArtifacts */.Ie)({ ...record, location: folder }, reader, folder);
  const browsable = {
    ...artifacts,
    links: Object.fromEntries(
      Object.entries(artifacts.links ?? {}).map(([task, relative]) => [
        task,
        artifactHref(id, relative)
      ])
    )
  };
  return (0,report_data/* buildReportData */.Pv)(record, browsable);
}
async function runEvaluation(record) {
  const uri = record.backend === "local" ? (0,report_artifacts/* reportArtifactUris */.Gn)(record).evaluation : void 0;
  return uri === void 0 ? void 0 : (0,report_data/* reportEvaluation */.Ns)(await reader.read(uri));
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/run-browser/run-files.js




async function resolveRunFile(runFolder, segments) {
  if (segments.length === 0 || segments.some((part) => part === "" || part === "." || part === ".." || /[/\\\0]/.test(part)))
    return void 0;
  try {
    if ((await (0,promises_.lstat)(runFolder)).isSymbolicLink()) return void 0;
    const base = await (0,promises_.realpath)(runFolder);
    const file = await (0,promises_.realpath)(external_node_path_.join(runFolder, ...segments));
    if (!file.startsWith(`${base}${external_node_path_.sep}`)) return void 0;
    const info = await (0,promises_.stat)(file);
    if (!info.isFile() && !info.isDirectory()) return void 0;
    return { file, folder: info.isDirectory(), size: info.size };
  } catch {
    return void 0;
  }
}
async function folderEntries(folder) {
  const entries = await (0,promises_.readdir)(folder, { withFileTypes: true });
  const described = await Promise.all(
    entries.map(async (entry) => {
      const info = await (0,promises_.stat)(external_node_path_.join(folder, entry.name)).catch(() => void 0);
      return { name: entry.name, folder: info?.isDirectory() ?? false, size: info?.size ?? 0 };
    })
  );
  return described.sort(
    (a, b) => Number(b.folder) - Number(a.folder) || (a.name < b.name ? -1 : 1)
  );
}
async function previewRunFile(target) {
  if (target.folder)
    return {
      preview: { kind: "folder", entries: await folderEntries(target.file) },
      complete: true
    };
  const handle = await (0,promises_.open)(target.file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(target.size, PREVIEW_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const complete = target.size <= PREVIEW_BYTES;
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    return { preview: previewFile(external_node_path_.basename(target.file), text, complete), complete };
  } finally {
    await handle.close();
  }
}
function runFileStream(target) {
  return (0,external_node_fs_.createReadStream)(target.file);
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/run-browser/server.js
















const KEPT_VIEWS = 32;
class RunBrowserApp {
  constructor(index, root) {
    this.index = index;
    this.root = root;
  }
  index;
  root;
  version = -1;
  views = /* @__PURE__ */ new Map();
  facets = { metrics: [], pipelines: [], states: [] };
  /** The runs of a list view, from the cache while the runs have not changed. */
  view(listing, query) {
    if (listing.version !== this.version) {
      this.version = listing.version;
      this.views.clear();
      const distinct = (values) => [...new Set(values)].filter(Boolean).sort();
      this.facets = {
        metrics: metricNames(listing.runs),
        pipelines: distinct(listing.runs.map((run) => run.pipeline)),
        states: distinct(listing.runs.map((run) => run.state))
      };
    }
    const key = JSON.stringify([query.q, query.state, query.pipeline, query.sort]);
    let runs = this.views.get(key);
    if (!runs) {
      runs = sortRuns(filterRuns(listing.runs, query), query.sort);
      if (this.views.size >= KEPT_VIEWS) this.views.clear();
      this.views.set(key, runs);
    }
    return runs;
  }
  async handle(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").slice(1);
    if (url.pathname === "/") return this.listPage(url, response);
    if (url.pathname === "/api/runs") return this.listApi(url, response);
    if (url.pathname === "/compare") return this.comparePage(url, response);
    if (parts[0] === "runs" && parts[1]) {
      const id = decodeURIComponent(parts[1]);
      if (parts.length === 2) return this.runPage(id, response);
      if (parts[2] === "artifacts" && parts.length > 3)
        return this.artifact(id, parts.slice(3).map(decodeURIComponent), url, response);
    }
    this.notFound(response, `Nothing at ${url.pathname}.`);
  }
  listPage(url, response) {
    const query = parseListQuery(url.searchParams);
    const listing = this.index.list();
    const runs = this.view(listing, query);
    const columns = shownMetricColumns(query, this.facets.metrics);
    send(
      response,
      200,
      "text/html",
      listPageHtml({
        root: this.root,
        rootExists: listing.rootExists,
        query,
        page: listPage(runs, columns, 0, LIST_WINDOW),
        runCount: listing.runs.length,
        ...this.facets
      }),
      true
    );
  }
  listApi(url, response) {
    const query = parseListQuery(url.searchParams);
    const listing = this.index.list();
    const runs = this.view(listing, query);
    const columns = shownMetricColumns(query, this.facets.metrics);
    const offset = Math.max(0, Number.parseInt(url.searchParams.get("offset") ?? "0", 10) || 0);
    const limit = Math.max(
      1,
      Number.parseInt(url.searchParams.get("limit") ?? "", 10) || LIST_WINDOW
    );
    const page = listPage(runs, columns, offset, limit);
    const selected = new Set(query.selected);
    const html = url.searchParams.get("html") === "1" ? { html: page.rows.map((row) => listRowHtml(row, columns, selected.has(row.id))) } : {};
    send(
      response,
      200,
      "application/json",
      JSON.stringify({ ...page, runCount: listing.runs.length, ...html })
    );
  }
  async runPage(id, response) {
    const loaded = await this.index.load(id);
    if (!loaded) return this.notFound(response, `No run ${id} under ${this.root}.`);
    if ("problem" in loaded)
      return send(
        response,
        500,
        "text/html",
        messagePageHtml(this.root, `Run ${id} cannot be read`, loaded.problem)
      );
    const report = await runReportData(id, loaded.record, loaded.folder);
    send(
      response,
      200,
      "text/html",
      runPageHtml({ root: this.root, id, record: loaded.record }, report)
    );
  }
  async comparePage(url, response) {
    const query = parseCompareQuery(url.searchParams);
    const loaded = await Promise.all(query.runs.map((id) => this.index.load(id)));
    const found = loaded.flatMap(
      (run, index) => run && "record" in run ? [{ id: query.runs[index] ?? "", record: run.record }] : []
    );
    const records = found.map((run) => run.record);
    const evaluations = await Promise.all(records.map((record) => runEvaluation(record)));
    send(
      response,
      200,
      "text/html",
      comparePageHtml({
        root: this.root,
        query,
        runs: found.map((run) => summarizeRun(run.id, run.record)),
        missing: query.runs.filter(
          (_, index) => !found.some((run) => run.id === query.runs[index])
        ),
        comparison: compareRuns(records),
        charts: compareChartsHtml(
          found.map((run, index) => ({
            label: run.record.runId,
            ...evaluations[index] ? { evaluation: evaluations[index] } : {}
          }))
        )
      })
    );
  }
  async artifact(id, segments, url, response) {
    const loaded = await this.index.load(id);
    const target = loaded && await resolveRunFile(loaded.folder, segments);
    if (!loaded || !target)
      return this.notFound(response, `No file ${segments.join("/")} in run ${id}.`);
    if (url.searchParams.get("download") === "1" && !target.folder) {
      const name = external_node_path_.basename(target.file);
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Type": "application/octet-stream",
        "Content-Length": target.size,
        "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`
      });
      if (response.req.method === "HEAD") return void response.end();
      runFileStream(target).pipe(response);
      return;
    }
    const { preview, complete } = await previewRunFile(target);
    const runId = "record" in loaded ? loaded.record.runId : id;
    send(
      response,
      200,
      "text/html",
      artifactPageHtml({
        root: this.root,
        id,
        runId,
        relative: segments.join("/"),
        size: target.size,
        complete,
        preview
      })
    );
  }
  notFound(response, message) {
    send(response, 404, "text/html", messagePageHtml(this.root, "Not found", message));
  }
}
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "Cross-Origin-Resource-Policy": "same-origin"
};
function send(response, status, type, body, fetchFromOrigin = false) {
  const bytes = Buffer.from(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": `${type}; charset=utf-8`,
    "Content-Length": bytes.length,
    "Content-Security-Policy": `${(0,html_page/* contentSecurityPolicy */.A8)(fetchFromOrigin)}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`
  });
  response.end(response.req.method === "HEAD" ? void 0 : bytes);
}
async function startRunBrowser(options) {
  const index = new RunIndex(options.root);
  const app = new RunBrowserApp(index, options.root);
  const checkHost = (0,loopback/* isLoopbackAddress */.O)(options.host);
  const server = (0,external_node_http_.createServer)((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" });
      return void response.end();
    }
    if (checkHost && !(0,loopback/* isLoopbackHostHeader */.H)(request.headers.host)) {
      response.writeHead(421, { ...SECURITY_HEADERS, "Content-Type": "text/plain" });
      return void response.end("This server answers to 127.0.0.1 and localhost only.\n");
    }
    app.handle(request, response).catch((error) => {
      if (response.headersSent) return void response.destroy();
      send(
        response,
        500,
        "text/plain",
        `The run browser failed: ${error instanceof Error ? error.message : String(error)}
`
      );
    });
  });
  index.list();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address();
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    index,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}



/***/ }),

/***/ 9228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ topologicalOrder),
/* harmony export */   p: () => (/* binding */ findCycles)
/* harmony export */ });
function findCycles(graph) {
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const cycles = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (node) => {
    state.set(node, "active");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "active") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const identity = [...new Set(cycle)].sort().join("\0");
        if (!seen.has(identity)) {
          seen.add(identity);
          cycles.push(cycle);
        }
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
function topologicalOrder(graph, compare) {
  const remaining = [...graph.keys()].sort(compare);
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex(
      (node) => [...graph.get(node) ?? []].every(
        (upstream) => placed.has(upstream) || !graph.has(upstream)
      )
    );
    const [next = ""] = remaining.splice(Math.max(index, 0), 1);
    placed.add(next);
    ordered.push(next);
  }
  return ordered;
}



/***/ }),

/***/ 5254:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ renderParameter),
/* harmony export */   Sd: () => (/* binding */ resolveCommandLine),
/* harmony export */   pr: () => (/* binding */ substitutePlaceholders)
/* harmony export */ });
/* unused harmony export buildExecutorInput */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function buildExecutorInput(context) {
  const toMessage = (artifact) => ({
    name: artifact.name,
    uri: artifact.uri,
    metadata: artifact.metadata,
    type: { schemaTitle: artifact.schemaTitle }
  });
  const parameterValues = Object.fromEntries(
    Object.entries(context.parameters).filter(
      (entry) => entry[1] !== void 0
    )
  );
  return {
    inputs: {
      parameterValues,
      artifacts: Object.fromEntries(
        Object.entries(context.inputArtifacts).map(([key, list]) => [
          key,
          { artifacts: list.map(toMessage) }
        ])
      )
    },
    outputs: {
      parameters: Object.fromEntries(
        Object.entries(context.outputParameterFiles).map(([key, file]) => [
          key,
          { outputFile: file }
        ])
      ),
      artifacts: Object.fromEntries(
        Object.entries(context.outputArtifacts).map(([key, artifact]) => [
          key,
          { artifacts: [toMessage(artifact)] }
        ])
      ),
      outputFile: context.executorOutputFile
    }
  };
}
const PLACEHOLDER = /\{\{\$(?:\.[^{}]*?)?\}\}/g;
function renderParameter(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}
function expectArtifact(list, name, placeholder) {
  const [first] = list ?? [];
  if (!first)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `${placeholder} refers to artifact "${name}", which this task was not given`
    );
  return first;
}
function resolveArtifactField(artifact, field, placeholder) {
  if (field === "path") return artifact.path;
  if (field === "uri") return artifact.uri;
  if (field === "metadata") return JSON.stringify(artifact.metadata);
  const key = /^metadata\['([^']*)'\]$/.exec(field)?.[1];
  if (key !== void 0) {
    const value = artifact.metadata[key];
    return typeof value === "string" ? value : JSON.stringify(value ?? null);
  }
  throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Unsupported placeholder ${placeholder}`);
}
function substitutePlaceholders(text, context, executorInputJson) {
  return text.replace(PLACEHOLDER, (placeholder) => {
    const inner = placeholder.slice(2, -2);
    if (inner === "$") return executorInputJson();
    let match = /^\$\.inputs\.parameters\['([^']+)'\]$/.exec(inner);
    if (match?.[1] !== void 0) {
      const value = context.parameters[match[1]];
      if (value === void 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder}: input parameter "${match[1]}" has no value`, {
          fix: "Give the input a value or a default, or wrap it in IfPresent."
        });
      return renderParameter(value);
    }
    match = /^\$\.inputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== void 0 && match[2] !== void 0) {
      return resolveArtifactField(
        expectArtifact(context.inputArtifacts[match[1]], match[1], placeholder),
        match[2],
        placeholder
      );
    }
    match = /^\$\.outputs\.artifacts\['([^']+)'\]\.(.+)$/.exec(inner);
    if (match?.[1] !== void 0 && match[2] !== void 0) {
      const artifact = context.outputArtifacts[match[1]];
      if (!artifact)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} refers to undeclared output artifact "${match[1]}"`);
      return resolveArtifactField(artifact, match[2], placeholder);
    }
    match = /^\$\.outputs\.parameters\['([^']+)'\]\.output_file$/.exec(inner);
    if (match?.[1] !== void 0) {
      const file = context.outputParameterFiles[match[1]];
      if (!file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} refers to undeclared output parameter "${match[1]}"`);
      return file;
    }
    if (inner === "$.outputs.output_file") return context.executorOutputFile;
    const runtimeKey = /^\$\.([a-z_]+)$/.exec(inner)?.[1];
    if (runtimeKey !== void 0 && runtimeKey in context.runtime)
      return context.runtime[runtimeKey] ?? "";
    if (runtimeKey?.startsWith("pipeline_google_cloud") || runtimeKey === "pipeline_service_account") {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${placeholder} is only available on Vertex AI`, {
        fix: "Run this pipeline on Vertex (mlops run --vertex), or remove the Vertex-only placeholder."
      });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Unsupported placeholder ${placeholder}`);
  });
}
function isPresent(name, context) {
  return context.parameters[name] !== void 0 || (context.inputArtifacts[name]?.length ?? 0) > 0;
}
function asStructured(value) {
  let candidate = value;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{"Concat"') && !trimmed.startsWith('{"IfPresent"')) return void 0;
    try {
      candidate = JSON.parse(trimmed);
    } catch {
      return void 0;
    }
  }
  if (typeof candidate !== "object" || candidate === null) return void 0;
  if ("Concat" in candidate && Array.isArray(candidate.Concat)) return candidate;
  if ("IfPresent" in candidate) return candidate;
  return void 0;
}
function resolveCommandLine(args, context) {
  let executorInput;
  const executorInputJson = () => executorInput ??= JSON.stringify(buildExecutorInput(context));
  const expand = (arg) => {
    const structured = asStructured(arg);
    if (!structured) return [substitutePlaceholders(String(arg), context, executorInputJson)];
    if ("Concat" in structured) return [structured.Concat.flatMap(expand).join("")];
    const { InputName, Then, Else } = structured.IfPresent;
    const branch = isPresent(InputName, context) ? Then : Else;
    if (branch === void 0) return [];
    return (Array.isArray(branch) ? branch : [branch]).flatMap(expand);
  };
  return args.flatMap(expand);
}



/***/ }),

/***/ 2360:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   Mm: () => (/* binding */ REPORT_LINK_TEXT),
/* harmony export */   We: () => (/* binding */ gateReport),
/* harmony export */   _n: () => (/* binding */ clipMarkdown),
/* harmony export */   bs: () => (/* binding */ parseReportUrl),
/* harmony export */   gI: () => (/* binding */ formatMetric)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9228);


function clipMarkdown(markdown, limit, whatLimit) {
  if (markdown.length <= limit) return markdown;
  const note = `

\u2026 (cut at GitHub's ${limit.toLocaleString("en-US")}-character limit for ${whatLimit}; the job summary has it all)`;
  return markdown.slice(0, limit - note.length) + note;
}
const REPORT_LINK_TEXT = "Full report (HTML)";
function parseReportUrl(text) {
  const trimmed = text?.trim();
  if (!trimmed) return void 0;
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    url = void 0;
  }
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`report-url ${JSON.stringify(trimmed)} is not an http(s) URL`, {
      fix: "Pass upload-artifact's artifact-url output, or leave report-url empty."
    });
  }
  return url.href;
}
function formatMetric(value) {
  if (value === void 0) return "\u2014";
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
function formatDelta(candidate, champion) {
  if (candidate === void 0 || champion === void 0) return "\u2014";
  const delta = candidate - champion;
  if (delta === 0) return "\xB10";
  return `${delta > 0 ? "+" : "\u2212"}${formatMetric(Math.abs(delta))}`;
}
function metricRows(verdict) {
  const names = /* @__PURE__ */ new Set([
    ...Object.keys(verdict.candidate),
    ...Object.keys(verdict.champion ?? {})
  ]);
  return [...names].sort().map((name) => [
    name,
    formatMetric(verdict.candidate[name]),
    formatMetric(verdict.champion?.[name]),
    formatDelta(verdict.candidate[name], verdict.champion?.[name])
  ]);
}
const STATE_STYLE = {
  SUCCEEDED: "fill:#dcfce7,stroke:#16a34a",
  FAILED: "fill:#fee2e2,stroke:#dc2626",
  RUNNING: "fill:#dbeafe,stroke:#2563eb",
  CANCELLED: "fill:#f3f4f6,stroke:#6b7280",
  SKIPPED: "fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4",
  NOT_TRIGGERED: "fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4"
};
const STATE_MARK = {
  SUCCEEDED: "\u2713",
  FAILED: "\u2717",
  SKIPPED: "\u21B7",
  NOT_TRIGGERED: "\u2013",
  CANCELLED: "\u2298"
};
function label(text) {
  return text.replace(/["<>#`]/g, "'");
}
function upstreamFirst(tasks) {
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const graph = new Map(tasks.map((task) => [task.path, task.upstream ?? []]));
  return (0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .topologicalOrder */ ._)(graph, (a, b) => a.localeCompare(b)).flatMap((path) => {
    const task = byPath.get(path);
    return task ? [task] : [];
  });
}
function mermaidDiagram(record) {
  const tasks = upstreamFirst(Object.values(record.tasks));
  const ids = new Map(tasks.map((task, index) => [task.path, `t${index}`]));
  const parentOf = (taskPath) => {
    const parent = taskPath.slice(0, Math.max(0, taskPath.lastIndexOf("/")));
    return ids.has(parent) ? parent : void 0;
  };
  const groups = new Set(tasks.flatMap((task) => parentOf(task.path) ?? []));
  const lines = ["flowchart LR"];
  const draw = (parent, indent) => {
    for (const task of tasks.filter((each) => parentOf(each.path) === parent)) {
      const id = ids.get(task.path) ?? "";
      const seconds = task.durationMs === void 0 ? "" : ` ${(task.durationMs / 1e3).toFixed(1)}s`;
      const name = parent === void 0 ? task.path : task.path.slice(parent.length + 1);
      const text = `${label(name)} ${STATE_MARK[task.state] ?? ""}${seconds}${task.cached ? " cached" : ""}`;
      if (groups.has(task.path)) {
        lines.push(`${indent}subgraph ${id}["${text}"]`);
        draw(task.path, `${indent}  `);
        lines.push(`${indent}end`);
        lines.push(`${indent}class ${id} ${task.state.toLowerCase()}`);
      } else {
        lines.push(`${indent}${id}["${text}"]:::${task.state.toLowerCase()}`);
      }
    }
  };
  draw(void 0, "  ");
  for (const task of tasks) {
    for (const upstream of task.upstream ?? []) {
      const from = ids.get(upstream);
      if (from) lines.push(`  ${from} --> ${ids.get(task.path) ?? ""}`);
    }
  }
  for (const [state, style] of Object.entries(STATE_STYLE))
    lines.push(`  classDef ${state.toLowerCase()} ${style}`);
  return lines.join("\n");
}
function markdownTable(header, rows) {
  const cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)
  ].join("\n");
}
function gateReport(verdict, record, championSource, reportUrl) {
  const failed = verdict.rules.filter((rule) => rule.outcome === "fail").length;
  const title = verdict.passed ? `Gate passed: ${verdict.rules.length} of ${verdict.rules.length} rules` : `Gate failed: ${failed} of ${verdict.rules.length} rules`;
  const rules = verdict.rules.map((rule) => [
    `\`${rule.rule}\``,
    rule.outcome === "pass" ? "\u2705 pass" : "\u274C fail",
    rule.note ?? ""
  ]);
  const rows = metricRows(verdict);
  const diagram = mermaidDiagram(record);
  const markdown = [
    `### ${verdict.passed ? "\u2705" : "\u274C"} ${title}`,
    "",
    `Run \`${record.runId}\` of \`${record.pipelineName}\` (${record.backend}), ${championSource ? `champion ${championSource}` : "no champion yet"}.${reportUrl ? ` [${REPORT_LINK_TEXT}](${reportUrl})` : ""}`,
    "",
    markdownTable(["Rule", "Result", "Note"], rules),
    "",
    markdownTable(["Metric", "Candidate", "Champion", "\u0394"], rows),
    "",
    "```mermaid",
    diagram,
    "```"
  ].join("\n");
  return { title, markdown, metricRows: rows, diagram };
}



/***/ }),

/***/ 9195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ collectMetrics),
/* harmony export */   Lv: () => (/* binding */ MetricsSchema),
/* harmony export */   TH: () => (/* binding */ taskMetrics),
/* harmony export */   WN: () => (/* binding */ RUN_RECORD_SOURCE),
/* harmony export */   X1: () => (/* binding */ RUN_RECORD_VERSION),
/* harmony export */   Yz: () => (/* binding */ parseRunRecord),
/* harmony export */   k5: () => (/* binding */ modelArtifact)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _zod_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4262);



const RUN_RECORD_VERSION = 1;
const MetricsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig());
const RunRecordSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  recordVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(RUN_RECORD_VERSION),
  producer: zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }).optional(),
  runId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  pipelineName: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  tasks: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
      path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      upstream: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
      durationMs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
      artifacts: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
        zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ uri: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), schemaTitle: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }))
      )
    })
  ),
  metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), MetricsSchema)
});
const RUN_RECORD_SOURCE = "the run step's run-record output (run.json of a local run)";
function parseRunRecord(value, source) {
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problems = (0,_zod_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatZodIssues */ .t)(parsed.error);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `${source} is not a valid run record (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      { details: problems, fix: `Pass ${RUN_RECORD_SOURCE}.` }
    );
  }
  return value;
}
function collectMetrics(tasks) {
  const metrics = {};
  for (const task of Object.values(tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    const numbers = {};
    for (const list of Object.values(task.artifacts)) {
      for (const artifact of list) {
        if (artifact.schemaTitle !== "system.Metrics") continue;
        for (const [key, value] of Object.entries(artifact.metadata))
          if (typeof value === "number") numbers[key] = value;
      }
    }
    for (const [key, value] of Object.entries(task.parameters)) {
      if (typeof value === "number" && !(key in numbers)) numbers[key] = value;
    }
    if (Object.keys(numbers).length > 0) metrics[task.path] = numbers;
  }
  return metrics;
}
function taskMetrics(metrics, taskPath) {
  const tasks = Object.keys(metrics);
  if (taskPath !== void 0) {
    const found = metrics[taskPath];
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Task "${taskPath}" reported no metrics`, {
        fix: `Name a task that did: ${tasks.length > 0 ? tasks.join(", ") : "(none in this run)"}.`
      });
    }
    return { task: taskPath, metrics: found };
  }
  const evaluators = tasks.filter((task2) => /eval/i.test(task2.split("/").at(-1) ?? ""));
  const chosen = tasks.length === 1 ? tasks : evaluators;
  const [task] = chosen;
  if (chosen.length !== 1 || task === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      tasks.length === 0 ? "The run reported no metrics" : `Several tasks reported metrics: ${tasks.join(", ")}`,
      {
        fix: tasks.length === 0 ? "Have the evaluate step output a Metrics artifact or numeric output parameters." : "Say which one to use with metrics-task."
      }
    );
  }
  return { task, metrics: metrics[task] ?? {} };
}
function modelArtifact(record, selector) {
  const models = [];
  for (const task of Object.values(record.tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    for (const [output, list] of Object.entries(task.artifacts)) {
      const [artifact] = list;
      if (artifact?.schemaTitle === "system.Model")
        models.push({ task: task.path, output, artifact });
    }
  }
  const names = models.map((m) => `${m.task}.${m.output}`);
  if (selector !== void 0) {
    const found = models.find((m) => `${m.task}.${m.output}` === selector);
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Run ${record.runId} has no model output "${selector}"`, {
        fix: `Set model-output to one of: ${names.join(", ") || "(no model outputs in this run)"}.`
      });
    }
    return found;
  }
  const packaged = models.filter((m) => /packag|export|deploy|serv/i.test(`${m.task} ${m.output}`));
  const chosen = models.length === 1 ? models : packaged;
  const [only] = chosen;
  if (chosen.length !== 1 || only === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      models.length === 0 ? `Run ${record.runId} produced no model (no succeeded task output of type system.Model)` : `Run ${record.runId} produced several models: ${names.join(", ")}`,
      {
        fix: models.length === 0 ? "Deploy a run whose packaging step ran (did the quality condition skip it?)." : "Say which one to deploy with model-output: TASK.OUTPUT."
      }
    );
  }
  return only;
}



/***/ }),

/***/ 4262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ formatZodIssues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function formatZodIssues(error) {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(String(key), 80)).join(".") || "(top level)";
    if (issue.code === "unrecognized_keys")
      return `${path}: unknown key ${issue.keys.map((k) => `"${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(k, 80)}"`).join(", ")}`;
    return `${path}: ${issue.message}`;
  });
}



/***/ })

};
