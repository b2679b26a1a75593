#!/usr/bin/env node
import { Command } from 'commander';
import { registerEvalGuardsCommands } from './commands/eval-guards.js';
import { registerPipelineCommands } from './commands/pipeline.js';
import { registerServeCommands } from './commands/serve.js';

// Each area of the platform registers its commands from its own module in ./commands.
const program = new Command()
  .name('reviewlens')
  .description('Grounded, balanced, multilingual summaries of product reviews.')
  .option('--db <path>', 'SQLite file of the store (env REVIEWLENS_DB)')
  .showHelpAfterError();

registerPipelineCommands(program);
registerServeCommands(program);
registerEvalGuardsCommands(program);

program.parseAsync(process.argv).catch((error: Error & { code?: string }) => {
  process.stderr.write(`reviewlens: ${error.message}${error.code ? ` (${error.code})` : ''}\n`);
  process.exit(1);
});
