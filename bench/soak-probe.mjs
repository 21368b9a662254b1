// Loaded into the soak's host with `--import` (through NODE_OPTIONS) so the bench can read the
// real host's memory after a full collection without changing what the host does: on SIGUSR2 it
// records RSS and heap as they are, runs a full GC, records them again and, when asked, writes a
// heap snapshot. Nothing else in the host sees it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

const dir = process.env.TB_SOAK_PROBE_DIR;
if (dir) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  let n = 0;
  process.on('SIGUSR2', () => {
    n += 1;
    const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const read = () => {
      const usage = process.memoryUsage();
      return {
        rss: mb(usage.rss),
        heapUsed: mb(usage.heapUsed),
        heapTotal: mb(usage.heapTotal),
        external: mb(usage.external),
        arrayBuffers: mb(usage.arrayBuffers),
      };
    };
    const before = read();
    gc();
    gc();
    const afterGc = read();
    let snapshot;
    if (process.env.TB_SOAK_SNAPSHOTS === '1')
      snapshot = writeHeapSnapshot(join(dir, `host-${process.pid}-${n}.heapsnapshot`));
    writeFileSync(
      join(dir, `probe-${process.pid}-${n}.json`),
      JSON.stringify({
        before,
        afterGc,
        snapshot,
        mappings: mappings(),
        resources: process.getActiveResourcesInfo().length,
        spaces: spaces(),
      }),
    );
  });
}

/** Resident memory by kind of mapping, in MB: where RSS outside the JS heap lives. */
function mappings() {
  const totals = {};
  let name = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      name = head[1] || 'anonymous';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) {
      const key = name.startsWith('/')
        ? name.endsWith('.node') || name.includes('.so')
          ? 'shared objects'
          : 'files'
        : name;
      totals[key] = Math.round(((totals[key] ?? 0) + Number(rss[1]) / 1024) * 10) / 10;
    }
  }
  const threads = Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  return { ...totals, threads };
}

/** Each V8 heap space's size and what is used of it, in MB. */
function spaces() {
  const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [
      space.space_name,
      [mb(space.space_size), mb(space.space_used_size)],
    ]),
  );
}
