export const id = 331;
export const ids = [331];
export const modules = {

/***/ 331:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startCli: () => (/* binding */ startCli)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var _core_node_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1507);


async function startCli(argv) {
  const problem = (0,_core_node_version_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeVersionProblem */ .e)(process.versions.node);
  if (problem) {
    process.stderr.write(
      `error: ${problem}
Fix: Install Node.js 24 or newer (nvm install 24, or https://nodejs.org/).
`
    );
    return 2;
  }
  node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache();
  const { main } = await __webpack_require__.e(/* import() */ 5088).then(__webpack_require__.bind(__webpack_require__, 5088));
  return main([...argv]);
}



/***/ }),

/***/ 1507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ nodeVersionProblem)
/* harmony export */ });
/* unused harmony export REQUIRED_NODE_MAJOR */
const REQUIRED_NODE_MAJOR = 24;
function nodeVersionProblem(version) {
  const major = Number.parseInt(version, 10);
  return Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR ? void 0 : `mlops-platform needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}`;
}



/***/ })

};
