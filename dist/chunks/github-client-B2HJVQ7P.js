import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  explainGitHubError,
  githubClient
} from "./chunk-532LUQFC.js";
import "./chunk-DHEVHBAV.js";
import "./chunk-36D4W4BT.js";
import "./chunk-5NL3ENXG.js";
export {
  explainGitHubError,
  githubClient
};
