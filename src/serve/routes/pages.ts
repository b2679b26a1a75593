import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { DASHBOARD_SCRIPT } from '../dashboard-script.js';
import { escapeHtml, page } from '../html.js';
import { INSIGHTS_SCRIPT } from '../insights-script.js';
import { PRODUCT_PAGE_SCRIPT, renderProductIndex, renderProductPage } from '../product-page.js';
import type { SummaryCache } from '../summary-cache.js';
import { WIDGET_SCRIPT } from '../widget/widget.js';

const JS = 'application/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** A stand-in shop product page that embeds the widget the way a real shop would (one script tag + one element). */
function demoShopPage(productId: string, name: string, lang: string): string {
  const body = `<main>
<p><a href="/">← all products</a></p>
<h1>${escapeHtml(name)}</h1>
<p class="meta">Demo shop page · €79.00</p>
<p><button type="button" id="buy">Add to cart</button></p>
<reviewlens-summary product="${escapeHtml(productId)}" lang="${escapeHtml(lang)}"></reviewlens-summary>
</main>
<script src="/widget/v1.js"></script>
<script src="/assets/demo-shop.js"></script>`;
  return page(`${name} — demo shop`, lang, body);
}

// The demo shop's "Add to cart" reports a purchase for the A/B conversion metric, like a shop's checkout would.
const DEMO_SHOP_SCRIPT = `document.getElementById('buy').addEventListener('click', function () {
  var widget = document.querySelector('reviewlens-summary');
  var subject = localStorage.getItem('reviewlens-subject');
  var key = 'buy-' + crypto.randomUUID();
  fetch('/v1/events', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events: [{ type: 'purchase', product_id: widget.getAttribute('product'), subject: subject || undefined, idempotency_key: key }] }) });
  this.textContent = '✔';
});`;

const HOW_IT_WORKS = page(
  'How the AI-generated review summary works',
  'en',
  `<main><h1>How this summary works</h1>
<p>The summary is generated automatically from this product's customer reviews. Every point says how many reviewers
mention it and links to the review snippets it is based on; click a point to read them. Summaries are checked before
they are published: every cited snippet must exist and support the point, and criticism is shown whenever a notable
share of reviews is negative. Reviews are not edited, and no review is hidden because it is negative.</p>
<p>Tell us whether a summary helped with the 👍/👎 buttons: it is how we measure and improve it.</p></main>`,
);

const DASHBOARD_PAGE = page(
  'reviewlens — operations',
  'en',
  `<style>table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left}
figure{display:inline-block;margin:.5rem 1rem .5rem 0;width:30rem;max-width:100%}svg{width:100%;background:#fafafa;border:1px solid #eee}
.critical{color:#b91c1c}.warning{color:#a16207}body{max-width:80rem}</style>
<h1>reviewlens operations</h1><div id="app" aria-live="polite"></div><script src="/assets/dashboard.js"></script>`,
);

const INSIGHTS_PAGE = page(
  'reviewlens — insights',
  'en',
  `<style>table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
q{display:block;font-size:.8rem}q.pos{color:#166534}q.neg{color:#991b1b}form{margin:.5rem 0}body{max-width:80rem}</style>
<h1>reviewlens insights</h1><p><a href="/dashboard">operations</a></p><div id="app"></div><script src="/assets/insights.js"></script>`,
);

export function registerPageRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; cache: SummaryCache }): void {
  const { db, cache } = deps;
  const asset = (path: string, body: string) =>
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(JS).header('cache-control', 'public, max-age=300').send(body),
    );
  asset('/widget/v1.js', WIDGET_SCRIPT);
  asset('/assets/product-page.js', PRODUCT_PAGE_SCRIPT);
  asset('/assets/dashboard.js', DASHBOARD_SCRIPT);
  asset('/assets/demo-shop.js', DEMO_SHOP_SCRIPT);
  asset('/assets/insights.js', INSIGHTS_SCRIPT);

  app.get('/how-it-works', { schema: { hide: true } }, async (_request, reply) => reply.type(HTML).send(HOW_IT_WORKS));
  app.get('/dashboard', { schema: { hide: true } }, async (_request, reply) => reply.type(HTML).send(DASHBOARD_PAGE));
  app.get('/insights', { schema: { hide: true } }, async (_request, reply) => reply.type(HTML).send(INSIGHTS_PAGE));

  const productName = async (productId: string) =>
    (await db.selectFrom('products').select('product_name').where('product_id', '=', productId).executeTakeFirst())
      ?.product_name ?? null;

  app.get<{ Params: { id: string } }>('/products/:id', { schema: { hide: true } }, async (request, reply) => {
    const entry = await cache.get(request.params.id);
    if (entry.kind === 'missing') {
      return reply.code(404).type('text/plain; charset=utf-8').send(`No summary: ${entry.detail}.`);
    }
    return reply.type(HTML).send(renderProductPage(entry.summary, await productName(request.params.id)));
  });

  app.get<{ Params: { id: string } }>('/demo/:id', { schema: { hide: true } }, async (request, reply) => {
    const entry = await cache.get(request.params.id);
    const language = entry.kind === 'found' ? entry.summary.language : 'en';
    const name = (await productName(request.params.id)) ?? request.params.id;
    return reply.type(HTML).send(demoShopPage(request.params.id, name, language));
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const rows = await db
      .selectFrom('products as p')
      .innerJoin('summaries as s', 's.product_id', 'p.product_id')
      .select(['p.product_id', 'p.product_name'])
      .select(({ fn }) => fn.max('s.id').as('latest'))
      .groupBy(['p.product_id', 'p.product_name'])
      .orderBy('p.product_id')
      .limit(1000)
      .execute();
    const counts = await db
      .selectFrom('reviews')
      .select(['product_id'])
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .groupBy('product_id')
      .execute();
    const countBy = new Map(counts.map((row) => [row.product_id, Number(row.n)]));
    const products = rows.map((row) => ({
      productId: row.product_id,
      name: row.product_name,
      reviewCount: countBy.get(row.product_id) ?? 0,
    }));
    return reply.type(HTML).send(renderProductIndex(products));
  });
}
