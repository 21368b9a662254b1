// `npm run bench:bridge`: only the bridge's start-up figures (cold start and first list size),
// quick enough to rerun after a change to the bridge's start.
import { measureBridgeColdStart } from './bridge-cold-start.js';
import { ms } from './stats.js';
import { listSizeLines, measureToolListSizes } from './tool-list-size.js';

const coldStart = await measureBridgeColdStart();
const sizes = await measureToolListSizes();
const lines = [
  'Bridge cold start (spawn → tools/list answered), host not running',
  `  bridge     p50 ${ms(coldStart.bridge.p50)}  min ${ms(coldStart.bridge.min)}  (${coldStart.bridge.runs} runs)`,
  `  bare node  p50 ${ms(coldStart.bareNode.p50)}  min ${ms(coldStart.bareNode.min)}`,
  `  ratio      ${coldStart.ratio.toFixed(2)}×  (target ≤ 1.3×: ${coldStart.ratio <= 1.3 ? 'meets target' : 'MISSES target'})`,
  '',
  ...listSizeLines(sizes),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ coldStart, sizes })}\n`);
