/**
 * Hashed sparse features for the trained polarity model: word unigrams and bigrams (negation-marked to the end
 * of the clause) and character 3–5-grams of longer words. Hashing keeps the model a fixed-size vector per
 * language, whatever the vocabulary of the user's store.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(kind: number, s: string): number {
  let h = Math.imul(FNV_OFFSET ^ kind, FNV_PRIME);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Negators of the supported languages; English "n't" contractions are recognised by their ending. */
const NEGATORS = new Set(
  (
    'not no never nothing cannot without nicht kein keine keinen keiner keinem keines nie niemals nichts ohne ' +
    'ne pas jamais rien sans nunca nada ni tampoco sin non mai niente senza niet geen nooit zonder nie żaden bez'
  ).split(' '),
);

const isNegator = (word: string): boolean => NEGATORS.has(word) || word.endsWith("n't");

/** Punctuation that ends a clause: a negation's scope stops there, and no bigram spans it. */
const CLAUSE_BREAKS = new Set(['.', ',', ';', ':', '(', ')']);

// Words keep an inner apostrophe ("don't", "l'appareil") so "n't" is one negating token, not "don" + "t".
const TOKEN_RE = /:\)|:\(|[\p{L}\p{N}]+(?:'[\p{L}]+)?|[!?.,;:()]/gu;

export function polarityTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .replace(/[’‘`´]/g, "'")
      .match(TOKEN_RE) ?? []
  );
}

/**
 * Feature kinds (hash seeds): word, negated word, bigram, and character n-grams (CHAR_NGRAM + n). They must be
 * distinct: a negated 5-letter word hashed with the seed of 5-grams would be the same feature as the 5-gram
 * of its own plain form ("not great" = "great"), which erased the negation.
 */
const WORD = 0;
const BIGRAM = 1;
const NEGATED_WORD = 2;
const CHAR_NGRAM = 10;

/**
 * Hashed feature indices of a text (repeats removed: presence, not counts, is what NB-weighted models like).
 * A negator marks every following word of its clause ("not_really", "not_good"), which a next-word-only
 * scope misses in "doesn't work well at all".
 */
export function hashedFeatures(text: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const features = new Set<number>();
  let negated = false;
  let previous = '<s>';
  for (const token of polarityTokens(text)) {
    if (CLAUSE_BREAKS.has(token)) {
      negated = false;
      previous = '<p>';
      continue;
    }
    // "!" and "?" are features (emphasis) but also end the clause.
    if (token === '!' || token === '?') negated = false;
    features.add(hashString(negated ? NEGATED_WORD : WORD, token) & mask);
    features.add(hashString(BIGRAM, `${previous} ${token}`) & mask);
    if (isNegator(token)) negated = true;
    if (token.length >= 4) {
      const padded = `<${token}>`;
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++)
          features.add(hashString(CHAR_NGRAM + n, padded.slice(j, j + n)) & mask);
      }
    }
    previous = token;
  }
  return [...features];
}
