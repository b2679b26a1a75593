import { type Command, Option } from 'commander';
import { ConfigError } from '../../config.js';
import { builtinSummarizer } from '../../summarize/builtin-summarizer.js';
import { CallLog } from '../../summarize/llm/call-log.js';
import { BEHAVIOURS, type Behaviour } from '../../summarize/llm/fake/fake-answers.js';
import { FAULTS, type Fault, startFakeLlm } from '../../summarize/llm/fake/fake-llm-server.js';
import { type LlmFlags, loadLlmConfig } from '../../summarize/llm/llm-config.js';
import { llmSummarizer } from '../../summarize/llm/llm-summarizer.js';
import { llmStageConcurrency } from '../../summarize/summarize-stage.js';
import type { Summarizer } from '../../summarize/summarizer.js';
import { printJson } from '../context.js';

/** The `--llm-*` flags of `summarize` (and anything else that summarizes). */
export function addLlmOptions(command: Command): Command {
  return command
    .option(
      '--llm-base-url <url>',
      'OpenAI-compatible endpoint, e.g. http://vllm:8000/v1 (env REVIEWLENS_LLM_BASE_URL)',
    )
    .option('--llm-model <name>', 'model name (env REVIEWLENS_LLM_MODEL)')
    .option('--llm-api-key-env <var>', 'environment variable holding the API key (default OPENAI_API_KEY)')
    .option('--llm-adapters <map>', 'category=model,… per-category LoRA adapters (env REVIEWLENS_LLM_ADAPTERS)')
    .option('--llm-tpm <n>', 'tokens-per-minute budget (env REVIEWLENS_LLM_TPM)')
    .option('--llm-timeout-ms <n>', 'per-attempt timeout (env REVIEWLENS_LLM_TIMEOUT_MS, default 60000)')
    .option('--llm-response-format <mode>', 'auto | json_schema | json_object (env REVIEWLENS_LLM_RESPONSE_FORMAT)')
    .option('--llm-prompt <version>', 'prompt template in prompts/ (default summarize-v1)')
    .option('--concurrency <n>', 'products (and endpoint calls) in flight (env REVIEWLENS_LLM_CONCURRENCY, default 8)');
}

export interface SummarizerSetup {
  readonly summarizer: Summarizer;
  readonly fallback?: Summarizer;
  readonly callLog?: CallLog;
  readonly concurrency?: number;
}

/** The LLM summarizer with the built-in one as fallback, or the built-in one alone when no endpoint is set. */
export function summarizerFromFlags(flags: LlmFlags, builtin: Summarizer): SummarizerSetup {
  const config = loadLlmConfig(flags);
  if (!config) return { summarizer: builtin };
  const callLog = new CallLog();
  const summarizer = llmSummarizer({ ...config.client, promptVersion: config.promptVersion, onCall: callLog.record });
  return { summarizer, fallback: builtinSummarizer(), callLog, concurrency: llmStageConcurrency(config.concurrency) };
}

const number = (name: string, raw: string, min = 0) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new ConfigError(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
};

/** fake-llm: the project's own OpenAI-compatible endpoint for tests, benchmarks and demos. */
export function registerLlmCommands(program: Command): void {
  program
    .command('fake-llm')
    .description('serve a fake OpenAI-compatible endpoint (/v1/chat/completions, /v1/models) for tests and benchmarks')
    .option('--port <n>', 'port (0 = any free port)', '8089')
    .option('--host <h>', 'host', '127.0.0.1')
    .option('--latency-ms <n>', 'latency of every answer', '0')
    .option('--error-rate <r>', 'share of requests that fault (0–1)', '0')
    .option('--faults <list>', `faults to draw from: ${FAULTS.join(',')}`, FAULTS.join(','))
    .option('--retry-after-ms <n>', 'Retry-After sent with 429', '100')
    .option('--hang-ms <n>', 'how long a "timeout" fault hangs', '30000')
    .addOption(new Option('--behaviour <b>', 'what the model does').choices([...BEHAVIOURS]).default('faithful'))
    .option('--reject-json-schema', 'answer 400 to response_format json_schema')
    .option('--models <list>', 'model names listed by /v1/models', 'fake-model')
    .option('--seed <n>', 'random seed', '1')
    .addOption(
      new Option('--judge-fault <f>', 'break every judge answer (requests with a `Task:` system prompt)').choices([
        'malformed',
        '500',
      ]),
    )
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const faults = String(opts.faults)
        .split(',')
        .map((f) => f.trim());
      const unknown = faults.filter((f) => !(FAULTS as readonly string[]).includes(f));
      if (unknown.length) throw new ConfigError(`unknown faults: ${unknown.join(', ')}`);
      const server = await startFakeLlm(
        {
          latencyMs: number('--latency-ms', String(opts.latencyMs)),
          errorRate: number('--error-rate', String(opts.errorRate)),
          faults: faults as Fault[],
          retryAfterMs: number('--retry-after-ms', String(opts.retryAfterMs)),
          hangMs: number('--hang-ms', String(opts.hangMs)),
          behaviour: opts.behaviour as Behaviour,
          rejectJsonSchema: opts.rejectJsonSchema === true,
          models: String(opts.models).split(','),
          seed: number('--seed', String(opts.seed)),
          judgeFault: opts.judgeFault as 'malformed' | '500' | undefined,
        },
        number('--port', String(opts.port)),
        String(opts.host),
      );
      printJson({ fake_llm: server.url, port: server.port });
      const stop = async () => {
        await server.close();
        process.stderr.write(`${JSON.stringify({ fake_llm_stats: server.stats })}\n`);
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
