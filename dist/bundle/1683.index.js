export const id = 1683;
export const ids = [1683];
export const modules = {

/***/ 1683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9033);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3484);




async function post() {
  const job = _state_js__WEBPACK_IMPORTED_MODULE_3__/* .actionState */ .M.runningJob();
  if (job) {
    try {
      const { VertexPipelines } = await __webpack_require__.e(/* import() */ 1128).then(__webpack_require__.bind(__webpack_require__, 1128));
      const client = await VertexPipelines.connect({
        project: job.project,
        region: job.region,
        env: process.env
      });
      try {
        await client.cancel(job.jobId);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(
          `Cancelled pipeline job ${client.jobName(job.jobId)}: the workflow stopped before it finished`
        );
      } finally {
        await client.close();
      }
    } catch (error) {
      _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not cancel pipeline job ${job.jobId}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
    }
  }
  try {
    const files = _state_js__WEBPACK_IMPORTED_MODULE_3__/* .actionState */ .M.filesToDelete();
    for (const file of files) {
      await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
      _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Removed ${file}`);
    }
    if (files.length === 0 && !job)
      _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`post: ${_state_js__WEBPACK_IMPORTED_MODULE_3__/* .actionState */ .M.command() ?? "no command"} left nothing to clean up`);
  } catch (error) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`mlops-platform post step: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
  }
}



/***/ })

};
