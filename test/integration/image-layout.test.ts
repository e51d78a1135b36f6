import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { startChildApp } from '../support/child-app.js';

/**
 * The Docker image without Docker (no daemon is needed to check what matters): the files the
 * Dockerfile's last stage copies from the build stage are laid out as it copies them, over a build
 * of dist/ made as the build stage makes it, and the CLI is run from there. Once, the image copied
 * bin/ without the scripts/dist-state.js it imports, and every container would have crashed.
 * Also: compiled code imports only Node's modules and the runtime dependencies `npm prune
 * --omit=dev` keeps.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

/** `COPY --from=build /app/<from> <to>` lines of the Dockerfile's last stage. */
function runtimeCopies(dockerfile: string): { from: string; to: string }[] {
  const stages = dockerfile.split(/^FROM /m);
  const last = stages[stages.length - 1] ?? '';
  return [...last.matchAll(/^COPY --from=build \/app\/(\S+) (\S+)$/gm)].map((match) => ({
    from: match[1]!,
    // Docker: a destination ending in "/" is a folder the source goes into.
    to: match[2]!.endsWith('/') ? join(match[2]!, basename(match[1]!)) : match[2]!,
  }));
}

/** The arguments after `bin/pipedrive-xero.js` of the Dockerfile's `CMD` (exec form). */
function imageCommand(dockerfile: string): string[] {
  const match = /^CMD (\[.*\])$/m.exec(dockerfile);
  assert.ok(match, 'the Dockerfile has a CMD in exec form');
  const cmd = JSON.parse(match[1]!) as string[];
  assert.deepEqual(cmd.slice(0, 2), ['node', 'bin/pipedrive-xero.js']);
  return cmd.slice(2);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the Docker image, laid out without Docker', { timeout: 180_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'pdx-image-'));
  const built = join(work, 'build');
  const image = join(work, 'app');
  const data = join(work, 'data');
  after(() => rmSync(work, { recursive: true, force: true }));

  before(async () => {
    // The build stage's `npm run build`, into a folder of its own so the clone's dist/ is untouched.
    await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        join(built, 'dist'),
      ],
      { cwd: ROOT },
    );
    mkdirSync(image);
    mkdirSync(data);
    for (const { from, to } of runtimeCopies(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))) {
      const target = join(image, to);
      mkdirSync(dirname(target), { recursive: true });
      if (from === 'node_modules') symlinkSync(join(ROOT, 'node_modules'), target);
      else
        cpSync(from === 'dist' ? join(built, 'dist') : join(ROOT, from), target, {
          recursive: true,
        });
    }
  });

  it('copies what the CLI needs and runs compiled JavaScript', async () => {
    const { stdout } = await run(process.execPath, ['bin/pipedrive-xero.js', '--version'], {
      cwd: image,
    });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(stdout.trim(), version);
    assert.deepEqual(
      readdirSync(image).filter((name) => name === 'src' || name === 'sandbox'),
      [],
      'no TypeScript sources in the image: had they been there, bin/ could have chosen them',
    );
  });

  it('serves, takes jobs, is ready, and stops on SIGTERM with exit 0, as the image runs it', async () => {
    // The image's own command on its SQLite volume: it once was `serve`, which queued every run
    // of a one-container install and never took one.
    const command = imageCommand(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    const child = startChildApp(
      command,
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: data,
        DATABASE_URL: `sqlite:${join(data, 'pipedrive-xero.db')}`,
        LOG_FORMAT: 'json',
        // Credentials, as a real install has: without them `start` would run the sandbox.
        ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        PIPEDRIVE_CLIENT_ID: 'id',
        PIPEDRIVE_CLIENT_SECRET: 'secret',
        XERO_CLIENT_ID: 'id',
        XERO_CLIENT_SECRET: 'secret',
      },
      image,
    );
    try {
      const listening = await child.waitFor((line) => line.json?.msg === 'http: listening');
      const address = String(listening.json.address);
      await child.waitFor((line) => line.json?.msg === 'worker: taking jobs');
      const ready = await fetch(`${address}/health/ready`);
      const body = await ready.text();
      assert.equal(ready.status, 200, body);
      assert.match(body, /"name":"queue","ok":true,"detail":"taking jobs"/);
      assert.equal((await fetch(`${address}/`)).status, 200);
    } catch (error) {
      await child.stop();
      throw error;
    }
    child.process.kill('SIGTERM');
    const code = await new Promise((resolve) => child.process.once('exit', resolve));
    assert.equal(code, 0, child.output());
  });

  it('imports nothing at run time that `npm prune --omit=dev` removes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const missing = new Set<string>();
    let packages = 0;
    for (const file of jsFiles(join(built, 'dist'))) {
      const source = readFileSync(file, 'utf8');
      const specifiers = [
        ...source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm),
        ...source.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
        ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((match) => match[1]!);
      for (const found of specifiers) {
        if (found.startsWith('.')) continue;
        const specifier = found.replace(/^node:/, '');
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0]!;
        packages += 1;
        if (!allowed.has(name)) missing.add(`${name} (${file.slice(built.length + 1)})`);
      }
    }
    assert.ok(packages > 100, `only ${packages} package imports found: is the pattern right?`);
    assert.deepEqual([...missing], []);
  });
});
