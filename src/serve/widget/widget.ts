import { WIDGET_STRINGS, type WidgetStrings } from './widget-strings.js';

/**
 * The `<reviewlens-summary product="…">` web component. This function runs in the shopper's browser: the server
 * ships its source text (`Function.prototype.toString`), so it is type-checked and linted like the rest of the
 * code but must not refer to anything outside its own body.
 */
export function defineReviewlensWidget(allStrings: Record<string, WidgetStrings>): void {
  if (customElements.get('reviewlens-summary')) return;
  const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;
  const defaultApi = scriptSrc ? new URL(scriptSrc).origin : location.origin;

  interface Claim {
    text: string;
    aspect: string;
    mentions: number;
  }
  interface Summary {
    product_id: string;
    language: string;
    overview: string;
    pros: Claim[];
    cons: Claim[];
    review_count: number;
    model_version: string;
    label: string;
  }
  interface Snippet {
    text: string;
    star_rating: number;
    created_at: string;
    verified_purchase: boolean;
  }

  const CSS = `
:host { display: block; min-height: var(--reviewlens-min-height, 15rem); contain: layout; font: inherit; color: inherit; }
:host([hidden]) { display: none; }
.box { border: 1px solid #d4d4d8; border-radius: .6rem; padding: 1rem; }
h2 { font-size: 1.1rem; margin: 0 0 .4rem; }
.label { font-size: .8rem; background: #eef2ff; color: #3730a3; border-radius: .3rem; padding: .1rem .45rem; }
.how { font-size: .8rem; margin-left: .5rem; color: #1d4ed8; }
.skeleton { background: #f4f4f5; border-radius: .4rem; height: 1rem; margin: .6rem 0; }
ul { list-style: none; padding: 0; margin: .3rem 0 .6rem; display: flex; flex-wrap: wrap; gap: .4rem; }
h3 { font-size: .9rem; margin: .6rem 0 0; }
.chip { font: inherit; font-size: .9rem; border: 1px solid #a1a1aa; border-radius: 1rem; padding: .2rem .7rem; background: #fff; color: inherit; cursor: pointer; }
.chip.pro { border-color: #15803d; } .chip.con { border-color: #b91c1c; }
.chip[aria-expanded="true"] { background: #f4f4f5; outline: 2px solid currentColor; }
.chip:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.pol { font-size: .75rem; margin-right: .25rem; } .pro .pol { color: #15803d; } .con .pol { color: #b91c1c; }
.count { font-weight: 600; margin-left: .3rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.panel { border-left: 3px solid #a1a1aa; padding-left: .8rem; margin: .4rem 0; }
.panel:empty { display: none; }
blockquote { margin: .4rem 0; } mark { background: #fef9c3; color: inherit; }
small { color: #52525b; display: block; }
.feedback { display: flex; align-items: center; gap: .5rem; font-size: .9rem; margin-top: .6rem; }
.feedback button { font: inherit; border: 1px solid #a1a1aa; border-radius: .4rem; background: #fff; padding: .1rem .6rem; cursor: pointer; }
`;

  function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function subjectId(): string {
    try {
      const existing = localStorage.getItem('reviewlens-subject');
      if (existing) return existing;
      const fresh = `s-${crypto.randomUUID()}`;
      localStorage.setItem('reviewlens-subject', fresh);
      return fresh;
    } catch {
      return `s-${crypto.randomUUID()}`;
    }
  }

  /** Retries with the same idempotency key, so a lost response never double-counts. */
  async function post(url: string, body: unknown, key: string): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          keepalive: true,
        });
        if (response.ok) return true;
        if (response.status < 500 && response.status !== 429) return false;
      } catch {
        // network error: retry below
      }
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
    }
    return false;
  }

  class ReviewlensSummary extends HTMLElement {
    private root!: ShadowRoot;
    private summary: Summary | null = null;
    private modelVersion = '';
    private subject = subjectId();
    private strings: WidgetStrings = allStrings.en!;
    private expanded = new Set<string>();

    get api(): string {
      return (this.getAttribute('api') ?? defaultApi).replace(/\/$/, '');
    }

    get product(): string {
      return this.getAttribute('product') ?? '';
    }

    connectedCallback(): void {
      if (this.root) return;
      this.root = this.attachShadow({ mode: 'open' });
      const style = element('style', {}, CSS);
      const box = element('section', { class: 'box', 'aria-busy': 'true' });
      for (let i = 0; i < 4; i += 1) box.append(element('div', { class: 'skeleton' }));
      this.root.append(style, box);
      void this.load();
    }

    private async load(): Promise<void> {
      const query = new URLSearchParams({ subject: this.subject });
      const lang = this.getAttribute('lang');
      if (lang) query.set('lang', lang);
      try {
        const response = await fetch(`${this.api}/v1/products/${encodeURIComponent(this.product)}/summary?${query}`);
        if (response.status === 404) {
          this.hidden = true;
          return;
        }
        if (!response.ok) throw new Error(String(response.status));
        this.modelVersion = response.headers.get('x-reviewlens-model-version') ?? '';
        this.summary = (await response.json()) as Summary;
        this.render(this.summary);
        this.event('impression', `imp-${this.subject}-${this.product}-${Date.now()}`);
      } catch {
        const box = this.root.querySelector('section')!;
        box.replaceChildren(element('p', { role: 'alert' }, this.strings.error));
        box.setAttribute('aria-busy', 'false');
      }
    }

    private render(summary: Summary): void {
      const uiLang = this.getAttribute('lang') || document.documentElement.lang.slice(0, 2) || summary.language;
      this.strings = allStrings[uiLang] ?? allStrings[summary.language] ?? allStrings.en!;
      const s = this.strings;
      const box = element('section', { class: 'box', 'aria-labelledby': 'rl-title', lang: summary.language });
      const heading = element('h2', { id: 'rl-title' }, s.title);
      const label = element('p');
      label.append(
        element('span', { class: 'label', id: 'ai-label' }, summary.label),
        element('a', { class: 'how', href: this.getAttribute('how-url') ?? `${this.api}/how-it-works` }, s.how),
      );
      const overview = element('p', { class: 'overview' }, summary.overview);
      const panel = element('div', {
        class: 'panel',
        id: 'rl-sources',
        role: 'region',
        'aria-live': 'polite',
        'aria-label': s.sources,
      });
      box.append(heading, label, overview);
      for (const kind of ['pros', 'cons'] as const) {
        if (summary[kind].length === 0) continue;
        box.append(element('h3', {}, kind === 'pros' ? s.pros : s.cons));
        const list = element('ul', { class: `chips ${kind}` });
        summary[kind].forEach((claim, index) => {
          const chip = element('button', {
            type: 'button',
            class: `chip ${kind === 'pros' ? 'pro' : 'con'}`,
            'data-claim': `${kind}.${index}`,
            'aria-expanded': 'false',
            'aria-controls': 'rl-sources',
            title: claim.text,
          });
          chip.append(
            element('span', { class: 'pol', 'aria-hidden': 'true' }, kind === 'pros' ? '▲' : '▼'),
            document.createTextNode(claim.text.split(':')[0] ?? claim.text),
            element('span', { class: 'count' }, String(claim.mentions)),
            element('span', { class: 'sr' }, ` ${s.mentions}, ${kind === 'pros' ? s.pros : s.cons}`),
          );
          chip.addEventListener('click', () => void this.open(chip, claim, panel));
          chip.addEventListener('keydown', (event) => {
            if (event.key === 'Escape') this.close(panel);
          });
          const item = element('li');
          item.append(chip);
          list.append(item);
        });
        box.append(list);
      }
      box.append(panel, this.feedback());
      this.root.querySelector('section')!.replaceWith(box);
    }

    private async open(chip: HTMLButtonElement, claim: Claim, panel: HTMLElement): Promise<void> {
      const wasOpen = chip.getAttribute('aria-expanded') === 'true';
      this.close(panel);
      if (wasOpen) return;
      chip.setAttribute('aria-expanded', 'true');
      const key = chip.dataset.claim!;
      const query = new URLSearchParams({ claim: key, subject: this.subject });
      if (this.summary) query.set('lang', this.summary.language);
      const response = await fetch(
        `${this.api}/v1/products/${encodeURIComponent(this.product)}/summary/sources?${query}`,
      );
      if (!response.ok) return;
      const data = (await response.json()) as { claims: { sources: Snippet[] }[] };
      panel.replaceChildren(element('p', {}, claim.text));
      for (const source of data.claims[0]?.sources ?? []) {
        const quote = element('blockquote', { class: 'snippet' });
        quote.append(element('mark', {}, source.text));
        const stars = '★'.repeat(source.star_rating) + '☆'.repeat(5 - source.star_rating);
        const meta = `${stars} · ${source.created_at.slice(0, 10)}${source.verified_purchase ? ` · ✔ ${this.strings.verified}` : ''}`;
        quote.append(element('small', { 'aria-label': `${source.star_rating}/5 · ${meta.slice(6)}` }, meta));
        panel.append(quote);
      }
      if (!this.expanded.has(key)) {
        this.expanded.add(key);
        this.event('expand', `exp-${this.subject}-${this.product}-${key}`);
      }
    }

    private close(panel: HTMLElement): void {
      const open = this.root.querySelector<HTMLButtonElement>('.chip[aria-expanded="true"]');
      open?.setAttribute('aria-expanded', 'false');
      panel.replaceChildren();
      open?.focus();
    }

    private feedback(): HTMLElement {
      const s = this.strings;
      const row = element('div', { class: 'feedback', role: 'group', 'aria-label': s.helpful });
      const question = element('span', {}, s.helpful);
      // The word next to the emoji: not every system has an emoji font.
      const yes = element('button', { type: 'button', 'data-helpful': 'true' }, `👍 ${s.yes}`);
      const no = element('button', { type: 'button', 'data-helpful': 'false' }, `👎 ${s.no}`);
      const send = async (helpful: boolean) => {
        yes.disabled = true;
        no.disabled = true;
        const key = `fb-${crypto.randomUUID()}`;
        const url = `${this.api}/v1/products/${encodeURIComponent(this.product)}/summary/feedback`;
        await post(url, { helpful, subject: this.subject, model_version: this.modelVersion || undefined }, key);
        row.replaceChildren(element('span', { role: 'status' }, s.thanks));
      };
      yes.addEventListener('click', () => void send(true));
      no.addEventListener('click', () => void send(false));
      row.append(question, yes, no);
      return row;
    }

    private event(type: string, key: string): void {
      const body = {
        events: [
          {
            type,
            product_id: this.product,
            subject: this.subject,
            model_version: this.modelVersion || undefined,
            idempotency_key: key,
          },
        ],
      };
      void post(`${this.api}/v1/events`, body, key);
    }
  }

  customElements.define('reviewlens-summary', ReviewlensSummary);
}

/** The script a shop embeds: `<script src="https://reviews.example.com/widget/v1.js" defer></script>`. */
export const WIDGET_SCRIPT = `/* reviewlens widget v1 */\n(${defineReviewlensWidget.toString()})(${JSON.stringify(WIDGET_STRINGS)});\n`;
