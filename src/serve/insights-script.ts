/**
 * Browser side of the insights page (shipped as source text, like the dashboard): asks for an admin key once per
 * tab, then shows a category's aspects (mention counts, share, rating, a sparkline of weekly complaints, quotes),
 * its emerging issues, and a search box. No text is inserted as HTML.
 */
export function insightsApp(): void {
  const main = document.getElementById('app')!;
  const el = (tag: string, text?: string, attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const key = () => sessionStorage.getItem('reviewlens-admin-key') ?? '';
  const api = async (path: string) => {
    const response = await fetch(path, { headers: { authorization: `Bearer ${key()}` } });
    if (response.status === 401) {
      sessionStorage.removeItem('reviewlens-admin-key');
      askKey('That key was not accepted.');
      throw new Error('unauthorized');
    }
    return response.json();
  };
  const svgNs = 'http://www.w3.org/2000/svg';
  const sparkline = (values: number[], label: string) => {
    const svg = document.createElementNS(svgNs, 'svg');
    const width = 120;
    const height = 24;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const top = Math.max(1, ...values);
    const step = values.length > 1 ? width / (values.length - 1) : 0;
    const line = document.createElementNS(svgNs, 'path');
    line.setAttribute(
      'd',
      values
        .map((v, i) => `${i ? 'L' : 'M'}${(i * step).toFixed(1)},${(height - 2 - (v / top) * (height - 4)).toFixed(1)}`)
        .join(' ') || 'M0,0',
    );
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#dc2626');
    line.setAttribute('stroke-width', '1.5');
    svg.append(line);
    return svg;
  };

  interface Quote {
    text: string;
    star_rating: number;
  }
  interface Aspect {
    aspect: string;
    positive: number;
    negative: number;
    neutral: number;
    share_of_reviews: number;
    avg_rating: number;
    quotes: { positive: Quote[]; negative: Quote[] };
    trend: { week: string; negative: number }[];
  }
  interface Issue {
    scope: string;
    aspect: string;
    first_seen: string;
    negative_mentions: number;
    reviews: number;
    quotes: string[];
  }
  interface SearchResult {
    product_id: string;
    product_name: string | null;
    snippets: { text: string; star_rating: number }[];
  }

  const showCategory = async (category: string, into: HTMLElement) => {
    into.replaceChildren(el('p', 'Loading…'));
    const data = (await api(`/v1/insights/categories/${encodeURIComponent(category)}`)) as {
      reviews: number;
      aspects: Aspect[];
    };
    const issues = (
      (await api(`/v1/insights/emerging?category=${encodeURIComponent(category)}`)) as { issues: Issue[] }
    ).issues;
    into.replaceChildren();
    into.append(el('h2', `Aspects in ${category}`), el('p', `${data.reviews} reviews`, { class: 'meta' }));
    const table = el('table', undefined, { id: 'aspects' });
    const head = el('tr');
    for (const h of [
      'aspect',
      'positive reviews',
      'negative reviews',
      'share',
      'avg ★',
      'complaints per week',
      'what they say',
    ])
      head.append(el('th', h, { scope: 'col' }));
    table.append(head);
    for (const a of data.aspects) {
      const row = el('tr');
      row.append(el('td', a.aspect), el('td', String(a.positive)), el('td', String(a.negative)));
      row.append(el('td', `${Math.round(a.share_of_reviews * 100)}%`), el('td', a.avg_rating.toFixed(1)));
      const spark = el('td');
      spark.append(
        sparkline(
          a.trend.map((t) => t.negative),
          `${a.aspect}: complaints per week`,
        ),
      );
      row.append(spark);
      const quotes = el('td');
      const good = a.quotes.positive[0];
      const bad = a.quotes.negative[0];
      if (good) quotes.append(el('q', good.text, { class: 'pos' }));
      if (bad) quotes.append(el('q', bad.text, { class: 'neg' }));
      row.append(quotes);
      table.append(row);
    }
    into.append(table);
    into.append(el('h2', 'Emerging issues'));
    const list = el('ul', undefined, { id: 'emerging' });
    for (const issue of issues) {
      list.append(
        el(
          'li',
          `${issue.aspect} in ${issue.scope} since ${issue.first_seen}: ${issue.negative_mentions} complaints in ${issue.reviews} reviews${issue.quotes[0] ? ` — “${issue.quotes[0]}”` : ''}`,
        ),
      );
    }
    if (!issues.length) list.append(el('li', 'None detected.'));
    into.append(list);
  };

  const showApp = () => {
    main.replaceChildren();
    const pick = el('form', undefined, { id: 'pick' });
    const category = el('input', undefined, {
      id: 'category',
      required: '',
      placeholder: 'category, e.g. headphones',
    }) as HTMLInputElement;
    pick.append(el('label', 'Category ', { for: 'category' }), category, el('button', 'Show', { type: 'submit' }));
    const search = el('form', undefined, { id: 'search' });
    const query = el('input', undefined, {
      id: 'q',
      type: 'search',
      required: '',
      placeholder: 'e.g. Akku hält nicht lange',
    }) as HTMLInputElement;
    search.append(el('label', 'Search reviews ', { for: 'q' }), query, el('button', 'Search', { type: 'submit' }));
    const results = el('section', undefined, { id: 'results', 'aria-live': 'polite' });
    const categoryView = el('section', undefined, { id: 'category-view', 'aria-live': 'polite' });
    pick.addEventListener('submit', (event) => {
      event.preventDefault();
      void showCategory(category.value.trim(), categoryView);
    });
    search.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = (await api(`/v1/search?q=${encodeURIComponent(query.value)}`)) as { results: SearchResult[] };
      results.replaceChildren(el('h2', `Results for “${query.value}”`));
      for (const r of data.results) {
        const item = el('article', undefined, { class: 'result' });
        item.append(el('h3', r.product_name ?? r.product_id));
        for (const s of r.snippets) item.append(el('p', `${'★'.repeat(s.star_rating)} ${s.text}`));
        results.append(item);
      }
      if (!data.results.length) results.append(el('p', 'Nothing found.'));
    });
    main.append(pick, search, categoryView, results);
  };

  const askKey = (message?: string) => {
    const form = el('form');
    const input = el('input', undefined, {
      type: 'password',
      id: 'key',
      autocomplete: 'off',
      required: '',
    }) as HTMLInputElement;
    form.append(el('label', 'Admin API key ', { for: 'key' }), input, el('button', 'Open', { type: 'submit' }));
    if (message) form.append(el('p', message, { role: 'alert' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem('reviewlens-admin-key', input.value.trim());
      showApp();
    });
    main.replaceChildren(form);
    input.focus();
  };
  if (key()) showApp();
  else askKey();
}

export const INSIGHTS_SCRIPT = `(${insightsApp.toString()})();\n`;
