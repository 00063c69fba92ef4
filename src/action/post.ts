import * as core from '@actions/core';
import { rm } from 'node:fs/promises';
import { errorMessage } from '../core/errors.js';
import { actionState } from './state.js';

/**
 * The post step runs after the job, even when it failed or was cancelled. It cancels a Vertex
 * job the main step was still waiting for (the workflow was cancelled mid-wait), then removes
 * the credentials file `auth` wrote, so no later job on a self-hosted runner can read it.
 */
export async function post(): Promise<void> {
  const job = actionState.runningJob();
  if (job) {
    try {
      const { VertexPipelines } = await import('../adapters/gcp/vertex-pipelines.js');
      const client = await VertexPipelines.connect({
        project: job.project,
        region: job.region,
        env: process.env,
      });
      try {
        await client.cancel(job.jobId);
        core.info(
          `Cancelled pipeline job ${client.jobName(job.jobId)}: the workflow stopped before it finished`,
        );
      } finally {
        await client.close();
      }
    } catch (error) {
      core.warning(`Could not cancel pipeline job ${job.jobId}: ${errorMessage(error)}`);
    }
  }
  try {
    const files = actionState.filesToDelete();
    for (const file of files) {
      await rm(file, { force: true });
      core.info(`Removed ${file}`);
    }
    if (files.length === 0 && !job)
      core.debug(`post: ${actionState.command() ?? 'no command'} left nothing to clean up`);
  } catch (error) {
    core.warning(`mlops-platform post step: ${errorMessage(error)}`);
  }
}
