/** A pipeline is a named chain of steps; later steps run only after earlier ones succeeded. */
export type StepName = 'ingest' | 'index' | 'summarize' | 'drift' | 'quality' | 'retrain';

export interface PipelineDefinition {
  readonly name: string;
  readonly steps: readonly StepName[];
  readonly description: string;
}

export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {
  batch: { name: 'batch', steps: ['ingest', 'index', 'summarize'], description: 'ingest a file, index, summarize' },
  refresh: { name: 'refresh', steps: ['index', 'summarize'], description: 'index and summarize what changed' },
  // Monitoring jobs are pipelines too, so the same scheduler and workers run them (issue 9).
  quality: {
    name: 'quality',
    steps: ['quality', 'retrain'],
    description:
      'score recent summaries (with the judge when configured); a firing quality alert retrains its categories when retraining is configured',
  },
  drift: {
    name: 'drift',
    steps: ['drift'],
    description: 'compare the latest window of reviews with the drift baseline',
  },
  retrain: {
    name: 'retrain',
    steps: ['retrain'],
    description: 'train run for --category (scheduled retraining; off unless REVIEWLENS_RETRAIN_TRAINER is set)',
  },
};

export class UnknownPipelineError extends Error {
  readonly code = 'RL_ERR_UNKNOWN_PIPELINE';
}

export function pipelineByName(name: string): PipelineDefinition {
  const pipeline = PIPELINES[name];
  if (!pipeline) throw new UnknownPipelineError(`unknown pipeline "${name}": use ${Object.keys(PIPELINES).join(', ')}`);
  return pipeline;
}
