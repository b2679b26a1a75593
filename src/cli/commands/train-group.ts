import type { Command } from 'commander';

/**
 * The `train` command group is shared: fine-tuning orchestration (export, run) and the built-in models
 * (builtin, polarity) each add subcommands. Returns the existing group when another module created it first.
 */
export function trainCommandGroup(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'train');
  return (
    existing ??
    program
      .command('train')
      .description('train models: built-in ones on your data, LoRA adapters via an external trainer')
  );
}
