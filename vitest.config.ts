import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/**/*.test.ts',
      '{electron,mcp-bridge,protocol,sandbox,cli,broker-client}/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Keyring and socket tests share one D-Bus session and one machine; two workers keep CI on 2 cores steady.
    maxWorkers: 2,
  },
});
