import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A minimal client of the OpenAI-compatible `POST /chat/completions`: keep-alive sockets sized to the
 * concurrency limit, a per-attempt timeout, and errors that keep the status and headers (Retry-After) for the
 * retry policy. The batch sends thousands of calls from one event loop, and the official SDK's per-request
 * overhead (fetch, header and option layers) was the largest CPU cost per product in bench:summarize.
 */
export class ChatHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    message: string,
  ) {
    super(message);
  }
}
export class ChatTimeoutError extends Error {}
export class ChatConnectionError extends Error {}

export interface ChatCompletionBody {
  readonly model: string;
  readonly messages: readonly { role: string; content: string }[];
  readonly [key: string]: unknown;
}

export interface ChatCompletionResponse {
  choices?: { message?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export class ChatHttp {
  private readonly url: URL;
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly request: typeof httpRequest;

  constructor(
    baseUrl: string,
    private readonly apiKey: string | undefined,
    maxSockets: number,
  ) {
    this.url = new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
    const https = this.url.protocol === 'https:';
    this.agent = https
      ? new HttpsAgent({ keepAlive: true, maxSockets })
      : new HttpAgent({ keepAlive: true, maxSockets });
    this.request = https ? httpsRequest : httpRequest;
  }

  complete(body: ChatCompletionBody, timeoutMs: number): Promise<ChatCompletionResponse> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = this.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': payload.length,
            ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('error', (error) => reject(new ChatConnectionError(error.message)));
          res.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(parts).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              let message = text.slice(0, 300);
              try {
                message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
              } catch {}
              reject(new ChatHttpError(status, toHeaders(res.headers), `${status} ${message}`));
              return;
            }
            try {
              resolve(JSON.parse(text) as ChatCompletionResponse);
            } catch {
              // A 200 whose body is not JSON is an endpoint fault (proxy page, cut connection): retried.
              reject(new ChatHttpError(502, toHeaders(res.headers), 'response body is not JSON'));
            }
          });
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new ChatTimeoutError(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error instanceof ChatTimeoutError ? error : new ChatConnectionError(error.message));
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
