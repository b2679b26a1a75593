/** What a sink receives: one state change of an alert (a new episode firing, or its resolution). */
export interface AlertNotice {
  readonly key: string;
  readonly source: string;
  readonly severity: 'warning' | 'critical';
  readonly state: 'firing' | 'resolved';
  readonly summary: string;
  readonly detail: Record<string, unknown>;
  readonly at: string;
}

export interface AlertSink {
  readonly name: string;
  send(notice: AlertNotice): Promise<void>;
}

export class AlertSinkError extends Error {
  readonly code = 'RL_ERR_ALERT_SINK';
}

/** One JSON line per notice on stderr (stdout carries command results). */
export function logSink(write: (line: string) => void = (line) => process.stderr.write(line)): AlertSink {
  return {
    name: 'log',
    async send(notice) {
      write(`${JSON.stringify({ alert: notice })}\n`);
    },
  };
}

/** Slack-compatible body: `text` is what Slack shows; the structured fields ride along for other receivers. */
export function webhookBody(notice: AlertNotice): Record<string, unknown> {
  const icon = notice.state === 'resolved' ? 'RESOLVED' : notice.severity === 'critical' ? 'CRITICAL' : 'WARNING';
  return { text: `[reviewlens ${icon}] ${notice.summary} (${notice.key})`, ...notice };
}

export interface WebhookSinkOptions {
  readonly url: string;
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly timeoutMs?: number;
}

/**
 * POSTs each notice as JSON; retries network errors, 429 and 5xx with exponential backoff (a receiver that is
 * briefly down must not lose a page), gives up on other 4xx at once (retrying a rejected body cannot help).
 */
export function webhookSink(options: WebhookSinkOptions): AlertSink {
  const attempts = options.attempts ?? 4;
  const baseDelay = options.baseDelayMs ?? 500;
  return {
    name: 'webhook',
    async send(notice) {
      let last = '';
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          const response = await fetch(options.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(webhookBody(notice)),
            signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
          });
          if (response.ok) return;
          last = `HTTP ${response.status}`;
          if (response.status !== 429 && response.status < 500) break;
        } catch (error) {
          last = (error as Error).message;
        }
        if (attempt < attempts) await new Promise((r) => setTimeout(r, baseDelay * 2 ** (attempt - 1)));
      }
      throw new AlertSinkError(`webhook delivery of ${notice.key} failed: ${last}`);
    },
  };
}

/** Sinks from the environment: always the log; a webhook when REVIEWLENS_ALERT_WEBHOOK is set. */
export function sinksFromEnv(env: NodeJS.ProcessEnv = process.env): AlertSink[] {
  const sinks = [logSink()];
  if (env.REVIEWLENS_ALERT_WEBHOOK) sinks.push(webhookSink({ url: env.REVIEWLENS_ALERT_WEBHOOK }));
  return sinks;
}
