import { describe, expect, it } from 'vitest';
import {
  booleanInput,
  choiceInput,
  defineCommand,
  integerInput,
  listInput,
  stringInput,
  type CommandContext,
  type RawInputs,
} from '../src/commands/command.js';

/** A command's parser sees each input's definition default where the host gave no value. */

const command = defineCommand({
  name: 'example',
  summary: 'An example.',
  inputs: [
    {
      name: 'mode',
      description: 'Mode.',
      kind: 'string',
      default: 'fast',
      choices: ['fast', 'slow'],
    },
    { name: 'count', description: 'Count.', kind: 'string', default: '3' },
    { name: 'wait', description: 'Wait.', kind: 'boolean', default: 'true' },
    { name: 'tags', description: 'Tags.', kind: 'list', default: 'a,b' },
    { name: 'note', description: 'Note.', kind: 'string' },
  ],
  outputs: [],
  parseInputs: (raw) => ({
    mode: choiceInput(raw, 'mode', ['fast', 'slow'] as const),
    count: integerInput(raw, 'count', 1),
    wait: booleanInput(raw, 'wait'),
    tags: listInput(raw, 'tags'),
    note: raw.string('note'),
  }),
  run: () => Promise.resolve({ outputs: {} }),
});

function raw(values: Record<string, string | boolean | string[]>): RawInputs {
  return {
    string: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
    boolean: (name) => (typeof values[name] === 'boolean' ? values[name] : undefined),
    list: (name) => (Array.isArray(values[name]) ? values[name] : []),
  };
}

const context = {} as CommandContext;

describe('defineCommand', () => {
  it('fills in the definitions’ defaults for inputs not given (the CLI gives none)', () => {
    expect(command.parseInputs(raw({}), context)).toEqual({
      mode: 'fast',
      count: 3,
      wait: true,
      tags: ['a', 'b'],
      note: undefined,
    });
  });

  it('counts a blank value as not given (the action passes "" for unset inputs)', () => {
    expect(command.parseInputs(raw({ mode: ' ', count: '', note: '' }), context)).toMatchObject({
      mode: 'fast',
      count: 3,
      note: '',
    });
  });

  it('keeps the values given', () => {
    expect(
      command.parseInputs(raw({ mode: 'slow', count: '7', wait: false, tags: ['c'] }), context),
    ).toEqual({ mode: 'slow', count: 7, wait: false, tags: ['c'], note: undefined });
  });

  it('refuses to read an input without a default as if it had one', () => {
    const broken = defineCommand<string>({
      ...command,
      parseInputs: (inputs) => stringInput(inputs, 'note'),
      run: () => Promise.resolve({ outputs: {} }),
    });
    expect(() => broken.parseInputs(raw({}), context)).toThrow('Input "note" has no default');
  });
});
