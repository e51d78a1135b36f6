import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createRandom } from '../../scripts/campaign/random.js';
import { planDisruptions } from '../../scripts/campaign/schedule.js';
import { planWorld } from '../../scripts/campaign/world.js';

/** The campaign's plans (docs/campaign.md): the world it seeds and when things go wrong. */
describe('campaign plans', () => {
  it('plans the same world for the same seed, with every trap and every customer dealt with', () => {
    for (const deals of [32, 1000]) {
      const world = planWorld(deals, createRandom(3));
      assert.deepEqual(world, planWorld(deals, createRandom(3)));
      assert.ok(world.deals.length >= deals);
      assert.deepEqual(
        new Set(world.customers.map((customer) => customer.trap)),
        new Set([
          'clean',
          'shared_name',
          'cross_company_name',
          'org_person_name',
          'shared_email',
          'foreign_number',
          'number_owner',
          'archived_number',
          'archived_twin',
          'legit_twin',
        ]),
      );
      const dealt = new Set(world.deals.map((deal) => deal.customer));
      assert.ok(world.customers.every((customer) => dealt.has(customer.key)));
      assert.deepEqual(
        world.shots.flat().sort(),
        world.deals.map((deal) => deal.key).sort(),
        'every deal fired once',
      );
      assert.ok(world.deals.some((deal) => !deal.valid) && world.deals.some((deal) => deal.bounce));
      assert.ok(
        world.shots.some((shot) => shot.length > 1),
        'a burst',
      );
    }
  });

  it('shares names and e-mails only where a trap says so', () => {
    const world = planWorld(1000, createRandom(5));
    const byName = new Map<string, string[]>();
    for (const customer of world.customers)
      byName.set(customer.name, [...(byName.get(customer.name) ?? []), customer.trap]);
    for (const [name, traps] of byName)
      if (traps.length > 1)
        assert.ok(
          traps.every((trap) =>
            ['shared_name', 'cross_company_name', 'org_person_name'].includes(trap),
          ),
          `${name}: ${traps.join(', ')}`,
        );
    const mails = world.customers.map((customer) => customer.email);
    const shared = mails.filter((mail, index) => mails.indexOf(mail) !== index);
    assert.equal(
      shared.length,
      world.customers.filter((c) => c.trap === 'shared_email').length / 2,
    );
  });

  it('takes the HTTP side down only in calm segments, and bans once', () => {
    const events = planDisruptions(
      {
        fireMs: 600_000,
        deals: 1000,
        servingSlot: 'serve',
        workerSlots: ['worker-1', 'worker-2'],
        postgres: true,
        companies: 4,
      },
      createRandom(9),
    );
    const chaosAt = (at: number) => {
      let on = false;
      for (const event of events) if (event.kind === 'chaos' && event.at <= at) on = event.on;
      return on;
    };
    const down = events.filter(
      (event) => (event.kind === 'kill' && event.slot === 'serve') || event.kind === 'ban',
    );
    assert.ok(down.length >= 2);
    assert.ok(down.every((event) => !chaosAt(event.at)));
    assert.equal(events.filter((event) => event.kind === 'ban').length, 1);
    for (const slot of ['serve', 'worker-1', 'worker-2'])
      assert.ok(
        events.some((event) => event.kind === 'kill' && event.slot === slot),
        slot,
      );
    assert.ok(events.some((event) => event.kind === 'terminate-db'));
  });
});
