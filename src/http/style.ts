/**
 * The one stylesheet of every page the app serves (served as /ui/static/ui.css): a small look that
 * sits inside Pipedrive's iframe — system font at 14px, quiet borders, green primary buttons, status
 * badges, cards — in Pipedrive's light and dark themes. The theme is `data-theme` on <html>, set from
 * the `theme` query parameter Pipedrive adds to custom-UI iframes (docs/vendors/pipedrive.md §7.4;
 * the SDK README: "`sdk.userSettings.theme` can be used to set `data-theme` attribute to `html` tag");
 * a page opened outside Pipedrive follows the browser's `prefers-color-scheme`. Colours are chosen
 * for WCAG AA contrast (4.5:1 for text) in both themes, which the browser tests' axe check verifies.
 */
const LIGHT = `
  color-scheme: light;
  --bg: #f5f6f7; --surface: #ffffff; --text: #21232c; --muted: #5a5f6b; --border: #d9dce1;
  --focus: #2164d1; --link: #1a5fc7; --primary: #017737; --primary-text: #ffffff; --primary-hover: #015c2b;
  --danger: #b3161b; --danger-text: #ffffff; --field: #ffffff; --row-alt: #fafbfc;
  --ok-bg: #e1f4e8; --ok: #0b5d2b; --warn-bg: #fff1d1; --warn: #6f4600; --bad-bg: #fde6e6; --bad: #9c1418;
  --info-bg: #e4eefd; --info: #174ea6; --grey-bg: #eceef1; --grey: #474c57;`;
const DARK = `
  color-scheme: dark;
  --bg: #17181c; --surface: #212328; --text: #e6e8ec; --muted: #a9aeb8; --border: #3b3e46;
  --focus: #7fb0ff; --link: #8cb8ff; --primary: #3fc27e; --primary-text: #0c1a12; --primary-hover: #5ad293;
  --danger: #ff8a8e; --danger-text: #1c0a0b; --field: #2a2c32; --row-alt: #1c1e22;
  --ok-bg: #173d27; --ok: #93e3b2; --warn-bg: #463714; --warn: #ffd98a; --bad-bg: #4a1d20; --bad: #ffb8b8;
  --info-bg: #1c3253; --info: #b0ccff; --grey-bg: #33363d; --grey: #cfd2d8;`;

