/**
 * The look of the sandbox's own web pages (consent, documents, contacts): a plain stand-in for
 * Xero's web app — not a copy of it — readable in the browser's light and dark schemes
 * (`prefers-color-scheme`), with AA text contrast.
 */
export const XERO_WEB_CSS = `
:root{color-scheme:light dark;--bg:#f4f6f8;--card:#fff;--text:#1e2a36;--muted:#55606b;--line:#d5dbe1;--accent:#0b5fa5;--head:#13b5ea;--head-text:#04222e;
--ok-bg:#e1f4e8;--ok:#0b5d2b;--grey-bg:#eceef1;--grey:#474c57;--info-bg:#e4eefd;--info:#174ea6;--bad-bg:#fde6e6;--bad:#9c1418}
@media (prefers-color-scheme:dark){:root{--bg:#15191e;--card:#1f252c;--text:#e5e9ee;--muted:#a7b0ba;--line:#38414b;--accent:#8cc4ff;--head:#0a5a78;--head-text:#ffffff;
--ok-bg:#173d27;--ok:#93e3b2;--grey-bg:#33363d;--grey:#cfd2d8;--info-bg:#1c3253;--info:#b0ccff;--bad-bg:#4a1d20;--bad:#ffb8b8}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,sans-serif}
a{color:var(--accent)}header.xero{background:var(--head);color:var(--head-text);padding:.6rem 1rem;font-weight:700}
header.xero span{font-weight:400}
main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
.sheet{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.25rem 0 .4rem}
.muted{color:var(--muted)}
.top{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dt{color:var(--muted)}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-top:.75rem}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85em;color:var(--muted)}.num{text-align:right;font-variant-numeric:tabular-nums}
.totals{width:auto;margin-left:auto}.totals td,.totals th{border:0;padding:.2rem .5rem}.totals tr.grand th,.totals tr.grand td{font-weight:700;border-top:2px solid var(--text)}
.status{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-weight:600;font-size:.85em;background:var(--grey-bg);color:var(--grey)}
.status.PAID{background:var(--ok-bg);color:var(--ok)}.status.AUTHORISED,.status.SENT,.status.ACCEPTED{background:var(--info-bg);color:var(--info)}
.status.VOIDED,.status.DELETED,.status.DECLINED{background:var(--bad-bg);color:var(--bad)}
label{display:block;margin:.3rem 0}button{font:inherit;font-weight:600;padding:.4rem 1rem;border-radius:6px;border:1px solid var(--line);background:var(--card);color:var(--text);cursor:pointer}
button.primary{background:#0b6bb8;border-color:#0b6bb8;color:#fff}
`;
