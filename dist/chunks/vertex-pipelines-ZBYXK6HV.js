import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  VertexPipelines,
  encodePipelineJob
} from "./chunk-R5N7AB2E.js";
import "./chunk-QNCICSUO.js";
export {
  VertexPipelines,
  encodePipelineJob
};
