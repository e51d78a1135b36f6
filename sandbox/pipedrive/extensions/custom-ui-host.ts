/**
 * A stand-in for Pipedrive's page around a custom UI iframe (docs/vendors/pipedrive.md §7.4, §9 item 19). It
 * answers the app-extensions SDK's postMessage commands — `{payload:{command,args,type:"command"},
 * id}` with a MessageChannel port, replied to with `{data}` or `{error}` — and keeps what happened
 * in `window.sandboxHost` for browser tests. Kept deliberately small: a fake, not a Pipedrive UI.
 */
export interface CustomUiHostPage {
  /** The iframe src (already carrying id, token, …). */
  iframeUrl: string;
  /** The runtime id the SDK echoes; messages with another id are ignored. */
  id: string;
  /** Same-origin control route returning `{token}` (a fresh 5-min JWT) for get_signed_token. */
  tokenUrl: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function renderCustomUiHost(page: CustomUiHostPage): string {
  const config = JSON.stringify({ id: page.id, tokenUrl: page.tokenUrl }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Custom UI host (Pipedrive sandbox)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1rem; }
  iframe { width: 100%; height: 300px; border: 1px solid #ccc; }
  #snackbar { margin-top: .5rem; min-height: 1.5rem; }
</style>
</head>
<body>
<p id="status">Waiting for the extension to initialise (10 s)…</p>
<iframe id="extension" src="${escapeAttribute(page.iframeUrl)}" title="App extension"></iframe>
<div id="snackbar" role="status"></div>
<script id="host-config" type="application/json">${config}</script>
<script>
const config = JSON.parse(document.getElementById('host-config').textContent);
const frame = document.getElementById('extension');
const host = (window.sandboxHost = { initialized: false, commands: [], snackbars: [], height: null, width: null });

function resize(size) {
  // Panel height is bounded to 100–750 px (§7.4); out-of-range requests are clamped.
  if (typeof size.height === 'number') {
    host.height = Math.min(750, Math.max(100, size.height));
    frame.style.height = host.height + 'px';
  }
  if (typeof size.width === 'number') {
    host.width = size.width;
    frame.style.width = size.width + 'px';
  }
}

async function handle(command, args) {
  if (command !== 'initialize' && !host.initialized) throw new Error('SDK is not initialized');
  switch (command) {
    case 'initialize':
      host.initialized = true;
      document.getElementById('status').textContent = 'Extension initialised';
      if (args && args.size) resize(args.size);
      return undefined;
    case 'get_signed_token': {
      const response = await fetch(config.tokenUrl);
      if (!response.ok) throw new Error('token request failed: HTTP ' + response.status);
      return { token: (await response.json()).token };
    }
    case 'show_snackbar':
      host.snackbars.push(args);
      document.getElementById('snackbar').textContent = args.message;
      return undefined;
    case 'show_confirmation':
      return { confirmed: true };
    case 'resize':
      resize(args || {});
      return undefined;
    case 'open_modal':
      return { status: 'closed' };
    case 'close_modal':
    case 'redirect_to':
      return undefined;
    default:
      throw new Error('command not supported by the sandbox host: ' + command);
  }
}

window.addEventListener('message', async (event) => {
  const message = event.data || {};
  if (event.source !== frame.contentWindow || message.id !== config.id || !message.payload) return;
  if (message.payload.type !== 'command') return;
  const port = event.ports[0];
  host.commands.push({ command: message.payload.command, args: message.payload.args });
  try {
    const data = await handle(message.payload.command, message.payload.args);
    if (port) port.postMessage({ data });
  } catch (error) {
    if (port) port.postMessage({ error: String((error && error.message) || error) });
  }
});

// The iframe must initialise the SDK within 10 s or Pipedrive does not show it (§7.4).
setTimeout(() => {
  if (host.initialized) return;
  frame.hidden = true;
  document.getElementById('status').textContent = 'The extension did not initialise within 10 s';
}, 10000);
</script>
</body>
</html>
`;
}
