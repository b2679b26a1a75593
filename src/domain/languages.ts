/** Languages the shop supports out of the box. Language id is restricted to this set. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The label every summary carries, in the summary's language. */
export const AI_LABEL: Readonly<Record<Language, string>> = {
  en: 'AI-generated summary based on customer reviews',
  de: 'KI-generierte Zusammenfassung auf Basis von Kundenbewertungen',
  fr: 'Résumé généré par IA à partir des avis clients',
  es: 'Resumen generado por IA a partir de las opiniones de los clientes',
  it: 'Riepilogo generato dall’IA sulla base delle recensioni dei clienti',
  nl: 'Door AI gegenereerde samenvatting op basis van klantbeoordelingen',
  pl: 'Podsumowanie wygenerowane przez AI na podstawie opinii klientów',
};
