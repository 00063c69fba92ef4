import type { InputDefinition } from './command.js';

/** `--param NAME=VALUE` (repeatable) / the action's multi-line `param` input. */
export const PARAM_INPUT: InputDefinition = {
  name: 'param',
  description:
    "Run parameters as NAME=VALUE, one per line in the action (repeat --param in the CLI). Checked against the pipeline's declared parameters before anything runs.",
  kind: 'list',
  valueName: 'NAME=VALUE',
};
