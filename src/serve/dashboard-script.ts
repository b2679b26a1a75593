/**
 * Browser side of the ops dashboard (shipped as source text, like the widget): asks for an admin key once per
 * tab, fetches /v1/admin/dashboard with it and renders tables and small SVG charts. No text is inserted as HTML.
 */
export function dashboardApp(): void {
  const main = document.getElementById('app')!;
  const el = (tag: string, text?: string, attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const table = (headers: string[], rows: (string | number)[][]) => {
    const t = el('table');
    const head = el('tr');
    for (const h of headers) head.append(el('th', h, { scope: 'col' }));
    t.append(head);
    for (const row of rows) {
      const tr = el('tr');
      for (const cell of row) tr.append(el('td', String(cell)));
      t.append(tr);
    }
    return t;
  };
  const svgNs = 'http://www.w3.org/2000/svg';
  const chart = (title: string, points: { x: string; y: number }[], max?: number) => {
    const figure = el('figure');
    figure.append(el('figcaption', title));
    const width = 480;
    const height = 120;
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${title}: ${points.map((p) => `${p.x} ${p.y}`).join(', ')}`);
    const top = max ?? Math.max(1, ...points.map((p) => p.y));
    const step = points.length > 1 ? width / (points.length - 1) : 0;
    const path = points
      .map((p, i) => `${i ? 'L' : 'M'}${(i * step).toFixed(1)},${(height - 4 - (p.y / top) * (height - 8)).toFixed(1)}`)
      .join(' ');
    const line = document.createElementNS(svgNs, 'path');
    line.setAttribute('d', path || 'M0,0');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#2563eb');
    line.setAttribute('stroke-width', '2');
    svg.append(line);
    points.forEach((p, i) => {
      const dot = document.createElementNS(svgNs, 'circle');
      dot.setAttribute('cx', (i * step || width / 2).toFixed(1));
      dot.setAttribute('cy', (height - 4 - (p.y / top) * (height - 8)).toFixed(1));
      dot.setAttribute('r', '3');
      dot.setAttribute('fill', '#2563eb');
      svg.append(dot);
    });
    figure.append(svg);
    return figure;
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

  interface Arm {
    model_version: string;
    successes: number;
    trials: number;
    rate: number;
    interval: { low: number; high: number };
  }
  interface Metric {
    metric: string;
    champion: Arm;
    challenger: Arm;
    test: {
      difference: number;
      differenceInterval: { low: number; high: number };
      relativeLift: number | null;
      pValue: number;
    };
    warnings: string[];
  }
  interface Data {
    generated_at: string;
    runs: {
      run_id: string;
      kind: string;
      status: string;
      started_at: string;
      seconds: number | null;
      counts: Record<string, unknown>;
    }[];
    rejects_by_reason: { reason: string; count: number }[];
    daily: { day: string; summaries: number; feedback: number; helpful: number; impressions: number }[];
    model_versions: { model_version: string; products: number; latest: string; stage: string }[];
    experiments: {
      experiment: { name: string; status: string; champion: string; challenger: string };
      metrics: Metric[];
    }[];
    alerts: { severity: string; code: string; message: string }[];
    monitoring: { kind: string; at: string; value: number | null }[];
    polarity_model: {
      model_id: string;
      created_at: string;
      report: { languages?: Record<string, { used: boolean }> };
    } | null;
  }

  const render = (data: Data) => {
    main.replaceChildren();
    const section = (title: string, ...content: Node[]) => {
      const s = el('section');
      s.append(el('h2', title), ...content);
      main.append(s);
    };
    const alerts = el('ul', undefined, { id: 'alerts' });
    for (const a of data.alerts)
      alerts.append(el('li', `${a.severity.toUpperCase()} · ${a.message}`, { class: a.severity }));
    if (!data.alerts.length) alerts.append(el('li', 'No alerts.'));
    section('Alerts', alerts);
    for (const e of data.experiments) {
      const rows = e.metrics.map((m) => [
        m.metric,
        `${pct(m.champion.rate)} [${pct(m.champion.interval.low)}, ${pct(m.champion.interval.high)}] n=${m.champion.trials}`,
        `${pct(m.challenger.rate)} [${pct(m.challenger.interval.low)}, ${pct(m.challenger.interval.high)}] n=${m.challenger.trials}`,
        `${(m.test.difference * 100).toFixed(2)} pt [${(m.test.differenceInterval.low * 100).toFixed(2)}, ${(m.test.differenceInterval.high * 100).toFixed(2)}]`,
        m.test.relativeLift === null ? '–' : pct(m.test.relativeLift),
        m.test.pValue.toFixed(4),
        m.warnings.join('; ') || 'ok',
      ]);
      section(
        `Experiment ${e.experiment.name} (${e.experiment.status}): ${e.experiment.champion} vs ${e.experiment.challenger}`,
        table(['metric', 'champion', 'challenger', 'difference (95% CI)', 'relative lift', 'p', 'notes'], rows),
      );
    }
    section(
      'Quality over time',
      chart(
        'Summaries generated per day',
        data.daily.map((d) => ({ x: d.day, y: d.summaries })),
      ),
      chart(
        'Helpful rate per day',
        data.daily.filter((d) => d.feedback).map((d) => ({ x: d.day, y: d.helpful / d.feedback })),
        1,
      ),
      chart(
        'Impressions per day',
        data.daily.map((d) => ({ x: d.day, y: d.impressions })),
      ),
    );
    section(
      'Monitoring',
      chart(
        'Sampled faithfulness per quality run',
        data.monitoring.filter((m) => m.kind === 'quality' && m.value !== null).map((m) => ({ x: m.at, y: m.value! })),
        1,
      ),
      chart(
        'Max embedding PSI per drift run (alert > 0.25)',
        data.monitoring.filter((m) => m.kind === 'drift' && m.value !== null).map((m) => ({ x: m.at, y: m.value! })),
      ),
    );
    section(
      'Model versions',
      table(
        ['model version', 'stage', 'products', 'latest summary'],
        data.model_versions.map((v) => [v.model_version, v.stage, v.products, v.latest]),
      ),
      table(
        ['sentence polarity model', 'trained languages', 'trained at'],
        [
          data.polarity_model
            ? [
                data.polarity_model.model_id,
                Object.entries(data.polarity_model.report.languages ?? {})
                  .filter(([, l]) => l.used)
                  .map(([language]) => language)
                  .join(', '),
                data.polarity_model.created_at,
              ]
            : ['lexicon-v1 (no trained model: reviewlens train polarity)', '', ''],
        ],
      ),
    );
    section(
      'Rejects by reason',
      table(
        ['reason', 'count'],
        data.rejects_by_reason.map((r) => [r.reason, r.count]),
      ),
    );
    section(
      'Pipeline runs',
      table(
        ['run', 'kind', 'status', 'started', 'seconds', 'counts'],
        data.runs.map((r) => [
          r.run_id,
          r.kind,
          r.status,
          r.started_at,
          r.seconds ?? '–',
          Object.entries(r.counts)
            .filter(([, v]) => typeof v === 'number')
            .map(([k, v]) => `${k}=${v}`)
            .join(' '),
        ]),
      ),
    );
    main.append(el('p', `Updated ${data.generated_at}`, { class: 'meta' }));
  };

  const load = async () => {
    const key = sessionStorage.getItem('reviewlens-admin-key');
    if (!key) return askKey();
    const response = await fetch('/v1/admin/dashboard', { headers: { authorization: `Bearer ${key}` } });
    if (response.status === 401) {
      sessionStorage.removeItem('reviewlens-admin-key');
      return askKey('That key was not accepted.');
    }
    render((await response.json()) as Data);
  };
  const askKey = (message?: string) => {
    const form = el('form');
    const input = el('input', undefined, {
      type: 'password',
      id: 'key',
      autocomplete: 'off',
      required: '',
    }) as HTMLInputElement;
    const label = el('label', 'Admin API key ', { for: 'key' });
    form.append(label, input, el('button', 'Open', { type: 'submit' }));
    if (message) form.append(el('p', message, { role: 'alert' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem('reviewlens-admin-key', input.value.trim());
      void load();
    });
    main.replaceChildren(form);
    input.focus();
  };
  void load();
  setInterval(() => {
    if (sessionStorage.getItem('reviewlens-admin-key')) void load();
  }, 30_000);
}

export const DASHBOARD_SCRIPT = `(${dashboardApp.toString()})();\n`;
