const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. Review text is untrusted: everything passes here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export function page(title: string, lang: string, body: string, script = '', bodyAttributes = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
  .label { display: inline-block; font-size: .8rem; background: #eef2ff; color: #3730a3; border-radius: .3rem; padding: .1rem .5rem; }
  .meta { color: #555; }
  ul.claims { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
  .claim { border: 1px solid #ccc; border-radius: 1rem; padding: .3rem .8rem; background: #fff; cursor: pointer; font: inherit; text-align: left; }
  .claim.pro { border-color: #16a34a; } .claim.con { border-color: #dc2626; }
  .claim[aria-expanded="true"] { background: #f5f5f5; }
  .count { font-weight: 600; }
  #sources { margin-top: 1rem; border-left: 3px solid #ddd; padding-left: 1rem; min-height: 2rem; }
  .snippet { margin: .5rem 0; } .snippet small { color: #666; }
  a { color: #2563eb; }
</style>
</head>
<body${bodyAttributes}>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}
