/**
 * Tokens-per-minute budget as a token bucket: capacity = the per-minute budget, refilled continuously.
 * A call reserves its estimate before it is sent and settles the difference once the endpoint reports the
 * real usage (overspending leaves the bucket in debt, which later calls wait out). Reservations are served
 * in order, so a large request is not starved by small ones.
 */
export class TokenBudget {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly tokensPerMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = tokensPerMinute;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.tokensPerMinute, this.tokens + ((now - this.last) * this.tokensPerMinute) / 60_000);
    this.last = now;
  }

  /** Waits until `estimate` tokens are available and takes them. */
  reserve(estimate: number): Promise<void> {
    const need = Math.min(estimate, this.tokensPerMinute);
    const turn = this.queue.then(async () => {
      for (;;) {
        this.refill();
        if (this.tokens >= need) {
          this.tokens -= need;
          return;
        }
        await this.sleep(Math.ceil(((need - this.tokens) * 60_000) / this.tokensPerMinute));
      }
    });
    this.queue = turn;
    return turn;
  }

  /** Corrects a reservation with the usage the endpoint reported. */
  settle(estimate: number, actual: number): void {
    this.refill();
    this.tokens = Math.min(this.tokensPerMinute, this.tokens + Math.min(estimate, this.tokensPerMinute) - actual);
  }
}
