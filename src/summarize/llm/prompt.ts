import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { Language } from '../../domain/languages.js';
import { packagePath } from '../../package-root.js';
import { BALANCE_NEGATIVE_SHARE, negativeReviewShare, type ProductFacts } from '../summarizer.js';

/**
 * Prompt templates are versioned files in prompts/ (shipped with the package). The version is the file name
 * without extension and is recorded with every summary, so a prompt change is a new model version.
 */
export interface PromptTemplate {
  readonly version: string;
  readonly system: string;
  readonly user: string;
}

export class PromptTemplateError extends Error {
  readonly code = 'RL_ERR_PROMPT_TEMPLATE';
}

export const DEFAULT_PROMPT_VERSION = 'summarize-v1';

const PROMPTS_DIR = packagePath('prompts');

export function parsePromptTemplate(version: string, source: string): PromptTemplate {
  const lines = source.split('\n').filter((line) => !line.startsWith('# '));
  const text = lines.join('\n');
  const match = /=== system ===\n([\s\S]*?)\n=== user ===\n([\s\S]*)$/.exec(text);
  if (!match) throw new PromptTemplateError(`prompt template ${version} needs "=== system ===" and "=== user ==="`);
  return { version, system: match[1]!.trim(), user: match[2]!.trim() };
}

const cache = new Map<string, PromptTemplate>();

export function loadPromptTemplate(version: string = DEFAULT_PROMPT_VERSION): PromptTemplate {
  if (!/^[a-z0-9-]+$/.test(version)) throw new PromptTemplateError(`invalid prompt version "${version}"`);
  let template = cache.get(version);
  if (!template) {
    let source: string;
    try {
      source = readFileSync(join(PROMPTS_DIR, `${version}.txt`), 'utf8');
    } catch {
      throw new PromptTemplateError(`prompt template ${version} not found in prompts/`);
    }
    template = parsePromptTemplate(version, source);
    cache.set(version, template);
  }
  return template;
}

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pl: 'Polish',
};

/**
 * One snippet per line as `[<chunk_id>] <text>`. Line breaks and brackets inside a snippet are flattened so
 * a review cannot forge another snippet line or close the untrusted block.
 */
export function snippetLine(chunk: Pick<EmbeddedChunk, 'chunkId' | 'text'>): string {
  const text = chunk.text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/<\/?untrusted_reviews>/gi, ' ')
    .replace(/^\s*\[/, '(');
  return `[${chunk.chunkId}] ${text}`;
}

/** Inverse of snippetLine, for the fake endpoint and for tests: the snippets of an untrusted block. */
export function parseSnippetLines(prompt: string): { id: string; text: string }[] {
  const block = /<untrusted_reviews>\n([\s\S]*?)\n<\/untrusted_reviews>/.exec(prompt)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => /^\[([A-Za-z0-9_-]+)\] (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, text: m[2]! }));
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);

export function buildMessages(
  template: PromptTemplate,
  product: ProductFacts,
  context: readonly Pick<EmbeddedChunk, 'chunkId' | 'text'>[],
): ChatMessage[] {
  const values = {
    language_name: LANGUAGE_NAMES[product.language],
    product_name: product.productName ?? product.productId,
    category: product.category ?? 'unknown',
    review_count: String(product.reviewCount),
    rating_avg: product.ratingAvg.toFixed(1),
    star_histogram: product.starHistogram.join(' / '),
    min_cons:
      negativeReviewShare(product) >= BALANCE_NEGATIVE_SHARE
        ? 'Many reviewers are unhappy: give at least one con.'
        : 'Give cons only when snippets support them.',
    snippets: context.map(snippetLine).join('\n'),
  };
  return [
    { role: 'system', content: fill(template.system, values) },
    { role: 'user', content: fill(template.user, values) },
  ];
}

/** The follow-up turn of the one repair attempt: what was wrong, and the same contract again. */
export function repairMessages(
  original: readonly ChatMessage[],
  previousAnswer: string,
  problems: readonly string[],
): ChatMessage[] {
  return [
    ...original,
    { role: 'assistant', content: previousAnswer },
    {
      role: 'user',
      content:
        `Your answer was rejected for these reasons:\n${problems.map((p) => `- ${p}`).join('\n')}\n` +
        'Answer again with one JSON object in the required shape. Remove or rewrite every item that was ' +
        'rejected; cite only snippet ids from the block above, and only snippets that say what the item says.',
    },
  ];
}
