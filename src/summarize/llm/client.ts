import pLimit, { type LimitFunction } from 'p-limit';
import { ChatConnectionError, ChatHttp, ChatHttpError, ChatTimeoutError } from './chat-http.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { ChatMessage } from './prompt.js';
import { LLM_ANSWER_JSON_SCHEMA } from './response.js';
import { backoffDelay, isRetryableStatus, retryAfterMs } from './retry-policy.js';
import { TokenBudget } from './token-budget.js';

/**
 * The batch job's client of an OpenAI-compatible chat endpoint (vLLM, TGI, Ollama, llama.cpp server, hosted
 * APIs). Owns everything that protects the endpoint and the batch from each other: a concurrency limit, a
 * tokens-per-minute budget, per-attempt timeouts, retries with exponential backoff + jitter that honour
 * Retry-After, and a circuit breaker. The wire is chat-http.ts (see there why not the openai SDK).
 */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'auto';

export interface LlmClientOptions {
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Default model name. */
  readonly model: string;
  /** Category → model name (vLLM multi-LoRA serves each adapter under its own model name). */
  readonly adapters?: Readonly<Record<string, string>>;
  /** `auto`: JSON schema first; if the endpoint rejects it, JSON mode (plus our validation) from then on. */
  readonly responseFormat?: ResponseFormatMode;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly concurrency?: number;
  /** Tokens per minute across all calls (prompt + completion); unlimited when absent. */
  readonly tokensPerMinute?: number;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly breakerFailures?: number;
  readonly breakerHalfOpenAfterMs?: number;
  readonly random?: () => number;
}

export const LLM_CLIENT_DEFAULTS = {
  responseFormat: 'auto' as ResponseFormatMode,
  timeoutMs: 60_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  concurrency: 8,
  maxTokens: 900,
  temperature: 0,
  breakerFailures: 5,
  breakerHalfOpenAfterMs: 15_000,
};

export type LlmErrorCode =
  | 'RL_ERR_LLM_CIRCUIT_OPEN'
  | 'RL_ERR_LLM_UNAVAILABLE'
  | 'RL_ERR_LLM_REJECTED'
  | 'RL_ERR_LLM_INVALID_ANSWER';

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly call?: LlmCallRecord,
  ) {
    super(message);
  }
}

/** One logical call (after retries), recorded in llm_calls. */
export interface LlmCallRecord {
  readonly model: string;
  readonly outcome: 'ok' | 'timeout' | 'http_error' | 'connection_error' | 'circuit_open' | 'rejected';
  readonly httpStatus: number | null;
  readonly attempts: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly latencyMs: number;
}

/** `response_format.json_schema` of the chat API: a named JSON schema. */
export interface JsonSchemaFormat {
  readonly name: string;
  readonly strict: boolean;
  readonly schema: object;
}

export interface LlmCompletion {
  readonly content: string;
  readonly call: LlmCallRecord;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** ≈ 4 characters per token for Latin-script text; only used to reserve budget before the real count. */
export const estimateTokens = (messages: readonly ChatMessage[]) =>
  Math.ceil(messages.reduce((sum, m) => sum + m.content.length, 0) / 4);

export class LlmClient {
  readonly options: Required<Omit<LlmClientOptions, 'apiKey' | 'adapters' | 'tokensPerMinute' | 'random'>> &
    Pick<LlmClientOptions, 'adapters' | 'tokensPerMinute'>;
  readonly breaker: CircuitBreaker;
  private readonly http: ChatHttp;
  private readonly limit: LimitFunction;
  private readonly budget: TokenBudget | undefined;
  private readonly random: () => number;
  /** Switched to false for good once the endpoint rejects `json_schema`. */
  private schemaSupported: boolean;

  constructor(options: LlmClientOptions) {
    this.options = { ...LLM_CLIENT_DEFAULTS, ...options } as LlmClient['options'];
    this.http = new ChatHttp(options.baseUrl, options.apiKey, this.options.concurrency);
    this.limit = pLimit(this.options.concurrency);
    this.budget = options.tokensPerMinute ? new TokenBudget(options.tokensPerMinute) : undefined;
    this.breaker = new CircuitBreaker(this.options.breakerFailures, this.options.breakerHalfOpenAfterMs);
    this.random = options.random ?? Math.random;
    this.schemaSupported = this.options.responseFormat !== 'json_object';
  }

