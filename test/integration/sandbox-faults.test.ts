import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  createSandboxCore,
  listenSandbox,
  type RunningSandbox,
} from '../../sandbox/common/server.js';

// A bare sandbox core with one vendor-like route, to test fault injection on its own.
describe('fault injection', () => {
  let running: RunningSandbox;
  let commits = 0;
  const core = createSandboxCore({
    reset: () => {
      commits = 0;
    },
    respondToFault: (reply, status) => reply.code(status).send({ injected: status }),
  });
  core.app.post('/things', async () => {
    commits += 1;
    return { commits };
  });

  before(async () => {
    running = await listenSandbox(core);
  });
  after(() => running.close());

  async function addFault(rule: Record<string, unknown>) {
    const response = await fetch(`${running.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    assert.equal(response.status, 201);
  }

  it('answers the next N matching calls with the injected status, without processing them', async () => {
    const start = commits;
    await addFault({ kind: '503', method: 'POST', path: '/things', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(`${running.url}/things`, { method: 'POST' })).status);
    }
    assert.deepEqual(statuses, [503, 503, 200]);
    assert.equal(commits, start + 1);
  });

  it('commits but drops the response', async () => {
    const start = commits;
    await addFault({ kind: 'drop-response', path: '/things' });
    await assert.rejects(fetch(`${running.url}/things`, { method: 'POST' }));
    assert.equal(commits, start + 1, 'the request was processed');
    const log = (await (await fetch(`${running.url}/__sandbox/requests?path=/things`)).json()) as {
      requests: unknown[];
    };
    assert.ok(log.requests.length >= 1);
  });

  it('holds a timed-out call without processing it', async () => {
    const start = commits;
    await addFault({ kind: 'timeout', path: '/things', holdMs: 200 });
    await assert.rejects(
      fetch(`${running.url}/things`, { method: 'POST', signal: AbortSignal.timeout(100) }),
    );
    assert.equal(commits, start);
  });

  it('only matches the given method and path', async () => {
    await addFault({ kind: '500', method: 'GET', path: '/things' });
    assert.equal((await fetch(`${running.url}/things`, { method: 'POST' })).status, 200);
    const faults = (await (await fetch(`${running.url}/__sandbox/faults`)).json()) as {
      faults: unknown[];
    };
    assert.equal(faults.faults.length, 1, 'the GET fault is still armed');
  });

  it('strikes a share of the matching calls, the same share again for the same seed', async () => {
    const pattern = async () => {
      await fetch(`${running.url}/__sandbox/faults`, { method: 'DELETE' });
      await addFault({ kind: '503', path: '/things', probability: 0.3, seed: 42, times: 1000 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await fetch(`${running.url}/things`, { method: 'POST' })).status);
      }
      const listed = (await (await fetch(`${running.url}/__sandbox/faults`)).json()) as {
        faults: { hits: number; probability: number }[];
      };
      return { statuses, listed: listed.faults };
    };
    const first = await pattern();
    const struck = first.statuses.filter((status) => status === 503).length;
    assert.ok(struck > 0 && struck < 40, `some calls struck, some not (${struck} of 40)`);
    assert.deepEqual(
      first.listed.map((fault) => [fault.hits, fault.probability]),
      [[struck, 0.3]],
    );
    assert.deepEqual((await pattern()).statuses, first.statuses);
  });

  it('rejects an unknown fault kind with a clear 400', async () => {
    const response = await fetch(`${running.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'explode' }),
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /kind/);
  });
});
