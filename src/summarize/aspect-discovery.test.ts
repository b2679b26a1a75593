import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmbeddedChunk } from '../domain/chunk.js';
import { aspectCarried, mentionsTerm, sameNoun, termAspect } from '../domain/discovered-aspect.js';
import type { Summary } from '../domain/summary.js';
import { HashedNgramEmbedder } from '../index/embedder.js';
import { discoverAspectNouns } from './aspect-discovery.js';
import { builtinSummarizer, DEFAULT_BUILTIN_PARAMS } from './builtin-summarizer.js';
import { balancedRetrieval } from './retrieve.js';
import { verifyDraft } from './verify-draft.js';

const embedder = new HashedNgramEmbedder();
let counter = 0;
function chunk(text: string, polarity: 'positive' | 'negative', overrides: Partial<EmbeddedChunk> = {}): EmbeddedChunk {
  counter += 1;
  return {
    chunkId: `d${counter}-0`,
    reviewId: `dr${counter}`,
    productId: 'p1',
    position: 0,
    text,
    sentiment: polarity === 'positive' ? 0.8 : -0.8,
    polarity,
    aspects: [],
    starRating: polarity === 'positive' ? 5 : 1,
    language: 'en',
    createdAt: '2026-06-01T00:00:00.000Z',
    helpfulVotes: 0,
    verifiedPurchase: true,
    embedding: embedder.embedOne(text),
    ...overrides,
  };
}

/** A restaurant with 5 positive and 3 negative sentences, in the chunks' language. */
function restaurant(language: EmbeddedChunk['language']) {
  return {
    productId: 'p1',
    productName: null,
    category: null,
    language,
    reviewCount: 8,
    ratingAvg: 3.5,
    starHistogram: [3, 0, 0, 0, 5] as [number, number, number, number, number],
  };
}

/** Summarizes with the built-in model and returns the draft with the problems verification finds in it. */
async function summarizeAndVerify(chunks: EmbeddedChunk[], language: EmbeddedChunk['language']) {
  const product = restaurant(language);
  const context = balancedRetrieval().retrieve(chunks);
  const draft = await builtinSummarizer().summarize({ product, context, allChunks: chunks });
  const summary: Summary = {
    overview: draft.overview,
    overview_citations: [...draft.overview_citations],
    pros: draft.pros.map((claim) => ({ ...claim, citations: [...claim.citations] })),
    cons: draft.cons.map((claim) => ({ ...claim, citations: [...claim.citations] })),
    product_id: 'p1',
    language,
    review_count: 8,
    rating_avg: 3.5,
    model_version: 'builtin-v1',
    generated_at: '2026-06-01T00:00:00.000Z',
    expires_at: '2026-06-02T00:00:00.000Z',
    label: 'Summary',
  };
  const verification = await verifyDraft(
    summary,
    product,
    context.map((c) => c.chunk),
    { embedder, kind: 'templated' },
  );
  return { draft, product, context, problems: verification.claimProblems };
}

