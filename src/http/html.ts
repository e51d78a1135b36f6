import escapeHtml from 'escape-html';

/**
 * The HTML document around every page the app serves; `title` is text (escaped here), `head` and
 * `body` are HTML.
 */
export function htmlDocument(parts: {
  title: string;
  style: string;
  head?: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)} · pipedrive-xero</title>
<style>${parts.style}</style>${parts.head ?? ''}
</head><body>${parts.body}</body></html>`;
}

/** The frame of the app's few small pages (OAuth results, the organisation picker, replay). */
export function page(title: string, body: string): string {
  return htmlDocument({
    title,
    style: `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
fieldset{border:1px solid #ccc;border-radius:6px}label{display:block;margin:.4rem 0}button{font:inherit;padding:.4rem 1rem}`,
    body: `<main><h1>${escapeHtml(title)}</h1>\n${body}\n</main>`,
  });
}
