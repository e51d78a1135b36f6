import { AppError } from '../errors.js';

/**
 * A code exchange the vendor's token endpoint refused with a 4xx (`invalid_grant`: used already,
 * expired, or for another redirect URI or app; RFC 6749 §5.2) is the caller's bad code, answered
 * 400 `oauth_code_invalid`; anything else (the vendor down, a network failure) stays what it was.
 */
export function vendorRefusedCode(error: unknown, vendor: 'Pipedrive' | 'Xero'): unknown {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(
      'oauth_code_invalid',
      `${vendor} refused this sign-in code (it was used already or has expired); start again`,
      { cause: error },
    );
  }
  return error;
}
