import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../domain/summary.js';
import { defaultComponents } from '../pipeline/components.js';
import { loadProductChunks } from '../store/chunks.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore } from '../test-support/temp-store.js';
import { type Behaviour, readPrompt, scriptedAnswer } from './llm/fake/fake-answers.js';
import { buildMessages, loadPromptTemplate } from './llm/prompt.js';
import type { LlmAnswer } from './llm/response.js';
import { productFacts } from './summarize-stage.js';
import { verifyDraft } from './verify-draft.js';

/**
 * Verification quality on scripted model behaviours over 60 generated products (every third with an
 * instruction planted in a review): share of unsupported claims rejected (target ≥ 95%) and of faithful
 * claims rejected (target ≤ 5%). The numbers are printed; docs/llm-contract.md quotes them.
 */
const components = defaultComponents();
let cleanup: () => Promise<void>;
const tally = { faithful: 0, faithfulRejected: 0, unsupported: 0, unsupportedRejected: 0 };
const byBehaviour: Record<string, { n: number; rejected: number }> = {};

const key = (claim: { text: string; citations: readonly string[] }) => `${claim.text}|${claim.citations.join(',')}`;

beforeAll(async () => {
  const temp = await tempStore();
  cleanup = temp.cleanup;
  const { db } = temp.store;
  const { products } = await seedIndexedStore(temp.store, temp.dir, { products: 60, seed: 21, plantEvery: 3 });
  const template = loadPromptTemplate();
  for (const productId of products) {
    const row = await db
      .selectFrom('products')
      .selectAll()
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow();
    const facts = await productFacts(db, row, 'en');
    if (facts.reviewCount < 5) continue;
    const chunks = await loadProductChunks(db, productId);
    const context = components.retrieval.retrieve(chunks);
    const [system, user] = buildMessages(
      template,
      facts,
      context.map((c) => c.chunk),
    );
    const view = readPrompt(system!.content, user!.content);
    const toSummary = (answer: LlmAnswer): Summary => ({
      product_id: productId,
      language: facts.language,
      overview: answer.overview,
      overview_citations: [],
      pros: answer.pros.map((c) => ({ ...c, mentions: 1 })),
      cons: answer.cons.map((c) => ({ ...c, mentions: 1 })),
      review_count: facts.reviewCount,
      rating_avg: facts.ratingAvg,
      model_version: 'calibration',
      generated_at: new Date().toISOString(),
      expires_at: new Date().toISOString(),
      label: 'x',
    });
    const verify = (answer: LlmAnswer) =>
      verifyDraft(
        toSummary(answer),
        facts,
        context.map((c) => c.chunk),
        { embedder: components.embedder, kind: 'free-text' },
      );
    const faithful = scriptedAnswer('faithful', view, 0);
    const faithfulKeys = new Set([...faithful.pros, ...faithful.cons].map(key));
    const faithfulCheck = await verify(faithful);
    for (const list of ['pros', 'cons'] as const) {
      faithful[list].forEach((_, i) => {
        tally.faithful += 1;
        if (faithfulCheck.claimProblems.has(`${list}.${i}`)) tally.faithfulRejected += 1;
      });
    }
    for (const [index, behaviour] of (
      ['hallucinate', 'wrong_citations', 'obey_instructions'] as Behaviour[]
    ).entries()) {
      const answer = scriptedAnswer(behaviour, view, products.indexOf(productId) + index);
      const check = await verify(answer);
      byBehaviour[behaviour] ??= { n: 0, rejected: 0 };
      const stats = byBehaviour[behaviour];
      for (const list of ['pros', 'cons'] as const) {
        answer[list].forEach((claim, i) => {
          if (faithfulKeys.has(key(claim))) return;
          tally.unsupported += 1;
          stats.n += 1;
          if (check.claimProblems.has(`${list}.${i}`)) {
            tally.unsupportedRejected += 1;
            stats.rejected += 1;
          }
        });
      }
    }
  }
  console.log(
    JSON.stringify({
      faithful_claims: tally.faithful,
      faithful_rejected_rate: +(tally.faithfulRejected / tally.faithful).toFixed(4),
      unsupported_claims: tally.unsupported,
      unsupported_rejected_rate: +(tally.unsupportedRejected / tally.unsupported).toFixed(4),
      by_behaviour: byBehaviour,
    }),
  );
}, 120_000);
afterAll(async () => cleanup());

describe('verification on scripted hallucinations, wrong citations and planted instructions', () => {
  it('has enough cases of each kind to mean something', () => {
    expect(tally.faithful).toBeGreaterThan(100);
    expect(byBehaviour.hallucinate!.n).toBeGreaterThan(30);
    expect(byBehaviour.wrong_citations!.n).toBeGreaterThan(30);
    expect(byBehaviour.obey_instructions!.n).toBeGreaterThanOrEqual(15);
  });

  it('rejects at least 95% of unsupported claims', () => {
    expect(tally.unsupportedRejected / tally.unsupported).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects at most 5% of faithful claims', () => {
    expect(tally.faithfulRejected / tally.faithful).toBeLessThanOrEqual(0.05);
  });
});
