import type { Language } from '../../domain/languages.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { NL } from './nl.js';
import { PL } from './pl.js';
import type { LanguagePack } from './types.js';

/** One phrase pack per supported language (SUPPORTED_LANGUAGES in src/domain/languages.ts). */
export const PACKS: Readonly<Record<Language, LanguagePack>> = {
  en: EN,
  de: DE,
  fr: FR,
  es: ES,
  it: IT,
  nl: NL,
  pl: PL,
};

export type { AspectTemplates, LanguagePack, Tone } from './types.js';
