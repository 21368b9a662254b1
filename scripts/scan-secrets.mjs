#!/usr/bin/env node
// The repository's secret scan: secretlint with its recommended preset plus TuneBridge's own
// token shapes (client keys, capabilities, Spotify access tokens, JWTs, bearer headers), as set in
// .secretlintrc.json. Skips what .gitignore and .secretlintignore list; a fake secret a test
// needs goes into that rule's `allows`. Findings are printed masked. Exit 1 when anything is found.
//
//   node scripts/scan-secrets.mjs [GLOB…]     (default: every file, "**/*")
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(
  dirname(createRequire(import.meta.url).resolve('secretlint/package.json')),
  'bin',
  'secretlint.js',
);
const globs = process.argv.slice(2);
const run = spawnSync(process.execPath, [bin, ...(globs.length > 0 ? globs : ['**/*'])], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status === 0) process.stdout.write('No secrets found.\n');
process.exit(run.status ?? 1);
