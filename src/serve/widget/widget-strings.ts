import type { Language } from '../../domain/languages.js';

/** The widget's own UI strings; the summary text and AI label come localized from the API. */
export interface WidgetStrings {
  readonly title: string;
  readonly pros: string;
  readonly cons: string;
  readonly mentions: string;
  readonly sources: string;
  readonly how: string;
  readonly helpful: string;
  readonly yes: string;
  readonly no: string;
  readonly thanks: string;
  readonly verified: string;
  readonly close: string;
  readonly error: string;
}

export const WIDGET_STRINGS: Readonly<Record<Language, WidgetStrings>> = {
  en: {
    title: 'Customers say',
    pros: 'Liked',
    cons: 'Criticised',
    mentions: 'mentions',
    sources: 'What reviewers wrote',
    how: 'How this works',
    helpful: 'Was this summary helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thank you for your feedback.',
    verified: 'Verified purchase',
    close: 'Close',
    error: 'The summary could not be loaded.',
  },
  de: {
    title: 'Kunden sagen',
    pros: 'Gelobt',
    cons: 'Kritisiert',
    mentions: 'Erwähnungen',
    sources: 'Was Rezensenten schreiben',
    how: 'So funktioniert das',
    helpful: 'War diese Zusammenfassung hilfreich?',
    yes: 'Ja',
    no: 'Nein',
    thanks: 'Danke für Ihr Feedback.',
    verified: 'Verifizierter Kauf',
    close: 'Schließen',
    error: 'Die Zusammenfassung konnte nicht geladen werden.',
  },
  fr: {
    title: 'Les clients disent',
    pros: 'Apprécié',
    cons: 'Critiqué',
    mentions: 'mentions',
    sources: 'Ce que disent les avis',
    how: 'Comment ça marche',
    helpful: 'Ce résumé vous a-t-il été utile ?',
    yes: 'Oui',
    no: 'Non',
    thanks: 'Merci pour votre avis.',
    verified: 'Achat vérifié',
    close: 'Fermer',
    error: 'Le résumé n’a pas pu être chargé.',
  },
  es: {
    title: 'Los clientes dicen',
    pros: 'Gusta',
    cons: 'Se critica',
    mentions: 'menciones',
    sources: 'Lo que escriben los clientes',
    how: 'Cómo funciona',
    helpful: '¿Te ha resultado útil este resumen?',
    yes: 'Sí',
    no: 'No',
    thanks: 'Gracias por tu opinión.',
    verified: 'Compra verificada',
    close: 'Cerrar',
    error: 'No se pudo cargar el resumen.',
  },
  it: {
    title: 'I clienti dicono',
    pros: 'Apprezzato',
    cons: 'Criticato',
    mentions: 'menzioni',
    sources: 'Cosa scrivono i clienti',
    how: 'Come funziona',
    helpful: 'Questo riepilogo ti è stato utile?',
    yes: 'Sì',
    no: 'No',
    thanks: 'Grazie per il tuo feedback.',
    verified: 'Acquisto verificato',
    close: 'Chiudi',
    error: 'Impossibile caricare il riepilogo.',
  },
  nl: {
    title: 'Klanten zeggen',
    pros: 'Positief',
    cons: 'Kritiek',
    mentions: 'vermeldingen',
    sources: 'Wat reviewers schrijven',
    how: 'Hoe dit werkt',
    helpful: 'Was deze samenvatting nuttig?',
    yes: 'Ja',
    no: 'Nee',
    thanks: 'Bedankt voor je feedback.',
    verified: 'Geverifieerde aankoop',
    close: 'Sluiten',
    error: 'De samenvatting kon niet worden geladen.',
  },
  pl: {
    title: 'Klienci mówią',
    pros: 'Chwalone',
    cons: 'Krytykowane',
    mentions: 'wzmianek',
    sources: 'Co piszą recenzenci',
    how: 'Jak to działa',
    helpful: 'Czy to podsumowanie było pomocne?',
    yes: 'Tak',
    no: 'Nie',
    thanks: 'Dziękujemy za opinię.',
    verified: 'Zweryfikowany zakup',
    close: 'Zamknij',
    error: 'Nie udało się wczytać podsumowania.',
  },
};
