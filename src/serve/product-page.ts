import type { Summary } from '../domain/summary.js';
import { escapeHtml, page } from './html.js';

const HEADINGS: Record<string, { pros: string; cons: string; sources: string; hint: string }> = {
  en: {
    pros: 'What customers like',
    cons: 'What customers criticise',
    sources: 'Source reviews',
    hint: 'Click a point to see the reviews it is based on.',
  },
  de: {
    pros: 'Was Kunden gefällt',
    cons: 'Was Kunden kritisieren',
    sources: 'Quellbewertungen',
    hint: 'Klicken Sie auf einen Punkt, um die zugrunde liegenden Bewertungen zu sehen.',
  },
  fr: {
    pros: 'Ce que les clients aiment',
    cons: 'Ce que les clients critiquent',
    sources: 'Avis sources',
    hint: 'Cliquez sur un point pour voir les avis sur lesquels il repose.',
  },
  es: {
    pros: 'Lo que gusta a los clientes',
    cons: 'Lo que critican los clientes',
    sources: 'Opiniones de origen',
    hint: 'Haga clic en un punto para ver las opiniones en las que se basa.',
  },
  it: {
    pros: 'Cosa piace ai clienti',
    cons: 'Cosa criticano i clienti',
    sources: 'Recensioni di origine',
    hint: 'Fai clic su un punto per vedere le recensioni su cui si basa.',
  },
  nl: {
    pros: 'Wat klanten goed vinden',
    cons: 'Wat klanten bekritiseren',
    sources: 'Bronbeoordelingen',
    hint: 'Klik op een punt om de beoordelingen te zien waarop het is gebaseerd.',
  },
  pl: {
    pros: 'Co podoba się klientom',
    cons: 'Co krytykują klienci',
    sources: 'Opinie źródłowe',
    hint: 'Kliknij punkt, aby zobaczyć opinie, na których się opiera.',
  },
};

// Fetches a claim's sources on click; text is inserted with textContent, never as HTML. Served as a file
// (/assets/product-page.js) so the pages run under a Content-Security-Policy without inline scripts.
export const PRODUCT_PAGE_SCRIPT = `
document.querySelectorAll('.claim').forEach(function (button) {
  button.addEventListener('click', async function () {
    document.querySelectorAll('.claim').forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
    button.setAttribute('aria-expanded', 'true');
    var panel = document.getElementById('sources');
    panel.textContent = '…';
    var url = '/v1/products/' + encodeURIComponent(document.body.dataset.product) + '/summary/sources?claim=' + encodeURIComponent(button.dataset.claim);
    var response = await fetch(url);
    var data = await response.json();
    panel.textContent = '';
    (data.claims[0] ? data.claims[0].sources : []).forEach(function (s) {
      var p = document.createElement('blockquote'); p.className = 'snippet';
      p.textContent = '“' + s.text + '” ';
      var meta = document.createElement('small');
      meta.textContent = '★'.repeat(s.star_rating) + ' · ' + s.created_at.slice(0, 10) + (s.verified_purchase ? ' · ✔ verified purchase' : '');
      p.appendChild(meta); panel.appendChild(p);
    });
  });
});`;

function claimList(summary: Summary, kind: 'pros' | 'cons'): string {
  return summary[kind]
    .map(
      (claim, index) =>
        `<li><button class="claim ${kind === 'pros' ? 'pro' : 'con'}" data-claim="${kind}.${index}" aria-expanded="false" aria-controls="sources">${escapeHtml(claim.text)} <span class="count" title="reviews">· ${claim.mentions}</span></button></li>`,
    )
    .join('\n');
}

/** The demo product page: overview, AI label, pros/cons with mention counts, and sources on click. */
export function renderProductPage(summary: Summary, productName: string | null): string {
  const h = HEADINGS[summary.language] ?? HEADINGS.en!;
  const title = productName ?? summary.product_id;
  const body = `<main>
<p><a href="/">← all products</a></p>
<h1>${escapeHtml(title)}</h1>
<p class="meta">★ ${summary.rating_avg.toFixed(1)} · ${summary.review_count} reviews</p>
<section aria-label="${escapeHtml(summary.label)}">
<p><span class="label" id="ai-label">${escapeHtml(summary.label)}</span></p>
<p id="overview">${escapeHtml(summary.overview)}</p>
<h2>${escapeHtml(h.pros)}</h2>
<ul class="claims" id="pros">${claimList(summary, 'pros')}</ul>
<h2>${escapeHtml(h.cons)}</h2>
<ul class="claims" id="cons">${claimList(summary, 'cons')}</ul>
<p class="meta">${escapeHtml(h.hint)}</p>
<h3>${escapeHtml(h.sources)}</h3>
<div id="sources" aria-live="polite"></div>
</section>
</main>
<script src="/assets/product-page.js"></script>`;
  return page(title, summary.language, body, '', ` data-product="${escapeHtml(summary.product_id)}"`);
}

export function renderProductIndex(
  products: readonly { productId: string; name: string | null; reviewCount: number }[],
): string {
  const items = products
    .map(
      (p) =>
        `<li><a href="/products/${encodeURIComponent(p.productId)}">${escapeHtml(p.name ?? p.productId)}</a> <small>(${p.reviewCount} reviews)</small></li>`,
    )
    .join('\n');
  return page(
    'reviewlens — products',
    'en',
    `<h1>reviewlens</h1><p>Products with an AI-generated review summary:</p><ul>${items}</ul>`,
  );
}
