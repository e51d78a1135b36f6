import type { App } from '../../src/app.js';

/**
 * Every route the app serves, as `METHOD /path` (HEAD left out: Fastify adds it to every GET), read
 * from Fastify's own route tree (`printRoutes`), so a new route cannot escape the tests that walk
 * the table (the isolation and fuzzing tests).
 */
export function routeTable(app: App): string[] {
  const tree = app.http.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = `${stack.join('')}${match[2]!}`;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}
