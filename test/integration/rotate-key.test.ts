import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { createSecretBox } from '../../src/secrets.js';
import { listSealedValues, replaceSealedValue } from '../../src/store/repos/sealed-secrets.js';
import { type AppKit, COMPANY, startAppKit } from '../support/app-kit.js';
import { startChildApp } from '../support/child-app.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/each-dialect.js';

/**
 * `rotate-key` on each dialect: an installed and connected company's secrets (webhook password,
 * both vendors' tokens), sealed under the old key, end up under the new one alone.
 */
for (const dialect of testDialects()) {
  describe(`pipedrive-xero rotate-key (${dialect})`, () => {
    let database: TestDatabase;
    let kit: AppKit;
    const newKey = randomBytes(32).toString('base64');
    before(async () => {
      database = await createTestDatabase(dialect);
      kit = await startAppKit({ databaseUrl: database.url, worker: false });
    });
    after(async () => {
      await kit.close();
      await database.drop();
    });

    async function rotate(env: Record<string, string>) {
      const child = startChildApp(['rotate-key'], { ...kit.env, ...env });
      const code = await new Promise((resolve) => child.process.once('exit', resolve));
      return { code, output: child.output() };
    }

    it('refuses without the old key', async () => {
      const refused = await rotate({ ENCRYPTION_KEY: newKey });
      assert.equal(refused.code, 2, refused.output);
      assert.match(
        refused.output,
        /needs the new key as ENCRYPTION_KEY and the old one as ENCRYPTION_KEY_PREVIOUS/,
      );
    });

    it('seals every secret again under the new key, once', async () => {
      const before = await listSealedValues(kit.app.db);
      assert.deepEqual(
        [...new Set(before.map((value) => `${value.table}.${value.column}`))].sort(),
        [
          'companies.webhook_password_enc',
          'pipedrive_connections.access_token_enc',
          'pipedrive_connections.refresh_token_enc',
          'xero_connections.access_token_enc',
          'xero_connections.refresh_token_enc',
        ],
      );
      const oldBox = createSecretBox(kit.encryptionKey);
      const plain = before.map((value) => oldBox.open(value.sealed));

      const rotated = await rotate({
        ENCRYPTION_KEY: newKey,
        ENCRYPTION_KEY_PREVIOUS: kit.encryptionKey,
      });
      assert.equal(rotated.code, 0, rotated.output);
      assert.match(
        rotated.output,
        new RegExp(
          `^${before.length} secret\\(s\\) sealed again under the new key; 0 already were`,
          'm',
        ),
      );

      const newBox = createSecretBox(newKey);
      const after = await listSealedValues(kit.app.db);
      assert.deepEqual(
        after.map((value) => newBox.open(value.sealed)),
        plain,
        'same secrets, new key',
      );
      for (const value of after)
        assert.throws(() => oldBox.open(value.sealed), /could not be decrypted/);

      const again = await rotate({
        ENCRYPTION_KEY: newKey,
        ENCRYPTION_KEY_PREVIOUS: kit.encryptionKey,
      });
      assert.match(
        again.output,
        new RegExp(`0 secret\\(s\\) sealed again under the new key; ${before.length} already were`),
      );
    });

    it('leaves a value the app changed meanwhile as the app wrote it', async () => {
      const [value] = await listSealedValues(kit.app.db);
      assert.ok(value);
      const stale = { ...value, sealed: 'v1:stale:stale:stale' };
      assert.equal(await replaceSealedValue(kit.app.db, stale, 'v1:x:y:z'), false);
      assert.equal((await listSealedValues(kit.app.db))[0]?.sealed, value.sealed);
    });
  });
}
