// `npm run bench`: prints the numbers issue 2 sets targets for. Targets are reported, not
// asserted: a loaded CI machine would turn them into flaky failures.
import { measureBridgeColdStart } from './bridge-cold-start.js';
import { measureBrokerOverhead } from './broker-overhead.js';
import { ms } from './stats.js';
import { measureToolOverhead } from './tool-overhead.js';
import { listSizeLines, measureToolListSizes } from './tool-list-size.js';

const coldStart = await measureBridgeColdStart();
const overhead = await measureBrokerOverhead();
const tools = await measureToolOverhead();
const listSizes = await measureToolListSizes();

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
const lines = [
  'Bridge cold start (spawn → tools/list answered), host not running',
  `  bridge     p50 ${ms(coldStart.bridge.p50)}  min ${ms(coldStart.bridge.min)}  (${coldStart.bridge.runs} runs)`,
  `  bare node  p50 ${ms(coldStart.bareNode.p50)}  min ${ms(coldStart.bareNode.min)}`,
  `  ratio      ${coldStart.ratio.toFixed(2)}×  (target ≤ 1.3×: ${verdict(coldStart.ratio <= 1.3)})`,
  '',
  ...listSizeLines(listSizes),
  '',
  'Broker overhead per api.call (sandbox GET /v1/search)',
  `  direct     p50 ${ms(overhead.direct.p50)}  p99 ${ms(overhead.direct.p99)}  (${overhead.direct.runs} calls)`,
  `  broker     p50 ${ms(overhead.broker.p50)}  p99 ${ms(overhead.broker.p99)}`,
  `  overhead   p50 ${ms(overhead.overheadP50)} (target ≤ 1 ms: ${verdict(overhead.overheadP50 <= 1)})` +
    `  p99 ${ms(overhead.overheadP99)} (target ≤ 5 ms: ${verdict(overhead.overheadP99 <= 5)})`,
];
lines.push(
  '',
  'Tool overhead per MCP tools/call (bridge + broker) over the same requests sent directly',
  ...tools.map(
    (t) =>
      `  ${t.tool.padEnd(25)} ${t.requests} req  direct p50 ${ms(t.direct.p50)} p99 ${ms(t.direct.p99)}` +
      `  tool p50 ${ms(t.tool_call.p50)} p99 ${ms(t.tool_call.p99)}` +
      `  overhead p50 ${ms(t.overheadP50)} p99 ${ms(t.overheadP99)}`,
  ),
);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ coldStart, overhead, tools, listSizes })}\n`);

// Issue 5: Activity's first page in Chromium with a million audit records (target ≤ 300 ms).
const { measureActivityFirstPage } = await import('./activity-first-page.js');
const activity = await measureActivityFirstPage();
process.stdout.write(
  [
    '',
    `Activity first page in Chromium, ${activity.records.toLocaleString('en')} audit records`,
    `  navigation → rendered  p50 ${ms(activity.firstPage.p50)}  min ${ms(activity.firstPage.min)}` +
      `  (${activity.firstPage.runs} runs; target ≤ 300 ms: ${activity.firstPage.p50 <= 300 ? 'meets target' : 'MISSES target'})`,
  ].join('\n') + '\n',
);
process.stdout.write(`${JSON.stringify({ activity })}\n`);

// The Security view's first paint with a million audit records (target ≤ 300 ms).
const { measureSecurityFirstPaint } = await import('./security-first-paint.js');
const security = await measureSecurityFirstPaint();
process.stdout.write(
  [
    '',
    `Security view first paint in Chromium, ${security.records.toLocaleString('en')} audit records`,
    `  counters rebuilt from the log once  ${ms(security.rebuildMs)}`,
    `  navigation → charts on screen  p50 ${ms(security.firstPaint.p50)}  min ${ms(security.firstPaint.min)}` +
      `  (${security.firstPaint.runs} runs; target ≤ 300 ms: ${security.firstPaint.p50 <= 300 ? 'meets target' : 'MISSES target'})`,
  ].join('\n') + '\n',
);
process.stdout.write(`${JSON.stringify({ security })}\n`);
