/**
 * POST /__sandbox/reset on a running sandbox (either vendor): back to its seed with every fault,
 * knob and installation cleared, so each test starts from the same state. `body` may name a seed.
 */
export async function resetSandbox(url: string, body: Record<string, unknown> = {}): Promise<void> {
  await fetch(`${url}/__sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
