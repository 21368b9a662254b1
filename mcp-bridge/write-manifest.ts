// Build step: writes dist/bridge-manifest.json, what a starting bridge answers before it has
// loaded the SDK. Run by scripts/build.mjs from the bundle, so it sees exactly the shipped tools.
import { writeFileSync } from 'node:fs';
import { VERSION } from '../protocol/version.js';
import { describeBridge } from './bridge-manifest.js';
import { TOOLS } from './tools/index.js';

writeFileSync(
  new URL('./bridge-manifest.json', import.meta.url),
  `${JSON.stringify(describeBridge(VERSION, TOOLS))}\n`,
);
