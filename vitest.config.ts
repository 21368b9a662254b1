import { configDefaults, defineConfig } from 'vitest/config';

// Soaks: many calls against injected faults or random frames. CI runs them as `--project slow`.
const SLOW = ['tests/fuzz/**/*.test.ts', 'tests/tools/fault-session*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Most tests wait on a browser, a child process or a socket rather than on the CPU, so three
    // workers keep both cores of the 2-core machine busy (about 87 s against 105 s with two);
    // four gained nothing more.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: [
            'tests/**/*.test.ts',
            '{electron,mcp-bridge,protocol,sandbox,cli,broker-client}/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, ...SLOW],
          // Files in a worker share loaded modules (zod, the SDK, the seeded catalog): importing
          // them afresh per file was over a third of the suite's time. Tests restore what they
          // change, so nothing carries over between files.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
