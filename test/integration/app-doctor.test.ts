import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { type Config, loadConfig } from '../../src/config.js';
import { createSecretBox } from '../../src/secrets.js';
import { catchUp } from '../../src/services/catch-up.js';
import { type DoctorCheck, type DoctorDeps, runDoctor } from '../../src/services/doctor.js';
import { openDatabase } from '../../src/store/db.js';
import { type AppKit, COMPANY, startAppKit } from '../support/app-kit.js';
import { startChildApp } from '../support/child-app.js';
import { freePort } from '../support/free-port.js';

/**
 * `doctor` against a production-mode install whose vendors are the sandboxes at configured hosts:
 * all green, then each check made to fail by breaking the one thing it looks at.
 */
describe('pipedrive-xero doctor', () => {
  let kit: AppKit;
  let config: Config;
  before(async () => {
    kit = await startAppKit({ env: { METRICS_TOKEN: 'metrics-token-for-the-doctor' } });
    config = loadConfig(kit.env);
  });
  after(() => kit.close());

  function deps(overrides: Partial<DoctorDeps> = {}): DoctorDeps {
    return { ...kit.app.deps, config, instanceId: kit.app.deps.instanceId, ...overrides };
  }
  async function check(name: string, overrides: Partial<DoctorDeps> = {}): Promise<DoctorCheck> {
    const found = (await runDoctor(deps(overrides))).find((candidate) => candidate.name === name);
    assert.ok(found, `no check named ${name}`);
    return found;
  }
  function failsWithFix(found: DoctorCheck, detail: RegExp): void {
    assert.equal(found.status, 'fail', JSON.stringify(found));
    assert.match(found.detail, detail);
    assert.ok(found.fix !== undefined && found.fix.length > 10, 'a failure says the fix');
  }

  it('is all green on a complete installation, and exits 0', async () => {
    const checks = await runDoctor(deps());
    assert.deepEqual(
      checks.filter((found) => found.status !== 'ok'),
      [],
    );
    assert.deepEqual(
      checks.map((found) => found.name),
      [
        'configuration',
        'database',
        'migrations',
        'encryption key',
        'public URL',
        'Pipedrive OAuth host',
        'Xero login host',
        'Xero identity host',
        'Xero API host',
        'Xero Accounting API',
        `company ${COMPANY} Pipedrive token`,
        `company ${COMPANY} webhook`,
        `company ${COMPANY} Xero token`,
        'clock',
      ],
    );
    const child = startChildApp(['doctor'], kit.env);
    const code = await new Promise((resolve) => child.process.once('exit', resolve));
    assert.equal(code, 0, child.output());
    assert.match(
      child.output(),
      /^ok {4}public URL +http:\/\/127\.0\.0\.1:\d+ reaches this installation$/m,
    );
    assert.match(child.output(), /All checks passed\./);
  });

  it('configuration: PUBLIC_URL or the Xero webhook key missing', async () => {
    const { PUBLIC_URL: _unset, ...env } = kit.env;
    failsWithFix(
      await check('configuration', { config: loadConfig({ ...env, XERO_WEBHOOK_KEY: '' }) }),
      /PUBLIC_URL is not set; XERO_WEBHOOK_KEY is not set/,
    );
  });

  it('database: unreachable', async () => {
    const gone = openDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/nothing`);
    try {
      failsWithFix(await check('database', { db: gone.db }), /unreachable: .*ECONNREFUSED/);
    } finally {
      await gone.close();
    }
  });

  it('migrations: not applied', async () => {
    const fresh = openDatabase(':memory:');
    try {
      failsWithFix(await check('migrations', { db: fresh.db }), /not applied: 0001-initial/);
    } finally {
      await fresh.close();
    }
  });

  it('encryption key: the stored secrets were sealed with another', async () => {
    const box = createSecretBox(randomBytes(32).toString('base64'));
    failsWithFix(
      await check('encryption key', { box }),
      /5 of 5 stored secret\(s\) open with no configured key/,
    );
  });

  it('public URL: unreachable, or another installation', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    failsWithFix(await check('public URL', { publicUrl: () => closed }), /ECONNREFUSED/);
    failsWithFix(
      await check('public URL', { instanceId: 'another-one' }),
      /answers, but it is another installation/,
    );
  });

  it('vendor hosts: a configured host that does not answer', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const broken = {
      ...config,
      xero: { ...config.xero, baseUrls: { ...config.xero.baseUrls, api: closed } },
    };
    failsWithFix(
      await check('Xero API host', { config: broken }),
      /http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
  });

  it('clock: ten minutes off', async () => {
    const ahead = { now: () => new Date(Date.now() + 10 * 60_000) };
    failsWithFix(await check('clock', { clock: ahead }), /^(599|600|601) s ahead of the vendors$/);
  });

  it('webhook: deleted in Pipedrive; catch-up makes it again', async () => {
    const client = await kit.app.connections.pipedriveFor(COMPANY);
    for (const webhook of await client.listWebhooks()) await client.deleteWebhook(webhook.id);
    failsWithFix(await check(`company ${COMPANY} webhook`), /not registered in Pipedrive/);
    await catchUp(kit.app.deps, COMPANY);
    assert.equal((await check(`company ${COMPANY} webhook`)).status, 'ok');
  });

  it('tokens: a Pipedrive grant gone, a Xero grant refused', async () => {
    const db = kit.app.db;
    await db.updateTable('pipedrive_connections').set({ status: 'needs_reauth' }).execute();
    await db.updateTable('xero_connections').set({ status: 'needs_reauth' }).execute();
    try {
      failsWithFix(await check(`company ${COMPANY} Pipedrive token`), /pipedrive_not_connected/);
      failsWithFix(await check(`company ${COMPANY} Xero token`), /refused the stored grant/);
    } finally {
      await db.updateTable('pipedrive_connections').set({ status: 'active' }).execute();
      await db.updateTable('xero_connections').set({ status: 'active' }).execute();
    }
  });
});
