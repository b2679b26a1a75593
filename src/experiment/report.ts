import type { Kysely } from 'kysely';
import { type Experiment, ExperimentError, findExperiment } from '../store/experiments.js';
import type { Database } from '../store/schema.js';
import type { Variant } from './assign.js';
import {
  type Interval,
  requiredSamplePerArm,
  type TwoProportionTest,
  twoProportionTest,
  wilsonInterval,
} from './stats.js';

export interface ArmResult {
  readonly model_version: string;
  readonly successes: number;
  readonly trials: number;
  readonly rate: number;
  readonly interval: Interval;
}

export interface MetricResult {
  /** `helpful_rate`: 👍 / all feedback; `conversion`: purchasing subjects / subjects with an impression. */
  readonly metric: 'helpful_rate' | 'conversion' | 'return_rate';
  readonly champion: ArmResult;
  readonly challenger: ArmResult;
  /** challenger − champion. */
  readonly test: TwoProportionTest;
  readonly required_per_arm: number | null;
  readonly warnings: readonly string[];
}

export interface ExperimentReport {
  readonly experiment: Experiment;
  readonly metrics: readonly MetricResult[];
}

/** Below this many trials in an arm a normal approximation is not trustworthy whatever the effect. */
const MIN_TRIALS = 30;

type Counts = Record<Variant, { successes: number; trials: number }>;

function metric(experiment: Experiment, name: MetricResult['metric'], counts: Counts): MetricResult {
  const arm = (variant: Variant): ArmResult => {
    const { successes, trials } = counts[variant];
    return {
      model_version: variant === 'champion' ? experiment.champion : experiment.challenger,
      successes,
      trials,
      rate: trials ? successes / trials : 0,
      interval: wilsonInterval(successes, trials),
    };
  };
  const champion = arm('champion');
  const challenger = arm('challenger');
  const test = twoProportionTest(champion.successes, champion.trials, challenger.successes, challenger.trials);
  const warnings: string[] = [];
  const smallest = Math.min(champion.trials, challenger.trials);
  if (smallest < MIN_TRIALS)
    warnings.push(`only ${smallest} trials in the smaller arm (< ${MIN_TRIALS}): no conclusion`);
  const required =
    champion.trials > 0 && test.difference !== 0 ? requiredSamplePerArm(champion.rate, test.difference) : null;
  if (required !== null && smallest < required) {
    warnings.push(
      `underpowered: detecting a difference of ${(test.difference * 100).toFixed(2)} points needs ~${required} per arm (80% power, α=0.05), have ${smallest}`,
    );
  }
  return { metric: name, champion, challenger, test, required_per_arm: required, warnings };
}

function emptyCounts(): Counts {
  return { champion: { successes: 0, trials: 0 }, challenger: { successes: 0, trials: 0 } };
}

const isVariant = (value: string | null): value is Variant => value === 'champion' || value === 'challenger';

/** Per-variant helpful rate, conversion and return rate with lifts, a two-proportion z-test and 95% CIs. */
export async function experimentReport(db: Kysely<Database>, name: string): Promise<ExperimentReport> {
  const experiment = await findExperiment(db, name);
  if (!experiment) throw new ExperimentError(`no experiment named "${name}"`);

  const helpful = emptyCounts();
  const feedback = await db
    .selectFrom('events')
    .select(['variant'])
    .select(({ fn }) => [fn.countAll<number>().as('n'), fn.sum<number>('helpful').as('yes')])
    .where('experiment', '=', name)
    .where('type', '=', 'feedback')
    .groupBy('variant')
    .execute();
  for (const row of feedback) {
    if (!isVariant(row.variant)) continue;
    helpful[row.variant] = { successes: Number(row.yes ?? 0), trials: Number(row.n) };
  }

  // Conversion counts subjects, not events: a shopper who views twice and buys once converted once.
  const subjects = await db
    .selectFrom('events')
    .select(['variant', 'type'])
    .select(({ fn }) => fn.count<number>('subject_id').distinct().as('n'))
    .where('experiment', '=', name)
    .where('type', 'in', ['impression', 'purchase', 'return'])
    .groupBy(['variant', 'type'])
    .execute();
  const conversion = emptyCounts();
  const returns = emptyCounts();
  for (const row of subjects) {
    if (!isVariant(row.variant)) continue;
    const n = Number(row.n);
    if (row.type === 'impression') conversion[row.variant].trials = n;
    if (row.type === 'purchase') {
      conversion[row.variant].successes = n;
      returns[row.variant].trials = n;
    }
    if (row.type === 'return') returns[row.variant].successes = n;
  }

  return {
    experiment,
    metrics: [
      metric(experiment, 'helpful_rate', helpful),
      metric(experiment, 'conversion', conversion),
      metric(experiment, 'return_rate', returns),
    ],
  };
}
