// `npm run scan:electron`: Doyensec's Electronegativity over the Electron shell's source
// (electron/shell) and, when built, its bundles (dist/electron). Prints every finding and fails
// on any high-severity one, or on a file it could not parse (a file it skips is not scanned).
//
// Electronegativity's CLI no longer starts (it relies on an undeclared commander v2), so this
// calls its runner directly. It also fetches translations and Electron's release list from the
// internet; its HTTP client is stubbed out here so a scan never leaves the machine.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
const fromScanner = createRequire(runnerPath);
const gotPath = fromScanner.resolve('got');
const offline = () => Promise.reject(new Error('offline: the scan does not use the network'));
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: Object.assign(offline, { head: offline }),
};
// Only the bundled English texts are wanted.
process.env.LANG = 'en-US';
const run = fromScanner(runnerPath);
const electronVersion = JSON.parse(
  readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

const inputs = ['electron/shell', 'dist/electron'].filter((input) =>
  existsSync(resolve(root, input)),
);
let failed = false;
for (const input of inputs) {
  const result = await run(
    {
      input: resolve(root, input),
      customScan: [],
      // Asks GitHub whether a newer Electron has security fixes: needs the internet, and
      // `npm outdated` / Dependabot answer the same question.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const issues = result.issues.filter((issue) => !issue.file.endsWith('.map'));
  console.log(
    `\n${input}: ${result.atomicChecks + result.globalChecks} checks, ${issues.length} findings`,
  );
  for (const issue of issues) {
    const severity = issue.severity.name ?? String(issue.severity.value);
    const where = `${relative(root, issue.file)}:${issue.location.line}:${issue.location.column}`;
    const review = issue.manualReview ? ' (review)' : '';
    console.log(`  ${severity.padEnd(13)} ${issue.id}${review}  ${where}`);
    if (issue.severity.value >= 3) failed = true;
  }
  for (const error of result.errors) {
    console.log(
      `  ${error.tolerable ? 'warning' : 'PARSE ERROR'}  ${relative(root, error.file)}: ${error.message}`,
    );
    if (!error.tolerable) failed = true;
  }
}
if (failed) {
  console.error('\nElectronegativity: high-severity findings or unparsed files (above). Fix them.');
  process.exit(1);
}
console.log('\nElectronegativity: no high-severity findings.');
