import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  explainGitHubError,
  githubClient
} from "./chunk-37GK3O6N.js";
import "./chunk-5RO5WX7T.js";
import "./chunk-QNCICSUO.js";
export {
  explainGitHubError,
  githubClient
};
