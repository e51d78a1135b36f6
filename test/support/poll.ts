/**
 * Calls `read` every `everyMs` (50 by default) until it gives something other than undefined, and
 * returns that; throws once `timeoutMs` (10 s by default) have passed, naming `what` it waited for.
 */
export async function pollFor<T>(
  read: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; everyMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'it'}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 50));
  }
}
