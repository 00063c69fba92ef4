import { describe, expect, it } from 'vitest';
import {
  booleanInput,
  choiceInput,
  defineCommand,
  InputProblems,
  integerInput,
  listInput,
  once,
  parseFields,
  stringInput,
  type CommandContext,
  type RawInputs,
} from '../src/commands/command.js';
import { UserError } from '../src/core/errors.js';

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

/** What `parse` threw (undefined when it returned). */
function thrownBy(parse: () => unknown): unknown {
  try {
    parse();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('parseFields', () => {
  const problem = (message: string, fix?: string): never => {
    throw new UserError(message, fix ? { fix } : {});
  };

  it('returns every field when none has a problem', () => {
    expect(parseFields('example', { a: () => 1, b: () => 'two' })).toEqual({ a: 1, b: 'two' });
  });

  it('throws a single problem as it is', () => {
    const error = new UserError('Input "a" is bad', { fix: 'Fix a.' });
    const thrown = thrownBy(() =>
      parseFields('example', {
        a: () => {
          throw error;
        },
        b: () => 2,
      }),
    );
    expect(thrown).toBe(error);
  });

  it('reports several problems in one UserError, each with its details and fix', () => {
    const thrown = thrownBy(() =>
      parseFields('example', {
        a: () => problem('Input "a" is bad', 'Fix a.'),
        b: () => 2,
        c: () => {
          throw new UserError('c has problems', { details: ['one', 'two'] });
        },
      }),
    );
    expect(thrown).toBeInstanceOf(InputProblems);
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).describe()).toBe(
      [
        '2 inputs of example are invalid',
        '  - Input "a" is bad. Fix: Fix a.',
        '  - c has problems (one; two)',
        'Fix: Correct each input as its line says, then run again; nothing was done.',
      ].join('\n'),
    );
  });

  it('skips a field whose input failed (once), and flattens a group of inputs parsed together', () => {
    let runs = 0;
    const base = once(() => {
      runs++;
      return problem('base is bad');
    });
    const thrown = thrownBy(() =>
      parseFields('example', {
        base,
        dependent: () => [base(), 'more'],
        group: () =>
          parseFields('group', { x: () => problem('x is bad'), y: () => problem('y is bad') }),
      }),
    );
    expect(thrown).toBeInstanceOf(InputProblems);
    expect((thrown as InputProblems).details).toEqual(['base is bad', 'x is bad', 'y is bad']);
    expect(runs).toBe(1);
  });

  it('lets anything but a UserError through at once: it is a bug, not an input problem', () => {
    expect(() =>
      parseFields('example', {
        a: () => problem('a is bad'),
        b: () => {
          throw new TypeError('boom');
        },
      }),
    ).toThrow(TypeError);
  });
});
