import * as core from '@actions/core';
import { nodeVersionProblem } from '../core/node-version.js';
import { run } from './main.js';

// action.yml says node24; a runner that ignores it (or a copy of the action run by hand) is told.
const problem = nodeVersionProblem(process.versions.node);
if (problem) core.warning(`${problem}: some commands may fail. Use runs.using: node24.`);
await run();
