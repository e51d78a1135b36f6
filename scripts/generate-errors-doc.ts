/**
 * Writes docs/errors.md from the error catalogue (src/errors/catalogue.ts):
 *
 *   npm run docs:errors
 *
 * The page is Prettier-formatted here, so `format:check` accepts it as written;
 * test/unit/errors-catalogue.test.ts fails when the page is not what this script would write.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

import { type Chapter, chapters, type CodeEntry } from '../src/errors/catalogue.js';

export const ERRORS_DOC = fileURLToPath(new URL('../docs/errors.md', import.meta.url));

const INTRO = `# Error and refusal codes

Every code a user or operator can see — in an HTTP answer (\`{"error": {"code", "message", "details"}}\`),
a run's \`reasonCode\`, a deal note, a log line or the CLI — is listed here exactly once.

This page is generated from the error catalogue, \`src/errors/catalogue.ts\`: to add or change a code,
edit the catalogue and run \`npm run docs:errors\`. \`test/unit/errors-catalogue.test.ts\` fails when
this page is not what the catalogue gives.

"Status" is the HTTP status of an answer with that code; "—" means no route answers with it (a route
that meets it anyway answers \`500 internal_error\`). "Retried" says whether the job queue tries again
by itself (\`AppError.retryable\`). A run that stops for a reason that retrying cannot fix waits for a
fix (\`waiting_fix\`): fix the cause, then Replay.`;

export async function renderErrorsDoc(): Promise<string> {
  const markdown = [INTRO, ...chapters.map(renderChapter)].join('\n\n');
  return format(markdown, { ...(await resolveConfig(ERRORS_DOC)), parser: 'markdown' });
}

function renderChapter(chapter: Chapter): string {
  const rows = chapter.groups
    .flatMap((group) => Object.entries(group))
    .map(([code, entry]) => row(`\`${code}\``, status(entry), retried(entry), entry.meaning));
  const table = [row('code', 'status', 'retried', 'meaning'), row('-', '-', '-', '-'), ...rows];
  return [`## ${chapter.title}`, chapter.intro, table.join('\n')]
    .filter((part) => part !== undefined)
    .join('\n\n');
}

function row(...cells: string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}

function status({ status, alsoStatus }: CodeEntry): string {
  if (status === null) return '—';
  return alsoStatus === undefined ? String(status) : `${status}, ${alsoStatus}`;
}

function retried({ retried }: CodeEntry): string {
  return retried === 'sometimes' ? retried : retried ? 'yes' : 'no';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(ERRORS_DOC, await renderErrorsDoc());
  console.log(`wrote ${ERRORS_DOC}`);
}
