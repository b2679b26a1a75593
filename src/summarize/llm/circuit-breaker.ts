/**
 * Circuit breaker over whole calls (after their retries): after `failureThreshold` consecutive failed calls
 * the circuit opens and calls fail fast, so the batch switches to the built-in summarizer instead of queueing
 * behind a dead endpoint. After `halfOpenAfterMs` one probe call is let through; its success closes the
 * circuit, its failure opens it again.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private state_: CircuitState = 'closed';
  /** How many times the circuit opened: reported with the run counts. */
  opened = 0;

  constructor(
    private readonly failureThreshold: number,
    private readonly halfOpenAfterMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get state(): CircuitState {
    if (this.state_ === 'open' && this.now() - this.openedAt >= this.halfOpenAfterMs) this.state_ = 'half-open';
    return this.state_;
  }

  /** True when a call may go out now (in half-open: only the single probe). */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  onSuccess(): void {
    this.failures = 0;
    this.probing = false;
    this.state_ = 'closed';
  }

  onFailure(): void {
    this.failures += 1;
    if (this.state_ === 'half-open' || (this.state_ === 'closed' && this.failures >= this.failureThreshold)) {
      this.state_ = 'open';
      this.openedAt = this.now();
      this.opened += 1;
    }
    this.probing = false;
  }
}
