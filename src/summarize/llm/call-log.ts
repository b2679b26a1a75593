import type { LlmCallRecord } from './client.js';

export interface LoggedCall extends LlmCallRecord {
  readonly purpose: 'draft' | 'repair';
}

/**
 * Holds each product's endpoint calls until the stage commits that product, so call records and the summary
 * land in the same transaction (a killed run leaves neither half).
 */
export class CallLog {
  private readonly pending = new Map<string, LoggedCall[]>();

  readonly record = (productId: string, purpose: 'draft' | 'repair', call: LlmCallRecord): void => {
    const list = this.pending.get(productId) ?? [];
    list.push({ ...call, purpose });
    this.pending.set(productId, list);
  };

  take(productId: string): LoggedCall[] {
    const list = this.pending.get(productId) ?? [];
    this.pending.delete(productId);
    return list;
  }
}
