import { finishRun } from '../store/runs.js';
import { pipelineByName } from './dag.js';
import { type MonitorStepData, monitorSteps, type StepContext, steps, sumCounts } from './steps.js';

/**
 * Runs a pipeline definition in this process with the same step functions the BullMQ workers use:
 * the embedded default, and the reference the distributed mode must agree with.
 */
export async function runPipelineInProcess(
  ctx: StepContext,
  name: string,
  data: { input?: string; batchSize?: number } & MonitorStepData,
): Promise<Record<string, object>> {
  const pipeline = pipelineByName(name);
  const results: Record<string, object> = {};
  for (const step of pipeline.steps) {
    if (step === 'ingest') {
      if (!data.input) throw new Error(`pipeline ${name} needs an input file`);
      results.ingest = await steps.ingest(ctx, { input: data.input });
    } else if (step === 'index') {
      results.index = await steps.index(ctx);
    } else if (step === 'quality' || step === 'drift' || step === 'retrain') {
      results[step] = await monitorSteps[step](ctx, data);
    } else {
      const plan = await steps.planSummarize(ctx, data);
      const batches: object[] = [];
      try {
        for (const productIds of plan.batches)
          batches.push(await steps.summarizeBatch(ctx, { runId: plan.run_id, productIds }));
      } catch (error) {
        await finishRun(ctx.store.db, plan.run_id, {
          status: 'failed',
          counts: sumCounts(batches),
          error: (error as Error).message,
        });
        throw error;
      }
      const counts = sumCounts(batches);
      await finishRun(ctx.store.db, plan.run_id, { status: 'succeeded', counts });
      results.summarize = { run_id: plan.run_id, ...counts };
    }
  }
  return results;
}
