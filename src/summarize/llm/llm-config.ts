import { ConfigError } from '../../config.js';
import type { LlmClientOptions, ResponseFormatMode } from './client.js';

/** Flags of `reviewlens summarize` that select an LLM endpoint; each has an environment variable. */
export interface LlmFlags {
  llmBaseUrl?: string;
  llmModel?: string;
  llmApiKeyEnv?: string;
  llmAdapters?: string;
  llmTpm?: string;
  llmTimeoutMs?: string;
  llmResponseFormat?: string;
  llmPrompt?: string;
  concurrency?: string;
}

export interface LlmConfig {
  readonly client: LlmClientOptions;
  readonly promptVersion?: string;
  /** Products in flight in the stage (also the client's concurrency limit). */
  readonly concurrency: number;
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be an integer ≥ 1, got "${raw}"`);
  return value;
}

/** `headphones=qwen-headphones-lora,shoes=qwen-shoes-lora` or a JSON object. */
export function parseAdapters(raw: string | undefined): Record<string, string> | undefined {
  if (!raw) return undefined;
  if (raw.trim().startsWith('{')) {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'string'))
      throw new ConfigError('--llm-adapters JSON must map categories to model names');
    return parsed as Record<string, string>;
  }
  const entries = raw.split(',').map((pair) => pair.split('=').map((s) => s.trim()));
  if (entries.some((e) => e.length !== 2 || !e[0] || !e[1]))
    throw new ConfigError(`--llm-adapters must look like "category=model,category=model", got "${raw}"`);
  return Object.fromEntries(entries);
}

const definedOnly = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The LLM setup from flags, then environment; undefined when no endpoint is configured (built-in only). */
export function loadLlmConfig(flags: LlmFlags, env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const baseUrl = flags.llmBaseUrl ?? env.REVIEWLENS_LLM_BASE_URL;
  if (!baseUrl) return undefined;
  const model = flags.llmModel ?? env.REVIEWLENS_LLM_MODEL;
  if (!model) throw new ConfigError('--llm-model (or REVIEWLENS_LLM_MODEL) is required with --llm-base-url');
  // The key itself never goes on the command line (shell history, process list): only the variable's name.
  const keyVar = flags.llmApiKeyEnv ?? env.REVIEWLENS_LLM_API_KEY_ENV ?? 'OPENAI_API_KEY';
  const responseFormat = (flags.llmResponseFormat ??
    env.REVIEWLENS_LLM_RESPONSE_FORMAT ??
    'auto') as ResponseFormatMode;
  if (!['auto', 'json_schema', 'json_object'].includes(responseFormat))
    throw new ConfigError(`--llm-response-format must be auto, json_schema or json_object, got "${responseFormat}"`);
  const concurrency = positiveInt('--concurrency', flags.concurrency ?? env.REVIEWLENS_LLM_CONCURRENCY) ?? 8;
  return {
    client: {
      baseUrl,
      model,
      apiKey: env[keyVar],
      adapters: parseAdapters(flags.llmAdapters ?? env.REVIEWLENS_LLM_ADAPTERS),
      tokensPerMinute: positiveInt('--llm-tpm', flags.llmTpm ?? env.REVIEWLENS_LLM_TPM),
      ...definedOnly({
        timeoutMs: positiveInt('--llm-timeout-ms', flags.llmTimeoutMs ?? env.REVIEWLENS_LLM_TIMEOUT_MS),
      }),
      responseFormat,
      concurrency,
    },
    promptVersion: flags.llmPrompt ?? env.REVIEWLENS_LLM_PROMPT,
    concurrency,
  };
}
