/** A pipeline is a named chain of steps; later steps run only after earlier ones succeeded. */
export type StepName = 'ingest' | 'index' | 'summarize';

export interface PipelineDefinition {
  readonly name: string;
  readonly steps: readonly StepName[];
  readonly description: string;
}

export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {
  batch: { name: 'batch', steps: ['ingest', 'index', 'summarize'], description: 'ingest a file, index, summarize' },
  refresh: { name: 'refresh', steps: ['index', 'summarize'], description: 'index and summarize what changed' },
};

export class UnknownPipelineError extends Error {
  readonly code = 'RL_ERR_UNKNOWN_PIPELINE';
}

export function pipelineByName(name: string): PipelineDefinition {
  const pipeline = PIPELINES[name];
  if (!pipeline) throw new UnknownPipelineError(`unknown pipeline "${name}": use ${Object.keys(PIPELINES).join(', ')}`);
  return pipeline;
}
