import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the window tests put their screenshots: the README's `docs/screenshots/` when asked to
 * refresh them (`TUNEBRIDGE_UPDATE_SCREENSHOTS=1 npm test`), else a folder of this run's own, so
 * an ordinary test run still takes every picture but leaves the checkout as it found it.
 */
export const SCREENSHOTS: URL =
  process.env.TUNEBRIDGE_UPDATE_SCREENSHOTS === '1'
    ? new URL('../../docs/screenshots/', import.meta.url)
    : pathToFileURL(join(tmpdir(), `tunebridge-screenshots-${process.pid}/`));
