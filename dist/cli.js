#!/usr/bin/env node
import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  nodeVersionProblem
} from "./chunks/chunk-DJNWKIQ3.js";
import "./chunks/chunk-E7AZPVOI.js";

// src/cli/bin.ts
import module from "node:module";
var problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(
    `error: ${problem}
Fix: Install Node.js 24 or newer (nvm install 24, or https://nodejs.org/).
`
  );
  process.exit(2);
}
module.enableCompileCache();
var { main } = await import("./chunks/cli-HN65XWXI.js");
process.exitCode = await main(process.argv.slice(2));
