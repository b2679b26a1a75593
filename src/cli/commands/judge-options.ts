import type { Command } from 'commander';
import { type JudgeFlags, loadJudgeConfig } from '../../evaluate/judge/judge-config.js';
import { createLlmJudge, type LlmJudge } from '../../evaluate/judge/llm-judge.js';

/** The `--judge-*` flags of commands that can score with the LLM judge (eval summaries, monitor quality). */
export function addJudgeOptions(command: Command): Command {
  return command
    .option('--judge-url <url>', 'OpenAI-compatible endpoint of the LLM judge (env REVIEWLENS_JUDGE_BASE_URL)')
    .option('--judge-model <name>', 'judge model (env REVIEWLENS_JUDGE_MODEL)')
    .option('--judge-api-key-env <var>', 'variable holding the judge API key (env REVIEWLENS_JUDGE_API_KEY_ENV)')
    .option('--judge-timeout-ms <n>', 'per-attempt timeout of a judge call (env REVIEWLENS_JUDGE_TIMEOUT_MS)');
}

/** Runs `work` with the configured judge (or none), closing its client afterwards. */
export async function withJudge<T>(flags: JudgeFlags, work: (judge: LlmJudge | undefined) => Promise<T>): Promise<T> {
  const config = loadJudgeConfig(flags);
  const created = config ? createLlmJudge(config) : undefined;
  try {
    return await work(created?.judge);
  } finally {
    created?.close();
  }
}
