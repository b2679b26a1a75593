/**
 * The destination of every log line: redacts it (./log-redactor.ts) before writing it on. The PII detectors
 * weigh ~50 MB (the person-name model), so an API process does not load them at start-up: they load on the
 * first line, and lines written meanwhile wait in a bounded queue — no line is ever written unredacted.
 */

type Redact = (line: string) => string;
export interface LineSink {
  write(line: string): unknown;
}

/** Lines beyond this while the redactor loads are dropped (and counted) rather than written in the clear. */
const MAX_PENDING_LINES = 10_000;

let redactorLoad: Promise<Redact> | undefined;
let loadedRedactor: Redact | undefined;

function loadRedactor(): Promise<Redact> {
  redactorLoad ??= import('./log-redactor.js').then((module) => {
    loadedRedactor = module.redactLogLine;
    return module.redactLogLine;
  });
  return redactorLoad;
}

export class RedactingStream implements LineSink {
  private pending: string[] = [];
  private dropped = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly destination: LineSink) {}

  write(line: string): boolean {
    if (loadedRedactor && this.pending.length === 0) {
      this.destination.write(loadedRedactor(line));
      return true;
    }
    if (this.pending.length < MAX_PENDING_LINES) this.pending.push(line);
    else this.dropped += 1;
    void this.ready();
    return true;
  }

  /** Resolves once the redactor is loaded and every queued line has been written. */
  ready(): Promise<void> {
    this.loading ??= loadRedactor().then((redact) => {
      for (const line of this.pending) this.destination.write(redact(line));
      this.pending = [];
      if (this.dropped > 0) {
        this.destination.write(
          `${JSON.stringify({ level: 40, msg: `${this.dropped} log lines dropped while the log redactor loaded` })}\n`,
        );
        this.dropped = 0;
      }
    });
    return this.loading;
  }
}

let stderrStream: RedactingStream | undefined;

/** Process-wide redacted stderr, for CLI diagnostics outside the HTTP logger (workers, store events). */
export function redactedStderr(): RedactingStream {
  stderrStream ??= new RedactingStream(process.stderr);
  return stderrStream;
}
