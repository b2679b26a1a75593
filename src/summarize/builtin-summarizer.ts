import { aspectById, aspectName, GENERAL_ASPECT } from '../domain/aspects.js';
import type { EmbeddedChunk, Polarity } from '../domain/chunk.js';
import { aspectCarried, isTermAspect, mentionsTerm, termAspect } from '../domain/discovered-aspect.js';
import type { Language } from '../domain/languages.js';
import type { Claim } from '../domain/summary.js';
import { redactPii } from '../ingest/pii.js';
import { discoverAspectNouns } from './aspect-discovery.js';
import { contentWords } from './claim-support.js';
import { compressSentence } from './compress.js';
import { looksLikeInstruction } from './injection.js';
import { findProfanity } from './profanity.js';
import { evidenceScore } from './retrieve.js';
import { DEFAULT_SALIENCE_WEIGHTS, type SalienceWeights, selectSalient } from './salience.js';
import {
  BALANCE_NEGATIVE_SHARE,
  negativeReviewShare,
  type Summarizer,
  type SummarizerInput,
  type SummaryDraft,
} from './summarizer.js';
import { quantifierFor, TEMPLATES } from './templates.js';

export interface BuiltinParams {
  readonly maxPros: number;
  readonly maxCons: number;
  readonly citationsPerClaim: number;
  /** An aspect needs this share of all reviews (and at least 2) behind it to become a claim. */
  readonly minMentionShare: number;
  /**
   * `extractive`: the overview is the most salient, non-redundant review sentences of the context (each cited);
   * `template`: the original templated sentence naming strengths and weaknesses (kept for the ablation).
   */
  readonly overviewMode: string;
  /**
   * Word budget of the extractive overview (references in FewSum/Copycat are ~60 words in all); with
   * `summaryWords` on, the most the shared budget may give it.
   */
  readonly overviewWords: number;
  readonly overviewSentences: number;
  /** Two overview sentences more similar than this are redundant. */
  readonly redundancy: number;
  /** Append a short quote of the claim's best cited sentence ("— lasts a full day"). */
  readonly claimQuotes: boolean;
  /** A quote is only added when the sentence is at most this many words (no compression is attempted). */
  readonly quoteMaxWords: number;
  /**
   * `salience`: overview sentences in the order they were picked; `polarity`: the sentences agreeing with the
   * product's star mix first, then neutral ones, then the others ("… However, …"), each group in pick order.
   */
  readonly overviewOrder: string;
  /** Shorten overview sentences (fillers, hedges, asides; first-person recommendations made neutral). */
  readonly compress: boolean;
  /**
   * Also claim about nouns the product's own reviewers make statements about ("The food is praised"), so
   * claims follow the domain; a discovered noun replaces the taxonomy aspect it falls under.
   */
  readonly discoverAspects: boolean;
  /** Reviews that must use a noun in a statement frame before it is a candidate aspect. */
  readonly discoveryMinReviews: number;
  /**
   * A taxonomy aspect is only claimed when a word of its display name (stem match) occurs in the product's
   * reviews: "The performance is praised" on a restaurant came from a stem ("fast") the reviewers never
   * connect with the name the shopper reads.
   */
  readonly nameInReviews: boolean;
  /**
   * Claims after the first on each side need this share of the product's reviews behind them (0: off): a
   * second chip backed by 2 of 8 reviews pads the summary more than it informs. The first claim per side keeps
   * the general threshold, and so does the balance con.
   */
  readonly extraClaimMinShare: number;
  /**
   * Word budget of the whole summary, shared by the overview and the claim lines (0: off, the overview gets
   * `overviewWords`): a product with few well-supported claims gets a longer overview, one with many a shorter
   * one. The overview budget stays within [`overviewMinWords`, `overviewWords`].
   */
  readonly summaryWords: number;
  readonly overviewMinWords: number;
  /** Mention counts in the claim's text ("(8 of 8)"); off, English claims read "The battery life is praised." */
  readonly claimCounts: boolean;
  /** Weights of the overview's sentence-salience model (fitted by `reviewlens train builtin`). */
  readonly salience: Partial<SalienceWeights>;
}

