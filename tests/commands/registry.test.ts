import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, COMMANDS, loadCommand, loadCommands } from '../../src/commands/registry.js';
import { UserError } from '../../src/core/errors.js';

/** The registry names each command before loading it: the names must be the loaded ones. */
describe('command registry', () => {
  it('loads, for each entry, the command of that name', async () => {
    const loaded = await loadCommands(CLI_COMMANDS);
    expect(loaded.map((command) => command.name)).toEqual(CLI_COMMANDS.map((entry) => entry.name));
  });

  it('gives every CLI command its own words, and the action every command but init', () => {
    const words = CLI_COMMANDS.map((entry) => entry.cliWords.join(' '));
    expect(new Set(words).size).toBe(words.length);
    expect(words).toContain('images diff');
    expect(COMMANDS.map((entry) => entry.name)).not.toContain('init');
    expect(CLI_COMMANDS.map((entry) => entry.name)).toContain('init');
  });

  it('refuses an unknown action command, listing the known ones', async () => {
    const error = await loadCommand('deplyo').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fix).toContain('deploy');
    expect(await loadCommand(' validate ')).toHaveProperty('name', 'validate');
  });
});
