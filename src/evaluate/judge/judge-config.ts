import { ConfigError } from '../../config.js';
import type { LlmClientOptions } from '../../summarize/llm/client.js';

/** Flags that configure the evaluation judge; each has an environment variable. */
export interface JudgeFlags {
  judgeUrl?: string;
  judgeModel?: string;
  judgeApiKeyEnv?: string;
  judgeTimeoutMs?: string;
}

/**
 * The judge's endpoint from flags, then environment; undefined when none is configured (judge metrics are then
 * absent from reports, not zero). Its own variables, so the judge can be a different, stronger model than the
 * summarizer — judging with the model under test flatters it.
 */
export function loadJudgeConfig(flags: JudgeFlags, env: NodeJS.ProcessEnv = process.env): LlmClientOptions | undefined {
  const baseUrl = flags.judgeUrl ?? env.REVIEWLENS_JUDGE_BASE_URL;
  if (!baseUrl) return undefined;
  const model = flags.judgeModel ?? env.REVIEWLENS_JUDGE_MODEL;
  if (!model) throw new ConfigError('--judge-model (or REVIEWLENS_JUDGE_MODEL) is required with --judge-url');
  // Only the variable's name is configured: the key never appears on a command line.
  const keyVar = flags.judgeApiKeyEnv ?? env.REVIEWLENS_JUDGE_API_KEY_ENV ?? 'OPENAI_API_KEY';
  const rawTimeout = flags.judgeTimeoutMs ?? env.REVIEWLENS_JUDGE_TIMEOUT_MS;
  const timeoutMs = rawTimeout === undefined ? undefined : Number(rawTimeout);
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1))
    throw new ConfigError(`--judge-timeout-ms must be an integer ≥ 1, got "${rawTimeout}"`);
  return {
    baseUrl,
    model,
    apiKey: env[keyVar],
    // Verdict lists with reasons are longer than a summary.
    maxTokens: 2000,
    temperature: 0,
    concurrency: 4,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}
