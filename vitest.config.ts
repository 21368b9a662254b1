import { configDefaults, defineConfig } from 'vitest/config';

// Soaks: many calls against injected faults or random frames. CI runs them as `--project slow`.
const SLOW = ['tests/fuzz/**/*.test.ts', 'tests/tools/fault-session*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Keyring and socket tests share one D-Bus session and one machine; two workers keep CI on 2
    // cores steady. Three finished sooner (87 s against 105 s) but let a window test time out once.
    maxWorkers: 2,
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
