import type { ZodError } from 'zod';

/**
 * A zod failure as the app names problems everywhere: one "path: message" each. `whole` names
 * the input itself for a problem about all of it (e.g. "body"); without it such a message stands
 * alone.
 */
export function zodProblems(error: ZodError, whole?: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || whole;
    return path === undefined ? issue.message : `${path}: ${issue.message}`;
  });
}
