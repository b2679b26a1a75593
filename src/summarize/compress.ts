import type { Language } from '../domain/languages.js';

/**
 * Sentence compression for the extractive overview: a review sentence is shortened to what a summary would
 * say, by rules that keep its meaning — discourse fillers, hedges ("I think"), parentheticals and emoticons go,
 * and a first-person recommendation becomes a neutral statement ("I highly recommend this peeler" → "This
 * peeler is highly recommended"). The sentence still cites its chunk; nothing is added that the chunk does not
 * say. Rules that could break grammar in a language (German/Dutch verb-second after "ich finde …") are left out.
 */

// Openers that only connect the sentence to the review around it.
const FILLERS: Readonly<Record<Language, RegExp | null>> = {
  // Words that are fillers only before a comma ("Well, …" but "Well made"; "So, …" but "So far so good").
  en: /^(?:(?:well|so|anyway|honestly|frankly|basically|ok|okay|oh|yes|wow|actually|in fact|personally|to be honest|to be fair|in short|all in all|in my opinion|imo),|(?:and|but|plus|also|honestly|i think|i believe|i guess|i would say|i'd say|i have to say|i must say)(?: that)?,?)\s+/i,
  de: /^(?:also|naja|übrigens|ehrlich gesagt|meiner meinung nach|ich finde,|ich denke,|ich glaube,)\s+/i,
  fr: /^(?:bref|donc|alors|franchement|honnêtement|personnellement|à mon avis|je pense que|je trouve que|je crois que)[,:]?\s+/i,
  es: /^(?:bueno|pues|sinceramente|la verdad|en mi opinión|creo que|pienso que)[,:]?\s+/i,
  it: /^(?:comunque|allora|sinceramente|secondo me|a mio parere)[,:]?\s+/i,
  nl: null,
  pl: /^(?:moim zdaniem|szczerze mówiąc)[,:]?\s+/i,
};

// English first-person frames around a statement ("I was happy to find that the lid seals" → "The lid seals"):
// the reviewer's stance is dropped, the statement stays. Only frames ending in "that"/"like" (a full clause
// follows), so "I found the instructions confusing" keeps its subject.
const EN_FRAMES =
  /^i(?: was| am|'m)?(?: (?:really|also|just|so|very|quite|pleasantly))* (?:(?:happy|pleased|glad|thrilled|disappointed|surprised|impressed|sad|upset|amazed)(?: to (?:see|find|discover|learn|report))? that|(?:like|love|liked|loved|appreciate|appreciated)(?: the fact)? that|(?:found|find|noticed|discovered|realized|realised|learned|feel|felt)(?: that| like))\s+/i;

// Emoticons and runs of repeated punctuation ("!!!", "??") read as chat, not as a summary.
const EMOTICONS = /(?:^|\s)(?:[:;=]-?[)(DPp]|<3|\^\^|xD)(?=\s|$)/g;
// Parentheticals are asides (prices paid, model numbers, jokes); a sentence that is only one stays whole.
const PARENTHETICAL = /\s*\([^()]*\)/g;
// Literal escape sequences left in scraped text ("\u2026") become the character they encode.
const LITERAL_ESCAPE = /\\u([0-9a-fA-F]{4})/g;

// "I (would) (highly) recommend this/these/it …" → "This … is (highly) recommended …": the same statement
// without the first person (English only; other languages need agreement rules).
const RECOMMEND =
  /^i(?: would| will|'d| do| can| definitely| totally| absolutely)* (highly |strongly |definitely )?recommend (this|these|it|them)\b(.*)$/i;

function depersonaliseRecommendation(text: string): string {
  const match = RECOMMEND.exec(text);
  if (!match) return text;
  const degree = match[1] ?? '';
  const object = match[2]!.toLowerCase();
  const rest = match[3] ?? '';
  // "this peeler to anyone" — the noun phrase after the demonstrative stays as it is.
  const nounMatch = /^( [\p{L}-]+)?(.*)$/u.exec(rest)!;
  const startsNoun = object === 'this' || object === 'these';
  const noun =
    startsNoun && nounMatch[1] && !/^ (?:to|for|if|as|and|but|because)$/i.test(nounMatch[1]) ? nounMatch[1] : '';
  const tail = noun ? nounMatch[2]! : rest;
  const subject = { this: 'This', these: 'These', it: 'It', them: 'They' }[object]!;
  const verb = object === 'these' || object === 'them' ? 'are' : 'is';
  return `${subject}${noun} ${verb} ${degree}recommended${tail}`;
}

export function compressSentence(text: string, language: Language): string {
  let result = text.replace(LITERAL_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const withoutAsides = result.replace(PARENTHETICAL, '');
  if (/\p{L}/u.test(withoutAsides)) result = withoutAsides;
  result = result
    .replace(EMOTICONS, ' ')
    .replace(/([!?.])\1+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const filler = FILLERS[language];
  if (filler) {
    // Fillers stack ("So, honestly, I think …"); stop before the sentence would lose its last words.
    for (let i = 0; i < 4; i++) {
      const next = result.replace(filler, '');
      if (next === result || next.split(' ').length < 3) break;
      result = next;
    }
  }
  if (language === 'en') {
    const unframed = result.replace(EN_FRAMES, '');
    if (unframed.split(' ').length >= 3) result = unframed;
    result = depersonaliseRecommendation(result);
  }
  return result.charAt(0).toLocaleUpperCase() + result.slice(1);
}
