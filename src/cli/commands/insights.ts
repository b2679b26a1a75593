import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { HashedNgramEmbedder } from '../../index/embedder.js';
import { type Digest, digestCsv, digestMarkdown } from '../../insights/digest.js';
import { emergingIssues, scopeInsights } from '../../insights/insight-service.js';
import { searchSnippets } from '../../insights/search.js';
import { sinksFromEnv } from '../../monitor/alert-sinks.js';
import { reconcileAlerts } from '../../monitor/alerts.js';
import { commandConfig as config, printJson, withStore } from '../context.js';

const DAY_MS = 86_400_000;

/** Insights for product, marketing and support teams. */
export function registerInsightCommands(program: Command): void {
  const insights = program.command('insights').description('aspect analytics, emerging issues, search, weekly digest');

  insights
    .command('report')
    .description('a digest of a category: aspects with counts and trends, emerging issues, quotes')
    .requiredOption('--category <name>', 'category')
    .option('--since <date>', 'ISO date (default: 7 days ago)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      async (
        opts: { category: string; since?: string; format: 'md' | 'csv' | 'json'; out?: string },
        command: Command,
      ) => {
        const since = opts.since ?? new Date(Date.now() - 7 * DAY_MS).toISOString().slice(0, 10);
        const digest: Digest = await withStore(config(command), async ({ db }) => {
          const analytics = await scopeInsights(db, { kind: 'category', category: opts.category }, since);
          const emerging = (await emergingIssues(db, opts.category)).filter(
            (issue) => issue.last_seen >= since.slice(0, 10),
          );
          return { category: opts.category, since, reviews: analytics.reviews, aspects: analytics.aspects, emerging };
        });
        const text =
          opts.format === 'md'
            ? digestMarkdown(digest)
            : opts.format === 'csv'
              ? digestCsv(digest)
              : `${JSON.stringify(digest, null, 2)}\n`;
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      },
    );

  insights
    .command('emerging')
    .description('aspects whose complaints rise significantly against their own baseline')
    .option('--category <name>', 'only this category')
    .option('--alert', 'raise each issue as an alert (log, webhook) and resolve alerts of issues that are gone')
    .action(async (opts: { category?: string; alert?: boolean }, command: Command) => {
      await withStore(config(command), async ({ db }) => {
        const issues = await emergingIssues(db, opts.category);
        for (const issue of issues) printJson(issue);
        if (opts.alert) {
          const conditions = issues.map((issue) => ({
            key: `emerging:${issue.scope}:${issue.aspect}`,
            severity: 'warning' as const,
            summary: `Emerging issue: ${issue.aspect} complaints rising in ${issue.scope} since ${issue.first_seen}`,
            detail: { ...issue },
          }));
          printJson({
            alerts: await reconcileAlerts(
              db,
              `insights${opts.category ? `:${opts.category}` : ''}`,
              conditions,
              sinksFromEnv(),
            ),
          });
        }
      });
    });

  insights
    .command('search')
    .description('hybrid keyword + semantic search over review snippets, grouped by product')
    .argument('<query>', 'what to look for, e.g. "Akku hält nicht lange"')
    .option('--category <name>', 'only this category')
    .option('--language <code>', 'only snippets in this language')
    .option('--limit <n>', 'products', '10')
    .action(async (query: string, opts: { category?: string; language?: string; limit: string }, command: Command) => {
      await withStore(config(command), async ({ db, dialect }) => {
        const results = await searchSnippets(db, dialect, new HashedNgramEmbedder(), query, opts, {
          limitProducts: Number(opts.limit),
        });
        for (const result of results) printJson(result);
      });
    });
}