export const DEFAULT_BUILTIN_PARAMS: BuiltinParams = {
  maxPros: 2,
  maxCons: 2,
  citationsPerClaim: 3,
  minMentionShare: 0.05,
  overviewMode: 'extractive',
  overviewWords: 60,
  overviewSentences: 4,
  redundancy: 0.5,
  claimQuotes: false,
  quoteMaxWords: 12,
  compress: true,
  discoverAspects: true,
  discoveryMinReviews: 1,
  nameInReviews: true,
  overviewOrder: 'polarity',
  extraClaimMinShare: 0,
  // Shared budget and count-free English claims: the joint 5-fold CV pick over both English dev sets
  // (docs/builtin.md); the counts stay in `mentions`, which the widget and product page show beside the claim.
  summaryWords: 60,
  overviewMinWords: 30,
  claimCounts: false,
  salience: DEFAULT_SALIENCE_WEIGHTS,
};

interface AspectTally {
  readonly positive: Set<string>;
  readonly negative: Set<string>;
}

/** Distinct reviews per aspect and polarity, over every chunk of the product. */
export function tallyAspects(chunks: readonly EmbeddedChunk[]): Map<string, AspectTally> {
  const tallies = new Map<string, AspectTally>();
  for (const chunk of chunks) {
    if (chunk.polarity === 'neutral') continue;
    for (const aspect of chunk.aspects) {
      let tally = tallies.get(aspect);
      if (!tally) {
        tally = { positive: new Set(), negative: new Set() };
        tallies.set(aspect, tally);
      }
      tally[chunk.polarity].add(chunk.reviewId);
    }
  }
  return tallies;
}

/** Distinct reviews per discovered noun and polarity, over the product's chunks that use it. */
function tallyTerms(chunks: readonly EmbeddedChunk[], nouns: readonly string[]): Map<string, AspectTally> {
  const tallies = new Map<string, AspectTally>();
  for (const noun of nouns) {
    const tally: AspectTally = { positive: new Set(), negative: new Set() };
    for (const chunk of chunks) {
      if (chunk.polarity !== 'neutral' && mentionsTerm(chunk.text, noun, chunk.language)) {
        tally[chunk.polarity].add(chunk.reviewId);
      }
    }
    tallies.set(termAspect(noun), tally);
  }
  return tallies;
}

// Inflections of a name word ("cleaning", "clean", "cleanliness") share their first five letters.
const nameStem = (word: string) => word.slice(0, 5);

/** Would the noun be tagged with this taxonomy aspect (one of its stems starts the noun)? */
function fallsUnder(noun: string, aspect: string, language: Language): boolean {
  const lower = noun.toLocaleLowerCase(language);
  return (aspectById(aspect)?.stems[language] ?? []).some((stem) => lower.startsWith(stem.toLocaleLowerCase(language)));
}

/**
 * The built-in grounded summarizer: aspect-based pros and cons with mention counts, rendered from templates
 * in the product's language. A claim is only made when context chunks of that aspect and polarity exist, and
 * it cites them, so every claim is grounded by construction.
 */
/** A review sentence as it reads inside the summary: one line, ending with punctuation. */
export function asSummarySentence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const capitalised = line.charAt(0).toLocaleUpperCase() + line.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * May this review sentence appear verbatim in a summary? Not when it carries PII (or its redaction
 * placeholder), profanity or a planted instruction: verification rejects such an overview, and a shopper should never read them.
 */
export function quotable(chunk: EmbeddedChunk, language: Language): boolean {
  return (
    chunk.language === language &&
    // Redaction placeholders ("[PERSON]") and bracket debris from chunking read as noise in prose.
    !/[[\]]/.test(chunk.text) &&
    !looksLikeInstruction(chunk.text) &&
    !findProfanity(chunk.text, language) &&
    redactPii(chunk.text, { language }).found.length === 0
  );
}

/** Majority view first, then neutral statements, then the dissent; stable within each group. */
function orderByPolarity(picked: readonly EmbeddedChunk[], allChunks: readonly EmbeddedChunk[]): EmbeddedChunk[] {
  const stars = allChunks.reduce((sum, chunk) => sum + chunk.starRating, 0) / Math.max(1, allChunks.length);
  const majority: Polarity = stars >= 3 ? 'positive' : 'negative';
  const rank = (chunk: EmbeddedChunk) => (chunk.polarity === majority ? 0 : chunk.polarity === 'neutral' ? 1 : 2);
  return [...picked].sort((a, b) => rank(a) - rank(b));
}

const wordCountOf = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;