  /** Releases the keep-alive sockets. */
  close(): void {
    this.http.close();
  }

  /** The model (adapter) that serves a product category. */
  modelFor(category: string | null): string {
    return (category && this.options.adapters?.[category]) || this.options.model;
  }

  private responseFormat(jsonSchema: JsonSchemaFormat) {
    return this.schemaSupported
      ? ({ type: 'json_schema', json_schema: jsonSchema } as const)
      : ({ type: 'json_object' } as const);
  }

  /**
   * One logical call: waits for a slot and budget, retries transient faults, respects the breaker. The answer
   * is constrained to `jsonSchema` (the summary contract unless a caller such as the evaluation judge has its own).
   */
  async complete(
    messages: readonly ChatMessage[],
    model: string,
    jsonSchema: JsonSchemaFormat = LLM_ANSWER_JSON_SCHEMA,
  ): Promise<LlmCompletion> {
    const started = performance.now();
    const record = (
      outcome: LlmCallRecord['outcome'],
      attempts: number,
      httpStatus: number | null,
      usage = { prompt: 0, completion: 0 },
    ): LlmCallRecord => ({
      model,
      outcome,
      httpStatus,
      attempts,
      promptTokens: usage.prompt,
      completionTokens: usage.completion,
      latencyMs: Math.round(performance.now() - started),
    });
    if (!this.breaker.tryAcquire()) {
      throw new LlmError('RL_ERR_LLM_CIRCUIT_OPEN', 'LLM endpoint circuit is open', record('circuit_open', 0, null));
    }
    const estimate = estimateTokens(messages) + this.options.maxTokens;
    let lastStatus: number | null = null;
    let lastOutcome: LlmCallRecord['outcome'] = 'http_error';
    let lastMessage = '';
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      let serverAsked: number | undefined;
      try {
        await this.budget?.reserve(estimate);
        const response = await this.limit(() =>
          this.http.complete(
            {
              model,
              messages,
              temperature: this.options.temperature,
              max_tokens: this.options.maxTokens,
              response_format: this.responseFormat(jsonSchema),
            },
            this.options.timeoutMs,
          ),
        );
        const usage = {
          prompt: response.usage?.prompt_tokens ?? 0,
          completion: response.usage?.completion_tokens ?? 0,
        };
        this.budget?.settle(estimate, usage.prompt + usage.completion || estimate);
        this.breaker.onSuccess();
        return { content: response.choices?.[0]?.message?.content ?? '', call: record('ok', attempt, 200, usage) };
      } catch (error) {
        this.budget?.settle(estimate, 0);
        if (error instanceof ChatTimeoutError) {
          lastOutcome = 'timeout';
          lastStatus = null;
        } else if (error instanceof ChatHttpError) {
          lastStatus = error.status;
          lastOutcome = 'http_error';
          serverAsked = retryAfterMs(error.headers);
          if (error.status === 400 && this.schemaSupported && this.options.responseFormat === 'auto') {
            if (/response_format|json_schema|guided/i.test(error.message)) {
              // The endpoint has no structured outputs: JSON mode + validation from now on; not a fault.
              this.schemaSupported = false;
              attempt -= 1;
              continue;
            }
          }
          if (!isRetryableStatus(error.status)) {
            this.breaker.onSuccess(); // the endpoint is up; the request was wrong
            throw new LlmError(
              'RL_ERR_LLM_REJECTED',
              `LLM endpoint rejected the request: ${error.message}`,
              record('rejected', attempt, error.status),
            );
          }
        } else if (error instanceof ChatConnectionError) {
          lastOutcome = 'connection_error';
          lastStatus = null;
        } else {
          throw error;
        }
        lastMessage = (error as Error).message;
        if (attempt < this.options.maxAttempts) {
          await sleep(backoffDelay(attempt, this.options, serverAsked, this.random));
          if (this.breaker.state === 'open') break; // other calls found the endpoint dead meanwhile
        }
      }
    }
    this.breaker.onFailure();
    throw new LlmError(
      'RL_ERR_LLM_UNAVAILABLE',
      `LLM endpoint failed after retries: ${lastMessage}`,
      record(lastOutcome, this.options.maxAttempts, lastStatus),
    );
  }
}
