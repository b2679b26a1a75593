/**
 * A model version: everything needed to reproduce the summaries it makes, plus where it stands.
 * Stages move candidate → staging → production → archived; exactly one version is in production.
 */
export const STAGES = ['candidate', 'staging', 'production', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const PROVIDERS = ['builtin', 'openai-compatible'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ModelVersion {
  /** The name summaries are recorded under, e.g. `builtin-v1`. */
  readonly version: string;
  readonly provider: Provider;
  /** The model behind the provider: `builtin` or an endpoint's model name. */
  readonly modelId: string;
  /** Fine-tuning adapter (LoRA) id, if any. */
  readonly adapter: string | null;
  readonly promptTemplateVersion: string | null;
  readonly retrieval: { readonly id: string; readonly params: Readonly<Record<string, unknown>> };
  readonly inferenceParams: Readonly<Record<string, unknown>>;
  /** Training / evaluation data snapshot ids. */
  readonly dataSnapshotIds: readonly string[];
  /** Ids of stored evaluation reports (`eval_reports.report_id`). */
  readonly evalReportIds: readonly string[];
  readonly stage: Stage;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The built-in summarizer with balanced-v1 retrieval: what a fresh machine runs. */
export const BUILTIN_DEFAULT_VERSION = 'builtin-v1';

export function builtinDefault(now: string): ModelVersion {
  return {
    version: BUILTIN_DEFAULT_VERSION,
    provider: 'builtin',
    modelId: 'builtin',
    adapter: null,
    promptTemplateVersion: 'templates-v1',
    retrieval: { id: 'balanced-v1', params: {} },
    inferenceParams: {},
    dataSnapshotIds: [],
    evalReportIds: [],
    stage: 'production',
    createdAt: now,
    updatedAt: now,
  };
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'RL_ERR_MODEL_UNKNOWN'
      | 'RL_ERR_MODEL_EXISTS'
      | 'RL_ERR_MODEL_STAGE'
      | 'RL_ERR_PROMOTION_GATE'
      | 'RL_ERR_NO_ROLLBACK_TARGET'
      | 'RL_ERR_MODEL_INVALID',
  ) {
    super(message);
  }
}
