import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  actionState,
  debug,
  info,
  warning
} from "./chunks/chunk-DGLBDW7W.js";
import "./chunks/chunk-AIDSXQCV.js";
import "./chunks/chunk-X6SCAR3F.js";
import {
  errorMessage
} from "./chunks/chunk-BNIO3GDX.js";
import "./chunks/chunk-E7AZPVOI.js";

// src/action/post.ts
import { rm } from "node:fs/promises";
async function post() {
  const job = actionState.runningJob();
  if (job) {
    try {
      const { VertexPipelines } = await import("./chunks/vertex-pipelines-JZ3P4Q4N.js");
      const client = await VertexPipelines.connect({
        project: job.project,
        region: job.region,
        env: process.env
      });
      try {
        await client.cancel(job.jobId);
        info(
          `Cancelled pipeline job ${client.jobName(job.jobId)}: the workflow stopped before it finished`
        );
      } finally {
        await client.close();
      }
    } catch (error) {
      warning(`Could not cancel pipeline job ${job.jobId}: ${errorMessage(error)}`);
    }
  }
  try {
    const files = actionState.filesToDelete();
    for (const file of files) {
      await rm(file, { force: true });
      info(`Removed ${file}`);
    }
    if (files.length === 0 && !job)
      debug(`post: ${actionState.command() ?? "no command"} left nothing to clean up`);
  } catch (error) {
    warning(`mlops-platform post step: ${errorMessage(error)}`);
  }
}

// src/action/post-entry.ts
await post();
