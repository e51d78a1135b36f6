import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';

// `pipedrive-xero sandbox` as a user runs it: a real process, real ports, real HTTP.
describe('pipedrive-xero sandbox', () => {
  it('starts both servers with the demo data, prints their URLs and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['bin/pipedrive-xero.js', 'sandbox', '--pipedrive-port', '0', '--xero-port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    try {
      while (!/Ctrl-C stops/.test(output)) {
        const [exited] = await Promise.race([
          once(child.stdout, 'data').then(() => [false]),
          once(child, 'exit').then(() => [true]),
        ]);
        assert.equal(exited, false, `the command exited early: ${errors}`);
      }
      const pipedriveUrl = /Pipedrive sandbox: (\S+)/.exec(output)?.[1];
      const xeroUrl = /Xero sandbox:\s+(\S+)/.exec(output)?.[1];
      assert.ok(pipedriveUrl && xeroUrl, output);

      const stages = await fetch(`${pipedriveUrl}/api/v2/stages`);
      assert.equal(stages.status, 401, 'the Pipedrive API wants a token');
      const organisations = await fetch(`${xeroUrl}/connections`);
      assert.equal(organisations.status, 401, 'the Xero connections endpoint wants a token');
      const clock = (await (await fetch(`${xeroUrl}/__sandbox/clock`)).json()) as { rate: number };
      assert.equal(clock.rate, 1);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('refuses an unknown seed with a clear message', async () => {
    const child = spawn(process.execPath, ['bin/pipedrive-xero.js', 'sandbox', '--seed', 'big'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, 'exit');
    assert.notEqual(code, 0);
    assert.match(errors, /Allowed choices are demo, empty/);
  });
});
