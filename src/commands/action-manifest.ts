import { stringify } from 'yaml';
import type { Command, InputDefinition } from './command.js';

/**
 * action.yml and each command's <command>/action.yml are generated from the command definitions,
 * so the actions, the CLI flags and the docs can never disagree. `npm run action-yml` rewrites
 * them; a test fails on drift.
 */

const HEADER =
  '# Generated from src/commands by `npm run action-yml`; edit the command definitions, not this file.\n';

/** One top-level input: a name several commands may share, with one default. */
export interface SharedInput {
  readonly name: string;
  readonly default?: string;
  /** Each distinct description with the commands it serves. */
  readonly uses: Array<{ readonly definition: InputDefinition; readonly commands: string[] }>;
}

/**
 * The top-level action's inputs besides `command`: one per name across the commands. Commands
 * sharing a name must share its default (GitHub fills it in whichever command runs).
 */
export function sharedInputs(commands: ReadonlyArray<Command<unknown>>): SharedInput[] {
  const inputs = new Map<string, SharedInput>();
  for (const command of commands) {
    for (const input of command.inputs) {
      const entry = inputs.get(input.name) ?? {
        name: input.name,
        ...(input.default !== undefined ? { default: input.default } : {}),
        uses: [],
      };
      const first = entry.uses[0];
      if (first && first.definition.default !== input.default) {
        throw new Error(
          `Input "${input.name}" has default ${JSON.stringify(first.definition.default)} in ${first.commands[0]} but ${JSON.stringify(input.default)} in ${command.name}; give one of them another name`,
        );
      }
      const same = entry.uses.find((use) => use.definition.description === input.description);
      if (same) same.commands.push(command.name);
      else entry.uses.push({ definition: input, commands: [command.name] });
      inputs.set(input.name, entry);
    }
  }
  return [...inputs.values()];
}

/** An input's description as the actions show it, with its choices and format. */
function describeInput(definition: InputDefinition): string {
  const choices = definition.choices ? ` One of: ${definition.choices.join(', ')}.` : '';
  const format =
    definition.kind === 'list'
      ? ' One per line.'
      : definition.kind === 'boolean'
        ? ' true or false.'
        : '';
  return `${definition.description}${choices}${format}`;
}

function inputEntry(description: string, required: boolean, defaultValue: string | undefined) {
  return {
    description,
    required,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  };
}

interface Manifest {
  name: string;
  description: string;
  branding?: { icon: string; color: string };
  inputs: Record<string, ReturnType<typeof inputEntry>>;
  outputs: Record<string, { description: string }>;
  runs: { main: string; post?: string };
}

function render({ name, description, branding, inputs, outputs, runs }: Manifest): string {
  const manifest = {
    name,
    description,
    author: 'mlops-platform',
    ...(branding ? { branding } : {}),
    inputs,
    outputs,
    runs: { using: 'node24', ...runs },
  };
  return `${HEADER}${stringify(manifest, { lineWidth: 0 })}`;
}

/**
 * The top-level action.yml: `command`, then every command's inputs and outputs, each description
 * prefixed with the commands that take it.
 */
export function renderActionManifest(commands: ReadonlyArray<Command<unknown>>): string {
  const inputs: Manifest['inputs'] = {
    command: inputEntry(
      `The command to run: ${commands.map((c) => c.name).join(', ')}.`,
      false,
      'run',
    ),
  };
  for (const input of sharedInputs(commands)) {
    const description = input.uses
      .map(
        ({ definition, commands: names }) => `[${names.join(', ')}] ${describeInput(definition)}`,
      )
      .join(' ');
    inputs[input.name] = inputEntry(description, false, input.default);
  }
  const outputs: Manifest['outputs'] = {};
  for (const command of commands) {
    for (const output of command.outputs) {
      const existing = outputs[output.name];
      outputs[output.name] = existing
        ? { description: existing.description.replace(/^\[([^\]]*)\]/, `[$1, ${command.name}]`) }
        : { description: `[${command.name}] ${output.description}` };
    }
  }
  return render({
    name: 'mlops-platform',
    description:
      'Compile, validate and run Kubeflow (KFP v2) pipelines locally or on Vertex AI, from GitHub Actions.',
    branding: { icon: 'git-branch', color: 'blue' },
    inputs,
    outputs,
    runs: { main: 'dist/main.js', post: 'dist/post.js' },
  });
}

/**
 * <command>/action.yml: one command's inputs (required where the command requires them) and
 * outputs, so editors and actionlint check a step's `with:`. GitHub runs `main` from the action's
 * folder, hence `../` (as github/codeql-action's init/action.yml does); dist/actions/<command>.js
 * fixes the command.
 */
export function renderCommandManifest(command: Command<unknown>): string {
  const inputs: Manifest['inputs'] = {};
  for (const input of command.inputs)
    inputs[input.name] = inputEntry(describeInput(input), input.required ?? false, input.default);
  return render({
    name: `mlops-platform ${command.name}`,
    description: command.summary,
    inputs,
    outputs: Object.fromEntries(
      command.outputs.map((output) => [output.name, { description: output.description }]),
    ),
    runs: {
      main: `../dist/actions/${command.name}.js`,
      ...(command.postStep ? { post: '../dist/post.js' } : {}),
    },
  });
}

/** Every generated manifest, by its path from the repository root. */
export function actionManifests(commands: ReadonlyArray<Command<unknown>>): Map<string, string> {
  return new Map([
    ['action.yml', renderActionManifest(commands)],
    ...commands.map((command): [string, string] => [
      `${command.name}/action.yml`,
      renderCommandManifest(command),
    ]),
  ]);
}

/** Generated manifests start with the header; the check finds those of removed commands by it. */
export const isGeneratedManifest = (text: string): boolean => text.startsWith(HEADER);
