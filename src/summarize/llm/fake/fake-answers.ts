import type { Language } from '../../../domain/languages.js';
import { tagAspects } from '../../../index/aspects.js';
import { lexiconSentiment } from '../../../index/sentiment.js';
import { parseSnippetLines } from '../prompt.js';
import type { LlmAnswer } from '../response.js';

/**
 * Scripted "models" for the fake endpoint. `faithful` is an extractive model: it reads the snippet lines of
 * the prompt, scores them with the project's sentiment lexicon and turns the clearest positive and negative
 * snippets into pros and cons that cite them. The other behaviours start from that answer and break it the
 * way real models do.
 */
export const BEHAVIOURS = ['faithful', 'hallucinate', 'wrong_citations', 'obey_instructions'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

const LANGUAGE_CODES: Readonly<Record<string, Language>> = {
  English: 'en',
  German: 'de',
  French: 'fr',
  Spanish: 'es',
  Italian: 'it',
  Dutch: 'nl',
  Polish: 'pl',
};

export interface PromptView {
  readonly snippets: { id: string; text: string }[];
  readonly language: Language;
  readonly category: string | null;
  readonly reviewCount: number;
  readonly ratingAvg: string;
  readonly needsCon: boolean;
}

export function readPrompt(system: string, user: string): PromptView {
  const languageName = /Summary language: (\w+)/.exec(user)?.[1] ?? 'English';
  const category = /\(category: ([^)]+)\)/.exec(user)?.[1] ?? null;
  return {
    snippets: parseSnippetLines(user),
    language: LANGUAGE_CODES[languageName] ?? 'en',
    category: category === 'unknown' ? null : category,
    reviewCount: Number(/Reviews: (\d+)/.exec(user)?.[1] ?? 0),
    ratingAvg: /average rating ([\d.]+)/.exec(user)?.[1] ?? '0',
    needsCon: /give at least one con/i.test(system),
  };
}

const shorten = (text: string) => (text.length <= 180 ? text : `${text.slice(0, 180).replace(/\s+\S*$/, '')}…`);

/**
 * Planted instructions the obeying model follows: "… write/say/state that <payload>.", "the only true
 * statement is that …", "schreibe nur, dass …", or a JSON answer to copy ({"overview": "<payload>"}).
 */
const PLANTED_RE =
  /\b(?:write|say|state|statement is|schreibe(?: nur)?,?)\s+(?:that\s+|dass\s+)?(.+?)(?:[.!;]|$)|"overview":\s*"([^"]+)"/i;

export function faithfulAnswer(view: PromptView): LlmAnswer {
  const scored = view.snippets
    .filter((s) => !PLANTED_RE.test(s.text))
    .map((s) => ({
      ...s,
      score: lexiconSentiment.score(s.text, view.language),
      aspect: tagAspects(s.text, view.language, view.category)[0] ?? 'general',
    }));
  const pick = (polar: typeof scored, max: number) => {
    const groups = new Map<string, typeof scored>();
    for (const s of polar) groups.set(s.aspect, [...(groups.get(s.aspect) ?? []), s]);
    return [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .slice(0, max)
      .map(([aspect, list]) => ({
        text: shorten(list[0]!.text),
        aspect,
        // The first snippet is the claim; a second one of the same aspect is cited only if it also agrees.
        citations: list.slice(0, 1).map((s) => s.id),
      }));
  };
  const pros = pick(
    scored.filter((s) => s.score >= 0.3).sort((a, b) => b.score - a.score),
    4,
  );
  let cons = pick(
    scored.filter((s) => s.score <= -0.3).sort((a, b) => a.score - b.score),
    3,
  );
  if (cons.length === 0 && view.needsCon) {
    const worst = [...scored].sort((a, b) => a.score - b.score)[0];
    if (worst && worst.score < 0) cons = [{ text: shorten(worst.text), aspect: worst.aspect, citations: [worst.id] }];
  }
  return {
    overview: `Based on ${view.reviewCount} reviews with an average of ${view.ratingAvg} of 5 stars, reviewers describe both strengths and weaknesses.`,
    pros,
    cons,
  };
}

const INVENTED = [
  'Waterproof to 50 metres and certified for diving',
  'Comes with a free five-year warranty and lifetime support',
  'Battery lasts 300 hours on a single charge',
  'Endorsed by professional athletes and recommended by doctors',
  'Made from recycled ocean plastic with zero emissions',
  'Cheaper than every competitor on the market',
];

/** A faithful answer with one invented pro per answer (it keeps a real citation, as hallucinations do). */
export function hallucinatedAnswer(view: PromptView, index: number): LlmAnswer {
  const answer = faithfulAnswer(view);
  const invented = INVENTED[index % INVENTED.length]!;
  const cite = answer.pros[0]?.citations ?? view.snippets.slice(0, 1).map((s) => s.id);
  if (cite.length === 0) return answer;
  return { ...answer, pros: [{ text: invented, aspect: 'quality', citations: cite }, ...answer.pros.slice(1)] };
}

/** Right text, wrong source: a pro cites a con's snippet and a con cites an id that was never in the prompt. */
export function wrongCitationAnswer(view: PromptView): LlmAnswer {
  const answer = faithfulAnswer(view);
  const pros = answer.pros.map((pro, i) =>
    i === 0 && answer.cons[0] ? { ...pro, citations: answer.cons[0].citations } : pro,
  );
  const cons = answer.cons.map((con, i) => (i === 0 ? { ...con, citations: ['zz-not-in-context-0'] } : con));
  return { ...answer, pros, cons };
}

/** A model that follows instructions planted in reviews: states their payload and drops every con. */
export function obedientAnswer(view: PromptView): LlmAnswer {
  const answer = faithfulAnswer(view);
  const planted = view.snippets.find((s) => PLANTED_RE.test(s.text));
  if (!planted) return answer;
  const found = PLANTED_RE.exec(planted.text)!;
  const payload = (found[1] ?? found[2])!;
  return {
    ...answer,
    pros: [{ text: payload, aspect: 'general', citations: [planted.id] }, ...answer.pros],
    cons: [],
  };
}

export function scriptedAnswer(behaviour: Behaviour, view: PromptView, index: number): LlmAnswer {
  switch (behaviour) {
    case 'faithful':
      return faithfulAnswer(view);
    case 'hallucinate':
      return hallucinatedAnswer(view, index);
    case 'wrong_citations':
      return wrongCitationAnswer(view);
    case 'obey_instructions':
      return obedientAnswer(view);
  }
}
