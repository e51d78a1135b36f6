import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { startChildApp } from '../support/child-app.js';

/** What a self-hoster meets first when the machine is not ready: one line with the fix, an exit code. */
describe('pipedrive-xero on an unready machine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdx-fail-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(env: Record<string, string>, ...args: string[]) {
    const child = startChildApp(args, {
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...env,
    });
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
    return { code, output: child.output() };
  }

  it('a port in use: exit 3 and one line naming it and the fix', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const served = await cli(
        { PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'a.db')}` },
        'serve',
      );
      assert.equal(served.code, 3, served.output);
      const lines = served.output.trim().split('\n');
      assert.equal(lines.length, 1, served.output);
      assert.match(
        lines[0]!,
        new RegExp(
          `cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use \\(EADDRINUSE\\) — fix: .*set PORT`,
        ),
      );
    } finally {
      holder.close();
    }
  });

  it('an unreachable PostgreSQL: exit 3, the cause kept, what to check', async () => {
    const migrated = await cli(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' },
      'migrate',
    );
    assert.equal(migrated.code, 3, migrated.output);
    assert.match(
      migrated.output,
      /^store_unavailable: The database is unavailable: .*ECONNREFUSED.* — fix: check DATABASE_URL/,
    );
    assert.doesNotMatch(migrated.output, /unknown|\n\s+at /);
  });

  it('an invalid configuration: exit 2, every problem listed', async () => {
    const started = await cli({ PORT: 'eighty', XERO_CLIENT_ID: 'x' }, 'serve');
    assert.equal(started.code, 2, started.output);
    assert.match(started.output, /PORT: /);
    assert.match(started.output, /XERO_CLIENT_SECRET: required/);
  });
});
