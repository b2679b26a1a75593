import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JudgeTask, judgeTaskOf } from '../../../evaluate/judge/judge-prompts.js';
import { mulberry32 } from '../../../sample/prng.js';
import { type Behaviour, readPrompt, scriptedAnswer } from './fake-answers.js';
import { fakeJudgeAnswer } from './fake-judge.js';

/**
 * A fake OpenAI-compatible endpoint (`/v1/chat/completions`, `/v1/models`) for tests and benchmarks: real HTTP,
 * configurable latency, faults (429 with Retry-After, 500, hangs past the client timeout, malformed JSON
 * content) and scripted behaviours. Seeded, so a test run is reproducible.
 */
export const FAULTS = ['429', '500', 'timeout', 'malformed'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FakeLlmOptions {
  readonly latencyMs?: number;
  /** Share of requests that fault (0–1); the fault is drawn uniformly from `faults`. */
  readonly errorRate?: number;
  readonly faults?: readonly Fault[];
  /** Sent as `retry-after-ms` (and rounded up as `Retry-After` seconds) with every 429. */
  readonly retryAfterMs?: number;
  /** How long a `timeout` fault hangs before answering (the client should give up first). */
  readonly hangMs?: number;
  /** What the model does with a valid request. Repair turns are always answered faithfully. */
  readonly behaviour?: Behaviour;
  /** Answer 400 to `response_format: json_schema`, like endpoints without structured outputs. */
  readonly rejectJsonSchema?: boolean;
  readonly models?: readonly string[];
  readonly seed?: number;
  /**
   * Judge requests (system prompt `Task: …`, src/evaluate/judge) get the word-overlap fake judge
   * (fake-judge.ts); this breaks them on purpose: `malformed` cuts the JSON, `500` answers a server error.
   */
  readonly judgeFault?: 'malformed' | '500';
  /** Only these judge tasks fault (default: all). */
  readonly judgeFaultTasks?: readonly JudgeTask[];
}

export interface FakeLlmStats {
  requests: number;
  completions: number;
  faults: Record<Fault, number>;
  byModel: Record<string, number>;
  repairs: number;
  maxInFlight: number;
  judgeRequests: number;
}

export interface FakeLlmServer {
  readonly url: string;
  readonly port: number;
  readonly stats: FakeLlmStats;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const tokens = (text: string) => Math.ceil(text.length / 4);

export async function startFakeLlm(options: FakeLlmOptions = {}, port = 0, host = '127.0.0.1'): Promise<FakeLlmServer> {
  const latency = options.latencyMs ?? 0;
  const errorRate = options.errorRate ?? 0;
  const faults = options.faults?.length ? options.faults : FAULTS;
  const random = mulberry32(options.seed ?? 1);
  const models = options.models ?? ['fake-model'];
  const stats: FakeLlmStats = {
    requests: 0,
    completions: 0,
    faults: { '429': 0, '500': 0, timeout: 0, malformed: 0 },
    byModel: {},
    repairs: 0,
    maxInFlight: 0,
    judgeRequests: 0,
  };
  let inFlight = 0;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function completions(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse(await readBody(req)) as {
      model: string;
      messages: { role: string; content: string }[];
      response_format?: { type: string };
    };
    if (options.rejectJsonSchema && body.response_format?.type === 'json_schema') {
      return send(res, 400, {
        error: { message: 'response_format json_schema is not supported', type: 'invalid_request_error' },
      });
    }
    stats.byModel[body.model] = (stats.byModel[body.model] ?? 0) + 1;
    const fault = random() < errorRate ? faults[Math.floor(random() * faults.length)]! : undefined;
    await wait(latency);
    if (fault) stats.faults[fault] += 1;
    if (fault === '429') {
      const ms = options.retryAfterMs ?? 100;
      return send(
        res,
        429,
        { error: { message: 'rate limited', type: 'rate_limit' } },
        {
          'retry-after': String(Math.ceil(ms / 1000)),
          'retry-after-ms': String(ms),
        },
      );
    }
    if (fault === '500') return send(res, 500, { error: { message: 'internal error', type: 'server_error' } });
    if (fault === 'timeout') {
      await wait(options.hangMs ?? 30_000);
      return send(res, 504, { error: { message: 'gateway timeout' } });
    }
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const judgeTask = judgeTaskOf(system);
    let content: string;
    if (judgeTask) {
      stats.judgeRequests += 1;
      const broken = options.judgeFault && (options.judgeFaultTasks ?? [judgeTask]).includes(judgeTask);
      if (broken && options.judgeFault === '500')
        return send(res, 500, { error: { message: 'internal error', type: 'server_error' } });
      content = JSON.stringify(fakeJudgeAnswer(judgeTask, user));
      if (broken) content = content.slice(0, Math.max(5, Math.floor(content.length / 2)));
    } else {
      const isRepair = body.messages.length > 2;
      if (isRepair) stats.repairs += 1;
      const view = readPrompt(system, user);
      const answer = scriptedAnswer(isRepair ? 'faithful' : (options.behaviour ?? 'faithful'), view, stats.completions);
      content = JSON.stringify(answer);
    }
    if (fault === 'malformed') content = content.slice(0, Math.max(10, Math.floor(content.length / 2)));
    stats.completions += 1;
    const prompt = body.messages.reduce((sum, m) => sum + tokens(m.content), 0);
    send(res, 200, {
      id: `chatcmpl-fake-${stats.requests}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: prompt, completion_tokens: tokens(content), total_tokens: prompt + tokens(content) },
    });
  }

  const server = createServer((req, res) => {
    stats.requests += 1;
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'fake' })) });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      completions(req, res).catch((error: Error) => send(res, 400, { error: { message: error.message } }));
      return;
    }
    send(res, 404, { error: { message: 'not found' } });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/v1`,
    port: address.port,
    stats,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
