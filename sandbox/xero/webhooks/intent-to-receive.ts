import type { OutboundResult } from '../../common/http-delivery.js';
import { randomEntropy, signBody } from './payload.js';

/**
 * Intent to Receive (docs/vendors/xero.md §14): before a subscription is trusted, Xero posts a series of empty
 * payloads, some correctly and some incorrectly signed. The receiver passes only if it answers
 * 200 to every good one and 401 to every bad one, each within 5 s. The mix below is fixed so a
 * receiver cannot pass by alternating or by always saying the same thing.
 */
export const INTENT_TO_RECEIVE_PATTERN: readonly boolean[] = [
  true,
  false,
  false,
  true,
  false,
  true,
];

export interface IntentToReceiveCheck {
  correctlySigned: boolean;
  expected: 200 | 401;
  status: number | null;
  error?: string;
  durationMs: number;
  passed: boolean;
}

export interface IntentToReceiveResult {
  clientId: string;
  url: string;
  status: 'OK' | 'failed';
  checks: IntentToReceiveCheck[];
  /** Why it failed, one line per failing check. */
  reasons: string[];
  /** Not fatal: Xero asks for an empty body, but the sandbox does not fail a receiver for one. */
  warnings: string[];
}

/** One signed ITR request: the body and the `x-xero-signature` to send with it. */
export function intentToReceiveRequest(
  webhookKey: string,
  correctlySigned: boolean,
): { body: string; signature: string } {
  const body = JSON.stringify({
    events: [],
    firstEventSequence: 0,
    lastEventSequence: 0,
    entropy: randomEntropy(),
  });
  // A wrong signature is still a well-formed one: an HMAC under some other key.
  const key = correctlySigned ? webhookKey : `${webhookKey}-${randomEntropy()}`;
  return { body, signature: signBody(key, body) };
}

export function judgeIntentToReceive(
  target: { clientId: string; url: string },
  answers: Array<{ correctlySigned: boolean; result: OutboundResult }>,
): IntentToReceiveResult {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const checks = answers.map(({ correctlySigned, result }, index): IntentToReceiveCheck => {
    const expected = correctlySigned ? 200 : 401;
    const passed = result.status === expected;
    const which = `request ${index + 1} (${correctlySigned ? 'correctly' : 'incorrectly'} signed)`;
    if (!passed) {
      const got =
        result.status === null
          ? result.error === 'timeout'
            ? 'no response within 5 s'
            : `no response (${result.error})`
          : `HTTP ${result.status}`;
      reasons.push(`${which}: expected HTTP ${expected}, got ${got}`);
    }
    if (result.status === 200 && result.body.length > 0) {
      warnings.push(`${which}: answered 200 with a body; Xero expects an empty body`);
    }
    return {
      correctlySigned,
      expected,
      status: result.status,
      ...(result.error !== undefined && { error: result.error }),
      durationMs: result.durationMs,
      passed,
    };
  });
  return { ...target, status: reasons.length === 0 ? 'OK' : 'failed', checks, reasons, warnings };
}
