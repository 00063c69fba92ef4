import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import type { Host } from '../commands/command.js';
import { secretMasker } from '../core/secrets/masking.js';
import { actionState } from './state.js';

/** The Actions host: variables for later steps, masked secrets, clean-up by the post step. */
export function createActionHost(): Host {
  return {
    exportVariable: (name, value) => core.exportVariable(name, value),
    maskSecret: secretMasker(core.setSecret, core.warning),
    deleteAfterJob: (file) => actionState.addFileToDelete(file),
    trackCloudJob: (job) => actionState.setRunningJob(job),
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
  };
}
