import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);

// src/core/node-version.ts
var REQUIRED_NODE_MAJOR = 24;
function nodeVersionProblem(version) {
  const major = Number.parseInt(version, 10);
  return Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR ? void 0 : `mlops-platform needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}`;
}

export {
  nodeVersionProblem
};
