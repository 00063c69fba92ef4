import { stringify } from 'yaml';
import type { Command, InputDefinition } from './command.js';
import { COMMANDS } from './registry.js';

/**
 * action.yml is generated from the command definitions, so the action, the CLI flags and
 * the docs can never disagree. `npm run action-yml` rewrites it; a test fails on drift.
 */
export function renderActionManifest(commands: ReadonlyArray<Command<unknown>> = COMMANDS): string {
  const inputs: Record<string, Record<string, unknown>> = {
    command: {
      description: `The command to run: ${commands.map((c) => c.name).join(', ')}.`,
      required: false,
      default: 'run',
    },
  };
  // One action input per name; commands sharing a name must share its default (GitHub fills it
  // in whichever command runs), and each distinct description is kept with the commands it serves.
  const usedBy = new Map<string, Array<{ definition: InputDefinition; commands: string[] }>>();
  for (const command of commands) {
    for (const input of command.inputs) {
      const entries = usedBy.get(input.name) ?? [];
      const first = entries[0]?.definition;
      if (first && first.default !== input.default) {
        throw new Error(
          `Input "${input.name}" has default ${JSON.stringify(first.default)} in ${entries[0]?.commands[0]} but ${JSON.stringify(input.default)} in ${command.name}; give one of them another name`,
        );
      }
      const same = entries.find((entry) => entry.definition.description === input.description);
      if (same) same.commands.push(command.name);
      else entries.push({ definition: input, commands: [command.name] });
      usedBy.set(input.name, entries);
    }
  }
  for (const [name, entries] of usedBy) {
    const description = entries
      .map(({ definition, commands: names }) => {
        const choices = definition.choices ? ` One of: ${definition.choices.join(', ')}.` : '';
        const format =
          definition.kind === 'list'
            ? ' One per line.'
            : definition.kind === 'boolean'
              ? ' true or false.'
              : '';
        return `[${names.join(', ')}] ${definition.description}${choices}${format}`;
      })
      .join(' ');
    const definition = entries[0]?.definition;
    inputs[name] = {
      description,
      required: false,
      ...(definition?.default !== undefined ? { default: definition.default } : {}),
    };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const command of commands) {
    for (const output of command.outputs) {
      const existing = outputs[output.name];
      outputs[output.name] = existing
        ? { description: existing.description.replace(/^\[([^\]]*)\]/, `[$1, ${command.name}]`) }
        : { description: `[${command.name}] ${output.description}` };
    }
  }
  const manifest = {
    name: 'mlops-platform',
    description:
      'Compile, validate and run Kubeflow (KFP v2) pipelines locally or on Vertex AI, from GitHub Actions.',
    author: 'mlops-platform',
    branding: { icon: 'git-branch', color: 'blue' },
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/main.js', post: 'dist/post.js' },
  };
  return `# Generated from src/commands by \`npm run action-yml\`; edit the command definitions, not this file.\n${stringify(manifest, { lineWidth: 0 })}`;
}
