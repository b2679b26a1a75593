import type { Command } from 'commander';
import { productionComponents } from '../../pipeline/components-for-version.js';
import { eraseSubject } from '../../privacy/erase.js';
import { withRun } from '../../store/runs.js';
import { summarizeProducts } from '../../summarize/summarize-stage.js';
import { commandConfig as config, printJson, withPublisher, withStore } from '../context.js';

/** Data-subject rights: erasure (GDPR Art. 17). */
export function registerPrivacyCommands(program: Command): void {
  program
    .command('erase')
    .description('erase a user’s (or one review’s) data everywhere, then re-summarize or withdraw affected summaries')
    .option('--user <id>', 'erase every review of this user id')
    .option('--review <id>', 'erase this review')
    .action(async (opts: { user?: string; review?: string }, command: Command) => {
      if (!opts.user === !opts.review) throw new Error('give exactly one of --user or --review');
      const cfg = config(command);
      const subject = opts.user
        ? ({ kind: 'user', userId: opts.user } as const)
        : ({ kind: 'review', reviewId: opts.review! } as const);
      const result = await withStore(cfg, async ({ db }) => {
        const erased = await eraseSubject(db, subject);
        const components = await productionComponents(db);
        // Same run: affected products get a fresh summary from the remaining reviews, or none (too few left).
        const resummarized = await withRun(db, 'summarize', (runId) =>
          summarizeProducts(db, {
            runId,
            productIds: erased.products_affected,
            summarizer: components.summarizer,
            fallback: components.fallback,
            concurrency: components.concurrency,
            embedder: components.embedder,
            retrieval: components.retrieval,
            minReviews: cfg.minReviews,
            ttlSeconds: cfg.ttlSeconds,
            defaultLanguage: cfg.defaultLanguage,
          }),
        );
        // Withdrawn summaries must leave every cache too, not only re-summarized ones.
        await withPublisher(async (onPublished) => {
          for (const productId of erased.products_affected) await onPublished?.(productId);
        });
        return { ...erased, products_affected: erased.products_affected.length, resummarized };
      });
      printJson(result);
    });
}
