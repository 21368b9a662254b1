import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on source text placed (virtually) in each folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/import-boundaries')
    .map((message) => message.message);
}

describe('import boundaries (DEPS in eslint.config.js)', () => {
  it.each([
    [
      'mcp-bridge/probe.ts',
      "import { startHost } from '../electron/host/host.js';",
      /mcp-bridge\/ may not import electron\/host\//,
    ],
    [
      'mcp-bridge/tools/probe.ts',
      "import { x } from '../../cli/index.js';",
      /may not import cli\//,
    ],
    [
      'mcp-bridge/probe.ts',
      "const m = await import('../sandbox/index.js');",
      /may not import sandbox\//,
    ],
    [
      'renderer/src/probe.ts',
      "import { connect } from '../../broker-client/broker-client.js';",
      /renderer\/ may not import broker-client\//,
    ],
    [
      'broker-client/probe.ts',
      "export { x } from '../mcp-bridge/define-tool.js';",
      /broker-client\/ may not import mcp-bridge\//,
    ],
    [
      'protocol/probe.ts',
      "import { bridgeEntry } from '../electron/host/clients/bridge-entry.js';",
      /allows nothing of ours outside itself/,
    ],
    [
      'sandbox/server/probe.ts',
      "import type { Settings } from '../../electron/host/settings/settings-schema.js';",
      /sandbox\/ may not import electron\/host\//,
    ],
    ['sandbox/probe.ts', "export * from '../cli/index.js';", /sandbox\/ may not import cli\//],
    [
      'electron/host/probe.ts',
      "import { app } from 'electron';",
      /Only electron\/shell\/ may import "electron"/,
    ],
    [
      'cli/probe.ts',
      "import { shell } from 'electron';",
      /Only electron\/shell\/ may import "electron"/,
    ],
  ])('refuses a crossing import in %s', async (file, code, expected) => {
    const errors = await boundaryErrors(file, `${code}\nexport {};\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it.each([
    ['mcp-bridge/probe.ts', "import { PROTOCOL_VERSION } from '../protocol/version.js';"],
    ['mcp-bridge/probe.ts', "import { connect } from '../broker-client/broker-client.js';"],
    ['mcp-bridge/tools/probe.ts', "import { defineTool } from '../define-tool.js';"],
    ['renderer/src/probe.ts', "import { HostApiRequest } from '../../protocol/host-api.js';"],
    ['protocol/probe.ts', "import { z } from 'zod';\nimport { join } from 'node:path';"],
    ['sandbox/probe.ts', "import { PROTOCOL_VERSION } from '../protocol/version.js';"],
    ['electron/shell/probe.ts', "import { app } from 'electron';"],
    ['cli/probe.ts', "import { launchHost } from '../electron/host/launch-host.js';"],
    ['tests/probe.test.ts', "import { startHost } from '../electron/host/host.js';"],
    ['bench/probe.ts', "import { startHost } from '../electron/host/host.js';"],
  ])('allows %s to import what its folder may', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
