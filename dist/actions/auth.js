import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  startMainStep
} from "../chunks/chunk-J4K5KERS.js";
import "../chunks/chunk-RVSKHB7A.js";
import "../chunks/chunk-734HSJZT.js";
import "../chunks/chunk-4FC3R7LD.js";
import "../chunks/chunk-ETE2N4JV.js";
import "../chunks/chunk-DGLBDW7W.js";
import "../chunks/chunk-AIDSXQCV.js";
import "../chunks/chunk-X6SCAR3F.js";
import "../chunks/chunk-BNIO3GDX.js";
import "../chunks/chunk-DJNWKIQ3.js";
import "../chunks/chunk-E7AZPVOI.js";

// main-step:auth
await startMainStep("auth");
