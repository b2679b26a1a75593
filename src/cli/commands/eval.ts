import type { Command } from 'commander';

/**
 * The `eval` command group is shared: summary evaluation and guard evaluation each add a subcommand.
 * Returns the existing group when another module created it first.
 */
export function evalCommandGroup(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'eval');
  return existing ?? program.command('eval').description('evaluate summaries, guards and models on reference data');
}
