#!/usr/bin/env node
import { Command } from 'commander';
import { redactedStderr } from '../privacy/redacting-stream.js';
import { exitCodeFor, explainStoreError } from '../store/store-errors.js';
import { registerApiKeyCommands } from './commands/api-key.js';
import { registerEvalGuardsCommands } from './commands/eval-guards.js';
import { registerEvaluateCommands } from './commands/evaluate.js';
import { registerExperimentCommands } from './commands/experiment.js';
import { registerInsightCommands } from './commands/insights.js';
import { registerLlmCommands } from './commands/llm.js';
import { registerModelCommands } from './commands/model.js';
import { registerMonitorCommands } from './commands/monitor.js';
import { registerOrchestrateCommands } from './commands/orchestrate.js';
import { registerPipelineCommands } from './commands/pipeline.js';
import { registerPrivacyCommands } from './commands/privacy.js';
import { registerServeCommands } from './commands/serve.js';
import { registerTrainCommands } from './commands/train.js';
import { registerBuiltinTrainCommands } from './commands/train-builtin.js';

// Each area of the platform registers its commands from its own module in ./commands.
const program = new Command()
  .name('reviewlens')
  .description('Grounded, balanced, multilingual summaries of product reviews.')
  .option('--db <path>', 'SQLite file of the store (env REVIEWLENS_DB)')
  .showHelpAfterError();

registerPipelineCommands(program);
registerServeCommands(program);
registerOrchestrateCommands(program);
registerPrivacyCommands(program);
registerEvaluateCommands(program);
registerModelCommands(program);
registerInsightCommands(program);
registerExperimentCommands(program);
registerApiKeyCommands(program);
registerLlmCommands(program);
registerEvalGuardsCommands(program);
registerMonitorCommands(program);
registerTrainCommands(program);
registerBuiltinTrainCommands(program);

program.parseAsync(process.argv).catch(async (raw: unknown) => {
  const error = explainStoreError(raw, 'database') as Error & { code?: string };
  // Error messages can quote a record, a SQL parameter or a connection string: redacted like every log line.
  const stderr = redactedStderr();
  stderr.write(`reviewlens: ${error.message}${error.code ? ` (${error.code})` : ''}\n`);
  await stderr.ready();
  process.exit(exitCodeFor(error));
});
