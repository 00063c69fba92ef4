import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  VertexPipelines,
  encodePipelineJob
} from "./chunk-734HSJZT.js";
import "./chunk-ETE2N4JV.js";
import "./chunk-BNIO3GDX.js";
import "./chunk-E7AZPVOI.js";
export {
  VertexPipelines,
  encodePipelineJob
};
