import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks the Basic auth Pipedrive sends with each webhook (the `http_auth_user/password` given at
 * subscription, docs/vendors/pipedrive.md §5.2; no payload signature is documented). Both sides are hashed
 * first so that the comparison takes the same time whatever the lengths.
 */
export function verifyBasicAuth(
  header: string | undefined,
  expectedUser: string,
  expectedPassword: string,
): boolean {
  return basicAuthCheck(expectedUser, expectedPassword)(header);
}

/**
 * verifyBasicAuth with the expected credentials hashed once, for credentials that check every
 * delivery of a company's webhook.
 */
export function basicAuthCheck(
  expectedUser: string,
  expectedPassword: string,
): (header: string | undefined) => boolean {
  const expected = digest(`${expectedUser}:${expectedPassword}`);
  return (header) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) return false;
    const given = Buffer.from(match[1], 'base64').toString('utf8');
    return timingSafeEqual(digest(given), expected);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
