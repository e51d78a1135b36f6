import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { extrasOf, jsonLine, takeoverProblems } from '../../scripts/campaign/report.js';
import { type CampaignResult, runCampaign } from '../../scripts/campaign/run.js';

/**
 * The fault campaign in its reduced form (docs/campaign.md): ~30 deals per mode over four
 * Pipedrive companies and three Xero organisations, with every kind of fault at least once — kill -9
 * of each app process, terminated database connections (PostgreSQL), Xero 5xx, 429, a held call
 * and a lost answer after commit, Pipedrive 503s on notes, webhooks delivered three times and out of
 * order, a banned webhook, expired tokens — then the oracle's figures. Both modes run side by side
 * to keep the file within a few minutes; PostgreSQL joins when TEST_DATABASE_URL is set.
 */
const modes: ('sqlite' | 'postgres')[] = process.env['TEST_DATABASE_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];
/** More environment for the app's processes (the campaign already sets a 20 s catch-up interval). */
const APP_ENV: Record<string, string> = {};

describe('fault campaign (reduced)', { timeout: 600_000 }, () => {
  const results = new Map<string, CampaignResult>();
  before(
    async () => {
      const runs = await Promise.all(
        modes.map((mode) =>
          runCampaign({
            mode,
            deals: 32,
            seed: 8,
            adminDatabaseUrl: process.env['TEST_DATABASE_URL'] ?? '',
            fireSeconds: 40,
            settleSeconds: 90,
            quietSeconds: 30,
            appEnv: APP_ENV,
          }),
        ),
      );
      for (const result of runs) {
        results.set(result.mode, result);
        console.log(jsonLine(result.verdict.figures, extrasOf(result)));
      }
    },
    { timeout: 600_000 },
  );

  for (const mode of modes) {
    describe(mode, () => {
      const result = () => results.get(mode)!;
      const figures = () => result().verdict.figures;
      const breakdown = () => result().verdict.breakdown;
      const explain = (figure: string) =>
        `${figure}: ${JSON.stringify(result().verdict.examples[figure] ?? [])}`;

      it('fires every deal and every kind of fault', () => {
        assert.ok(figures().deals >= 30, `${figures().deals} deals fired`);
        const hits = result().faultHits;
        for (const kind of [
          'xero drop-response',
          'xero 503',
          'xero 500',
          'xero 429',
          'xero timeout',
          'pipedrive 503 (notes)',
        ])
          assert.ok((hits[kind] ?? 0) > 0, `${kind} struck (${JSON.stringify(hits)})`);
        const disruptions = result().disruptions;
        assert.ok(disruptions.kills >= (mode === 'sqlite' ? 1 : 3), `${disruptions.kills} kills`);
        if (mode === 'postgres') assert.ok(disruptions.connectionsTerminated > 0);
        assert.ok(disruptions.xeroTokenExpiries > 0 && disruptions.pipedriveTokenExpiries > 0);
        assert.notEqual(disruptions.banSeconds, null, 'the ban episode got the webhook banned');
        assert.ok(result().bannedWebhooks > 0);
      });

      it('makes at most one document per trigger', () => {
        assert.equal(figures().duplicates, 0, explain('duplicates'));
      });

      it('puts every document on the deal’s own customer', () => {
        assert.equal(figures().wrong_customer, 0, explain('wrong_customer'));
      });

      it('loses no trigger, even past a banned webhook', () => {
        assert.equal(figures().lost_documents, 0, explain('lost_documents'));
      });

      it('stops no valid deal of a plain customer (creation races)', () => {
        assert.equal(breakdown().stopped_valid, 0, explain('stopped_valid'));
      });

      it('leaves one note per outcome, none lost, none twice', () => {
        assert.equal(figures().lost_notes, 0, explain('lost_notes'));
        assert.equal(breakdown().duplicate_notes, 0, explain('duplicate_notes'));
      });

      it('counts usage once per document', () => {
        assert.equal(figures().usage_count, figures().documents);
      });

      it('leaves no run unfinished', () => {
        assert.equal(figures().stalled, 0, explain('stalled'));
        assert.equal(breakdown().pending_jobs, 0);
      });

      it('has no process die on its own', () => {
        assert.equal(figures().crashes, 0, JSON.stringify(result().crashes));
      });

      it('gets every disrupted process working again', () => {
        assert.equal(breakdown().unrecovered, 0);
      });

      it('frees a dead worker’s jobs within the lease', () => {
        assert.deepEqual(takeoverProblems(result()), [], JSON.stringify(result().orphans));
      });
    });
  }
});
