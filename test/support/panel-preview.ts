import type { PanelBody } from '../../src/sync/mapping/panels.js';

/**
 * Draws a JSON panel body roughly as Pipedrive does in a deal's or organization's sidebar
 * (docs/vendors/pipedrive.md §7.1): the panel title, one card per object with its header, then a plain table of
 * its fields, labels as coloured pills, amounts with their currency, links as links, and the
 * panel's external link at the foot. For people to look at (screenshots) and for browser tests to
 * read the panel the way a user would; not a copy of Pipedrive's look.
 */
const COLORS: Record<string, string> = {
  green: '#1b873f',
  red: '#c92a2a',
  blue: '#1c64d9',
  yellow: '#b78103',
  purple: '#7048e8',
  grey: '#6b7280',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
// Developer Hub gives each field a label; ours are the keys in words ("amount_due" → "Amount due").
const labelOf = (key: string) => `${key.charAt(0).toUpperCase()}${key.slice(1).replace(/_/g, ' ')}`;

function cell(value: unknown): string {
  if (typeof value === 'number') return escape(String(value));
  if (typeof value === 'string') return escape(value);
  const field = value as Record<string, unknown>;
  if ('code' in field) {
    const amount = Number(field['value']).toLocaleString('en-NZ', { minimumFractionDigits: 2 });
    return `${escape(String(field['code']))} ${escape(amount)}`;
  }
  if ('color' in field) {
    const color = COLORS[String(field['color'])] ?? COLORS['grey'];
    return `<span class="pill" style="background:${color}">${escape(String(field['label']))}</span>`;
  }
  if ('external' in field)
    return `<a href="${escape(String(field['value']))}">${escape(String(field['label']))}</a>`;
  if ('markdown' in field)
    return escape(String(field['value'])).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
  return escape(JSON.stringify(value));
}

export function renderPanelPreview(title: string, body: PanelBody): string {
  const cards = body.data
    .map(({ id, header, ...fields }) => {
      const rows = Object.entries(fields)
        .map(([key, value]) => `<tr><th>${escape(labelOf(key))}</th><td>${cell(value)}</td></tr>`)
        .join('');
      return `<section class="card" data-testid="panel-object" data-id="${escape(id)}"><h3>${escape(header)}</h3><table>${rows}</table></section>`;
    })
    .join('\n');
  const empty = body.data.length === 0 ? '<p class="empty">Nothing to show</p>' : '';
  const link =
    body.external_link === undefined
      ? ''
      : `<p class="foot"><a href="${escape(body.external_link.url)}">${escape(body.external_link.label)}</a></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} (panel preview)</title>
<style>body{font:14px/1.4 system-ui,sans-serif;background:#f4f5f7;margin:0;padding:1.5rem}
.panel{width:340px;background:#fff;border:1px solid #dcdfe4;border-radius:6px;padding:.75rem 1rem}
.panel>h2{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#4b5563;margin:0 0 .5rem}
.card{border-top:1px solid #eceef1;padding:.5rem 0}.card h3{font-size:15px;margin:.2rem 0 .4rem}
table{border-collapse:collapse;width:100%}th{text-align:left;font-weight:normal;color:#6b7280;width:45%;vertical-align:top;padding:2px 0}
td{padding:2px 0}.pill{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px}
a{color:#1c64d9}.empty{color:#6b7280}.foot{border-top:1px solid #eceef1;padding-top:.5rem;margin:0}</style>
</head><body><div class="panel" role="region" aria-label="${escape(title)}"><h2>${escape(title)}</h2>
${cards}${empty}${link}
</div></body></html>`;
}