export const UI_CSS = `
:root{${LIGHT}}
@media (prefers-color-scheme: dark){:root:not([data-theme=light]){${DARK}}}
:root[data-theme=dark]{${DARK}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}h2{font-size:1.15rem;margin:0 0 .5rem}h3{font-size:1rem;margin:1rem 0 .4rem}
p{margin:.4rem 0}small,.muted{color:var(--muted)}code{font-size:.9em}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;z-index:10;background:var(--surface);padding:.3rem .6rem}
.topbar{display:flex;align-items:center;gap:1rem;padding:.6rem 1rem;background:var(--surface);border-bottom:1px solid var(--border)}
.topbar .brand{font-weight:600}
.topbar nav{display:flex;gap:.25rem}
.topbar nav a{padding:.3rem .7rem;border-radius:6px;text-decoration:none;color:var(--text)}
.topbar nav a[aria-current=page]{background:var(--grey-bg);font-weight:600}
.page{max-width:72rem;margin:0 auto;padding:1rem}
.narrow{max-width:40rem;margin:2rem auto;padding:0 1rem}
.card{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
.card>h2:first-child{margin-top:0}
fieldset{border:0;margin:0;padding:0;min-width:0}fieldset>label{display:block;margin:.35rem 0}legend{font-weight:600;padding:0;margin-bottom:.25rem}
.field{margin:.9rem 0}
.field>label,.label{display:block;font-weight:600;margin-bottom:.2rem}
.help{display:block;color:var(--muted);font-size:.9em;margin-top:.2rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
input:not([type=checkbox]):not([type=radio]):not([type=hidden]),select,textarea{font:inherit;color:var(--text);background:var(--field);border:1px solid var(--border);border-radius:6px;padding:.35rem .5rem;max-width:100%}
input[type=checkbox],input[type=radio]{accent-color:var(--primary)}
select{min-width:12rem}textarea{width:100%}
[aria-invalid=true]{border-color:var(--danger)!important}
button,.button{font:inherit;font-weight:600;display:inline-flex;align-items:center;gap:.3rem;cursor:pointer;border-radius:6px;padding:.4rem .9rem;border:1px solid var(--border);background:var(--surface);color:var(--text);text-decoration:none}
button:hover,.button:hover{border-color:var(--muted)}
.primary{background:var(--primary);border-color:var(--primary);color:var(--primary-text)}
.primary:hover{background:var(--primary-hover);border-color:var(--primary-hover)}
.danger{color:var(--danger);border-color:var(--danger)}
dialog .danger.confirm{background:var(--danger);color:var(--danger-text)}
.inline{display:inline}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;border-bottom:1px solid var(--border);padding:.45rem .5rem;vertical-align:top}
th{font-size:.85em;color:var(--muted);font-weight:600}
tbody tr:nth-child(even){background:var(--row-alt)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.85em;font-weight:600;white-space:nowrap;background:var(--grey-bg);color:var(--grey)}
.badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.warn{background:var(--warn-bg);color:var(--warn)}
.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.info{background:var(--info-bg);color:var(--info)}
.notice{border-radius:8px;padding:.6rem 1rem;margin:0 0 1rem;background:var(--ok-bg);color:var(--ok)}
.notice.warning{background:var(--warn-bg);color:var(--warn)}.notice.error{background:var(--bad-bg);color:var(--bad)}
.notice ul{margin:.3rem 0;padding-left:1.2rem}
.errors{color:var(--danger);margin:.25rem 0;padding-left:0;list-style:none;font-size:.92em}
.errors li::before{content:"⚠ "}
pre{white-space:pre-wrap;word-break:break-word;font-size:12px;max-height:14rem;overflow:auto;margin:.3rem 0;background:var(--bg);padding:.5rem;border-radius:6px}
details>summary{cursor:pointer;color:var(--link)}
dialog{border:1px solid var(--border);border-radius:10px;background:var(--surface);color:var(--text);padding:1.25rem;max-width:min(36rem,92vw)}
dialog::backdrop{background:rgb(0 0 0 / .45)}
dialog .actions{display:flex;justify-content:flex-end;gap:.5rem;margin-top:1rem}
.summary{border-left:4px solid var(--primary)}
.summary ul{margin:.3rem 0;padding-left:1.2rem}
.layout{display:grid;grid-template-columns:12rem minmax(0,1fr);gap:1.25rem;align-items:start}
.sections{position:sticky;top:.75rem;display:flex;flex-direction:column;gap:.1rem}
.sections a{padding:.35rem .7rem;border-radius:6px;text-decoration:none;color:var(--text)}
.sections a:hover{background:var(--grey-bg)}
section[id]{scroll-margin-top:3.5rem}
.save-bar{position:sticky;bottom:0;background:var(--surface);border-top:1px solid var(--border);padding:.6rem 1.25rem;margin:0 -1.25rem -1rem;border-radius:0 0 8px 8px;display:flex;gap:1rem;align-items:center}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end}
.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9em}
.filters select,.filters input{min-width:0}
.pager{display:flex;gap:.5rem;align-items:center;justify-content:space-between;margin-top:.75rem}
.invoice-doc dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
.invoice-doc dt{color:var(--muted)}.invoice-doc dd{margin:0}
.totals{width:auto;margin:.5rem 0 0 auto}.totals th,.totals td{border:0;padding:.2rem .5rem}.totals tbody tr{background:none}
.totals tr:last-child th,.totals tr:last-child td{font-weight:700;color:var(--text);border-top:2px solid var(--text)}
@media (max-width:900px){
  .layout{display:block}
  .sections{flex-direction:row;overflow-x:auto;top:0;z-index:5;background:var(--bg);padding:.4rem 0;margin-bottom:.5rem;border-bottom:1px solid var(--border)}
  .sections a{white-space:nowrap}
  select{min-width:0}
}
`;

/**
 * Runs in <head> before the body is drawn (so there is no flash of the wrong theme): the theme
 * from `?theme=` (Pipedrive's iframe URL), remembered for this tab so pages reached by a link keep
 * it; ui.js follows later changes through the SDK's `user_settings_change` event.
 */
export const THEME_JS = `(() => {
  let theme = new URLSearchParams(location.search).get('theme');
  try {
    if (theme === 'dark' || theme === 'light') sessionStorage.setItem('pdx-theme', theme);
    else theme = sessionStorage.getItem('pdx-theme');
  } catch {}
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
})();
`;
