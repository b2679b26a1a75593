import { type JudgeTask, parseJudgeUserMessage } from '../../../evaluate/judge/judge-prompts.js';

/**
 * The fake endpoint's judge. It is NOT a judge of meaning and says so: support and relevance are word overlap,
 * coherence counts surface faults. What it gives tests is determinism over the real HTTP path, so the
 * metrics' arithmetic and failure handling can be checked against hand-computed values.
 *
 * - content words: lower-cased letter/digit runs of ≥ 4 characters that are not in a short stopword list;
 * - a statement is supported when ≥ half of its content words occur in the context (none: supported);
 * - a context item is relevant when it shares ≥ 2 content words with the summary (1 if it has only 1);
 * - statements are the summary's lines split after `.`, `!` or `?`;
 * - coherence starts at 5 and loses 1 for a repeated sentence, 1 for a single sentence, 1 for a sentence
 *   over 40 words, 1 for a sentence without final punctuation (minimum 1).
 */
const STOPWORDS = new Set(
  'this that these those with from have been were they their them what when which will would could should about there here very also just than then into only your some more most much such other'.split(
    ' ',
  ),
);

export function fakeContentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 4 && !STOPWORDS.has(w)));
}

export const fakeSentences = (lines: readonly string[]) =>
  lines
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function fakeSupported(statement: string, context: readonly string[]): boolean {
  const words = [...fakeContentWords(statement)];
  if (words.length === 0) return true;
  const available = fakeContentWords(context.join(' '));
  return words.filter((w) => available.has(w)).length * 2 >= words.length;
}

export function fakeRelevant(summary: string, item: string): boolean {
  const itemWords = fakeContentWords(item);
  const summaryWords = fakeContentWords(summary);
  const shared = [...itemWords].filter((w) => summaryWords.has(w)).length;
  return shared >= Math.min(2, itemWords.size) && shared > 0;
}

export function fakeCoherence(sentences: readonly string[]): number {
  const normalized = sentences.map((s) => s.toLowerCase().replace(/\s+/g, ' '));
  let score = 5;
  if (new Set(normalized).size < normalized.length) score--;
  if (sentences.length < 2) score--;
  if (sentences.some((s) => s.split(/\s+/).length > 40)) score--;
  if (sentences.some((s) => !/[.!?…]["')\]]*$/.test(s))) score--;
  return Math.max(1, score);
}

/** The answer object the fake judge gives for one judge request. */
export function fakeJudgeAnswer(task: JudgeTask, user: string): object {
  const view = parseJudgeUserMessage(user);
  const summary = view.summary.join('\n');
  switch (task) {
    case 'extract_statements':
      return { statements: fakeSentences(view.summary) };
    case 'verify_statements':
      return {
        verdicts: view.statements.map((statement, i) => ({
          statement: i + 1,
          reason: 'fake judge: content-word overlap with the context',
          supported: fakeSupported(statement, view.context),
        })),
      };
    case 'context_relevance':
      return { verdicts: view.context.map((item, i) => ({ item: i + 1, relevant: fakeRelevant(summary, item) })) };
    case 'coherence':
      return { reason: 'fake judge: surface checks only', score: fakeCoherence(fakeSentences(view.summary)) };
  }
}
