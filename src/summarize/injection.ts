/**
 * Recognises review text that addresses the summarizer instead of describing the product ("ignore previous
 * instructions", "SYSTEM:", "as an AI …"), in the shop's languages. Such a snippet is never valid evidence:
 * a claim that cites it is dropped, whatever its overlap with the snippet.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompt|rules|above|previous)\b/i,
  /\b(system|assistant|developer)\s*(prompt|message)?\s*:/i,
  /\b(as an? (ai|language model|assistant)|you are (an? )?(ai|assistant|summari[sz]er|language model))\b/i,
  /\b(summari[sz]er|the (ai|model|assistant)|language model)\b.{0,40}\b(must|should|write|say|state|output|include)\b/i,
  /\b(write|say|state|output|include) (that|only)\b.{0,60}\b(summary|pros?|cons?)\b/i,
  /\b(ignorier\w*|vergiss)\b.{0,40}\b(anweisung\w*|vorgaben|regeln)\b/i,
  /\b(ignore[zr]?|oublie[zr]?)\b.{0,40}\b(instructions?|consignes?)\b/i,
  /\b(ignora\w*|olvida\w*)\b.{0,40}\b(instrucciones|istruzioni)\b/i,
  /\b(negeer|vergeet)\b.{0,40}\b(instructies|opdrachten)\b/i,
  /\b(zignoruj|zapomnij)\b.{0,40}\b(instrukcj\w*|polece\w*)\b/i,
  /<\/?(system|instructions?|reviews?|untrusted)[^>]*>/i,
];

export function looksLikeInstruction(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