describe('aspect discovery', () => {
  it('finds the nouns reviewers make statements about, merging singular and plural', () => {
    const chunks = [
      chunk('The food was delicious.', 'positive'),
      chunk('Food is amazing here.', 'positive'),
      chunk('Their prices are fair and the waiter was kind.', 'positive'),
      chunk('The price is a bit high.', 'negative'),
      chunk('The thing is, the first time was better.', 'negative'),
      chunk('They are nice. There was a wait. Everything was fine.', 'positive'),
      chunk('They were late. Everything was cold.', 'negative'),
    ];
    expect(discoverAspectNouns(chunks, 'en', 2)).toEqual(['food', 'price']);
    expect(discoverAspectNouns(chunks, 'en', 1)).toEqual(['food', 'price', 'waiter']);
  });

  it('finds nouns after a determiner in de, fr, es, it and nl, merging inflected forms', () => {
    const in_ = (language: EmbeddedChunk['language'], ...texts: string[]) =>
      texts.map((text) => chunk(text, 'positive', { language }));
    expect(
      discoverAspectNouns(
        in_(
          'de',
          'Der Akku ist stark. Das Essen war gut.',
          'Die Akkus sind super.',
          // An adverb first (verb-second), a lower-case adjective and a pronoun are not nouns.
          'Leider ist der Deckel locker. Das neue ist toll. Das ist super.',
        ),
        'de',
        1,
      ),
    ).toEqual(['Akku', 'Essen']);
    expect(
      discoverAspectNouns(
        in_('fr', 'Le prix est correct.', 'Les prix sont bas. L’écran est lumineux.', 'C’est top.'),
        'fr',
        1,
      ),
    ).toEqual(['prix', 'écran']);
    expect(
      discoverAspectNouns(in_('es', 'El envío fue rápido.', 'Los envíos son lentos.', 'Todo es perfecto.'), 'es', 2),
    ).toEqual(['envío']);
    expect(
      discoverAspectNouns(
        in_('it', 'Il prezzo è buono.', 'I prezzi sono alti.', 'Il prezzo era giusto. Tutto è ok.'),
        'it',
        1,
      ),
    ).toEqual(['prezzo']);
    expect(discoverAspectNouns(in_('nl', 'De batterij is goed.', 'Het is prima.'), 'nl', 1)).toEqual(['batterij']);
    // A negator between noun and verb is skipped; an adverb there is not taken for the noun.
    expect(discoverAspectNouns(in_('it', 'Il materiale non è resistente.'), 'it', 1)).toEqual(['materiale']);
    expect(discoverAspectNouns(in_('fr', 'Le moteur n’est pas puissant.'), 'fr', 1)).toEqual(['moteur']);
    expect(discoverAspectNouns(in_('es', 'El producto también es bueno.'), 'es', 1)).toEqual([]);
    // Idioms and the people a possessive introduces are not aspects.
    expect(discoverAspectNouns(in_('es', 'La verdad es que funciona. Mi hijo está contento.'), 'es', 1)).toEqual([]);
    expect(discoverAspectNouns(in_('de', 'Mein Sohn ist begeistert.'), 'de', 1)).toEqual([]);
    expect(discoverAspectNouns([chunk('My son was thrilled. The truth is it works.', 'positive')], 'en', 1)).toEqual(
      [],
    );
    // No articles, no frame: Polish keeps its taxonomy aspects.
    expect(discoverAspectNouns(in_('pl', 'Bateria jest dobra.'), 'pl', 1)).toEqual([]);
  });

  it('matches an inflected form of a noun outside English, but not a longer compound', () => {
    expect(mentionsTerm('Die Lieferungen waren pünktlich', 'Lieferung', 'de')).toBe(true);
    expect(mentionsTerm('Die Akkulaufzeit ist kurz', 'Akku', 'de')).toBe(false);
    expect(mentionsTerm('I prezzi sono alti', 'prezzo', 'it')).toBe(true);
    expect(mentionsTerm('Un prezzolato', 'prezzo', 'it')).toBe(false);
    expect(aspectCarried({ aspects: [], text: 'Los envíos tardan', language: 'es' }, termAspect('envío'))).toBe(true);
  });

  it('sameNoun is symmetric and reflexive', () => {
    const word = fc.stringMatching(/^[a-zäöüéíó]{1,12}$/);
    fc.assert(
      fc.property(word, word, (a, b) => sameNoun(a, b) === sameNoun(b, a) && sameNoun(a, a)),
      { numRuns: 2000 },
    );
    expect(sameNoun('preis', 'preise')).toBe(true);
    expect(sameNoun('tür', 'türen')).toBe(false); // too short to absorb endings
  });

  it('matches a discovered noun as a whole word, singular or plural', () => {
    expect(mentionsTerm('Great prices!', 'price')).toBe(true);
    expect(mentionsTerm('The price was right', 'prices')).toBe(true);
    expect(mentionsTerm('A priceless view', 'price')).toBe(false);
    expect(aspectCarried({ aspects: [], text: 'Food was cold' }, termAspect('food'))).toBe(true);
    expect(aspectCarried({ aspects: ['food'], text: 'Nothing here' }, termAspect('food'))).toBe(false);
  });

  it('claims about a restaurant in its reviewers’ words, cited by sentences using them, and verifiable', async () => {
    const chunks = [
      ...Array.from({ length: 5 }, (_, i) => chunk(`The food was fresh and tasty, visit ${i}.`, 'positive')),
      ...Array.from({ length: 3 }, (_, i) => chunk(`The service was slow, we waited ${i + 20} minutes.`, 'negative')),
    ];
    const { draft, product, context, problems } = await summarizeAndVerify(chunks, 'en');
    expect(draft.pros.map((p) => p.text)).toEqual(['The food is praised.']);
    expect(draft.cons.map((c) => c.text)).toEqual(['The service is criticised.']);
    const byId = new Map(chunks.map((c) => [c.chunkId, c]));
    for (const claim of [...draft.pros, ...draft.cons])
      for (const id of claim.citations) expect(mentionsTerm(byId.get(id)!.text, claim.text.split(' ')[1]!)).toBe(true);
    expect(problems.size).toBe(0);
    // Switched off, the same reviews give no food/service claims (the taxonomy has no such aspects).
    const off = await builtinSummarizer({ ...DEFAULT_BUILTIN_PARAMS, discoverAspects: false }).summarize({
      product,
      context,
      allChunks: chunks,
    });
    expect([...off.pros, ...off.cons].some((claim) => /food|service/.test(claim.text))).toBe(false);
  });

  it('claims about a German restaurant in its reviewers’ nouns, aspect first, and verifiable', async () => {
    const de = { language: 'de' as const };
    const chunks = [
      ...Array.from({ length: 5 }, (_, i) => chunk(`Das Essen war frisch und lecker, Besuch ${i}.`, 'positive', de)),
      ...Array.from({ length: 3 }, (_, i) =>
        chunk(`Der Service war langsam, wir warteten ${i + 20} Minuten.`, 'negative', de),
      ),
    ];
    const { draft, problems } = await summarizeAndVerify(chunks, 'de');
    expect(draft.pros.map((p) => p.text)).toEqual(['Essen: von den meisten Rezensenten gelobt (5 von 5)']);
    expect(draft.cons.map((c) => c.text)).toEqual(['Service: von den meisten Rezensenten kritisiert (3 von 3)']);
    expect(problems.size).toBe(0);
  });
});
