/** The frame of the app's few HTML pages (OAuth results, the organisation picker, replay). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · pipedrive-xero</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
fieldset{border:1px solid #ccc;border-radius:6px}label{display:block;margin:.4rem 0}button{font:inherit;padding:.4rem 1rem}</style>
</head><body><main><h1>${title}</h1>
${body}
</main></body></html>`;
}
