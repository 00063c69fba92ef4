export const id = 8937;
export const ids = [8937];
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

/***/ 4807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ checkRegion),
/* harmony export */   v: () => (/* binding */ checkProjectId)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const REGION = /^(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+$/;
function checkRegion(region) {
  const trimmed = region.trim();
  if (!REGION.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`region "${region}" is not a Google Cloud region`, {
      fix: "Use a Vertex AI region such as us-central1, europe-west4 or asia-southeast1 (not a zone like us-central1-a, nor a multi-region like us)."
    });
  }
  return trimmed;
}
function checkProjectId(project) {
  const trimmed = project.trim();
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`project "${project}" is not a project ID or number`, {
      fix: "Give the project ID (6-30 lowercase letters, digits and hyphens) or its number."
    });
  }
  return trimmed;
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



/***/ })

};