export function builtinSummarizer(params: BuiltinParams = DEFAULT_BUILTIN_PARAMS): Summarizer {
  // A registered version may carry only some weights (e.g. an older artifact): the rest keep their defaults.
  const salienceWeights: SalienceWeights = { ...DEFAULT_SALIENCE_WEIGHTS, ...params.salience };
  return {
    modelVersion: 'builtin-v1',
    async summarize({ product, context, allChunks }: SummarizerInput): Promise<SummaryDraft> {
      const language = product.language;
      const templates = TEMPLATES[language];
      const now = Date.now();
      const minMentions = Math.max(2, Math.ceil(product.reviewCount * params.minMentionShare));
      const tallies = tallyAspects(allChunks);
      if (params.discoverAspects) {
        const nouns = discoverAspectNouns(allChunks, language, params.discoveryMinReviews);
        for (const aspect of [...tallies.keys()])
          if (nouns.some((noun) => fallsUnder(noun, aspect, language))) tallies.delete(aspect);
        for (const [aspect, tally] of tallyTerms(allChunks, nouns)) tallies.set(aspect, tally);
      }
      // Only where discovery can offer the reviewers' nouns instead (English); compound names elsewhere
      // ("Akkulaufzeit" for reviews saying "Akku") would need decompounding to be checked this way.
      if (params.nameInReviews && params.discoverAspects && language === 'en') {
        const used = new Set(allChunks.flatMap((chunk) => contentWords(chunk.text)).map(nameStem));
        for (const aspect of [...tallies.keys()]) {
          if (isTermAspect(aspect)) continue;
          const nameWords = contentWords(aspectName(aspect, language)).map(nameStem);
          if (!nameWords.some((word) => used.has(word))) tallies.delete(aspect);
        }
      }
      const byId = new Map(context.map((c) => [c.chunk.chunkId, c.chunk]));

      const evidence = (aspect: string | null, polarity: Polarity): string[] =>
        context
          .map((c) => c.chunk)
          .filter((chunk) => chunk.polarity === polarity && (aspect === null || aspectCarried(chunk, aspect)))
          .sort((a, b) => evidenceScore(b, now) - evidenceScore(a, now))
          .slice(0, params.citationsPerClaim)
          .map((chunk) => chunk.chunkId);

      const claims = (polarity: 'positive' | 'negative', max: number): Claim[] => {
        const result: Claim[] = [];
        const ranked = [...tallies.entries()]
          .map(([aspect, tally]) => {
            const n = tally[polarity].size;
            const opinions = new Set([...tally.positive, ...tally.negative]).size;
            return { aspect, n, opinions };
          })
          // A pro needs at least half of the opinions on its aspect; a con needs a bit over a third, because
          // complaints are rarer and more useful to a shopper. Between the two an aspect is genuinely mixed
          // and shows on both sides.
          .filter((a) => a.n >= minMentions && a.n / a.opinions >= (polarity === 'positive' ? 0.5 : 0.35))
          .sort((a, b) => b.n - a.n || a.aspect.localeCompare(b.aspect));
        // Sentences behind each emitted claim: a candidate said by (almost) the same sentences is the same
        // point under another name ("the battery life is great" makes both `battery` and the noun "life").
        const emitted: Set<string>[] = [];
        const extraMin = Math.max(minMentions, Math.ceil(product.reviewCount * params.extraClaimMinShare));
        for (const { aspect, n, opinions } of ranked) {
          if (result.length >= max) break;
          if (result.length > 0 && n < extraMin) break;
          const citations = evidence(aspect, polarity);
          if (citations.length === 0) continue;
          const sentences = new Set(
            allChunks.filter((c) => c.polarity === polarity && aspectCarried(c, aspect)).map((c) => c.chunkId),
          );
          const shared = (other: Set<string>) => [...sentences].filter((id) => other.has(id)).length;
          if (emitted.some((other) => shared(other) >= 0.8 * Math.min(sentences.size, other.size))) continue;
          emitted.push(sentences);
          const name = aspectName(aspect, language);
          const render = polarity === 'positive' ? templates.pro : templates.con;
          let text = render(name, quantifierFor(n / opinions), n, opinions, params.claimCounts);
          if (params.claimQuotes) {
            // The reviewers' own words for the aspect: the best cited sentence, only when it is short enough
            // to quote whole (cutting it could change its meaning).
            const quote = byId.get(citations[0]!)?.text;
            const quoted = byId.get(citations[0]!);
            if (quote && quoted && quotable(quoted, language) && wordCountOf(quote) <= params.quoteMaxWords)
              text += ` — “${quote.replace(/\s+/g, ' ').trim()}”`;
          }
          result.push({ text, aspect, mentions: n, citations });
        }
        return result;
      };

      const pros = claims('positive', params.maxPros);
      const cons = claims('negative', params.maxCons);

      // Balance: a product with many unhappy reviewers must show a con, even when their complaints are spread.
      const negativeReviews = product.starHistogram[0] + product.starHistogram[1];
      if (cons.length === 0 && negativeReviewShare(product) >= BALANCE_NEGATIVE_SHARE) {
        const citations = evidence(null, 'negative');
        if (citations.length > 0) {
          cons.push({
            text: templates.con(
              aspectName(GENERAL_ASPECT, language),
              quantifierFor(negativeReviews / product.reviewCount),
              negativeReviews,
              product.reviewCount,
              params.claimCounts,
            ),
            aspect: GENERAL_ASPECT,
            mentions: negativeReviews,
            citations,
          });
        }
      }

      const positiveReviews = product.starHistogram[3] + product.starHistogram[4];
      const divided = negativeReviews / product.reviewCount >= 0.3 && positiveReviews / product.reviewCount >= 0.3;
      // A mixed aspect (on both sides) is neither a clear strength nor a clear weakness.
      const strengths = pros.filter((pro) => !cons.some((con) => con.aspect === pro.aspect)).slice(0, 2);
      const weaknesses = cons.filter((con) => !pros.some((pro) => pro.aspect === con.aspect)).slice(0, 2);
      if (params.overviewMode === 'extractive') {
        // The overview speaks with the reviewers' most representative sentences, so it reads like what they
        // say and is grounded by construction: each sentence is a cited context chunk.
        // Compressed before selection, so the word budget and the features see the sentence as it will read;
        // the chunk id (the citation) is unchanged.
        const quotableContext = context
          .map((c) => c.chunk)
          .filter((chunk) => quotable(chunk, language))
          .map((chunk) => (params.compress ? { ...chunk, text: compressSentence(chunk.text, language) } : chunk));
        const claimWords = [...pros, ...cons].reduce((sum, claim) => sum + wordCountOf(claim.text), 0);
        const maxWords =
          params.summaryWords > 0
            ? Math.min(params.overviewWords, Math.max(params.overviewMinWords, params.summaryWords - claimWords))
            : params.overviewWords;
        const selection = {
          weights: salienceWeights,
          maxWords,
          redundancy: params.redundancy,
          maxSentences: params.overviewSentences,
        };
        let picked = selectSalient(quotableContext, allChunks, selection);
        // Balance: when the summary has cons, the overview must not read as pure praise — the most salient
        // complaint takes the last place.
        if (cons.length > 0 && !picked.some((chunk) => chunk.polarity === 'negative')) {
          const negatives = quotableContext.filter((chunk) => chunk.polarity === 'negative');
          const [complaint] = selectSalient(negatives, allChunks, { ...selection, maxSentences: 1 });
          if (complaint) picked = [...picked.slice(0, Math.max(1, params.overviewSentences - 1)), complaint];
        }
        if (params.overviewOrder === 'polarity') picked = orderByPolarity(picked, allChunks);
        // Sentences that are clean alone can still look like PII once joined (a name at the end of one sentence
        // and a contact cue at the start of the next): verification checks the whole overview, so the overview
        // is built sentence by sentence and a sentence that would make it fail is left out.
        const kept: EmbeddedChunk[] = [];
        let overview = '';
        for (const chunk of picked) {
          const next = overview ? `${overview} ${asSummarySentence(chunk.text)}` : asSummarySentence(chunk.text);
          if (redactPii(next, { language }).found.length > 0) continue;
          overview = next;
          kept.push(chunk);
        }
        if (kept.length > 0) {
          return { overview, overview_citations: kept.map((chunk) => chunk.chunkId), pros, cons };
        }
      }
      const overview = templates.overview({
        reviewCount: product.reviewCount,
        ratingAvg: product.ratingAvg,
        strengths: strengths.map((claim) => aspectName(claim.aspect, language)),
        weaknesses: weaknesses.map((claim) => aspectName(claim.aspect, language)),
        divided,
      });
      const overviewCitations = [...new Set([...strengths, ...weaknesses].map((claim) => claim.citations[0]!))];
      return { overview, overview_citations: overviewCitations, pros, cons };
    },
  };
}
