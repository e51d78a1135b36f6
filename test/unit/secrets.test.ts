import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { createSecretBox } from '../../src/secrets.js';

const key = () => randomBytes(32).toString('base64');

function flipCharAt(text: string, index: number): string {
  const char = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe('createSecretBox (AES-256-GCM)', () => {
  it('round-trips text, including empty and non-ASCII', () => {
    const box = createSecretBox(key());
    for (const plaintext of ['', 'refresh-token-123', 'ünïcødé ✓ 🔑', 'x'.repeat(5000)]) {
      assert.equal(box.open(box.seal(plaintext)), plaintext);
    }
  });

  it('writes the versioned v1:<iv>:<tag>:<ciphertext> format with a fresh IV each time', () => {
    const box = createSecretBox(key());
    const first = box.seal('same secret');
    const second = box.seal('same secret');
    assert.notEqual(first, second);
    const [version, iv, tag, ciphertext] = first.split(':');
    assert.equal(version, 'v1');
    assert.equal(Buffer.from(iv!, 'base64url').length, 12);
    assert.equal(Buffer.from(tag!, 'base64url').length, 16);
    assert.match(ciphertext!, /^[A-Za-z0-9_-]+$/);
    assert.ok(!first.includes('same secret'));
  });

  it('rejects any tampering with the iv, tag or ciphertext', () => {
    const box = createSecretBox(key());
    const sealed = box.seal('access-token-abc');
    const [version, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string];
    const tampered = [
      [version, flipCharAt(iv, 0), tag, ciphertext],
      [version, iv, flipCharAt(tag, 1), ciphertext],
      [version, iv, tag, flipCharAt(ciphertext, 0)],
      [version, iv, tag.slice(0, 8), ciphertext],
      ['v2', iv, tag, ciphertext],
      [version, iv, tag],
    ].map((parts) => parts.join(':'));
    for (const value of [...tampered, 'not sealed', '']) {
      assert.throws(
        () => box.open(value),
        (error: unknown) => error instanceof AppError && error.code === 'secret_unreadable',
        value,
      );
    }
  });

  it('refuses to open with the wrong key', () => {
    const sealed = createSecretBox(key()).seal('secret');
    assert.throws(() => createSecretBox(key()).open(sealed), { code: 'secret_unreadable' });
  });

  it('refuses a key that is not 32 bytes', () => {
    for (const bad of [
      '',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
    ]) {
      assert.throws(() => createSecretBox(bad), { code: 'secret_key_invalid' });
    }
  });
});
