import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { VERSION } from '../../../protocol/version.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { MCPB_NODE_RANGE } from './node-finder.js';

/** A fixed date (and Unix file modes), so that the same build gives the same bundle bytes. */
const ZIP_OPTIONS = {
  level: 9,
  mtime: new Date(2025, 0, 1),
  os: 3,
  attrs: ((0o100000 | 0o644) << 16) >>> 0,
} as const;

/** The entry point inside the bundle: the bundled bridge, run by Claude Desktop's own Node. */
export const MCPB_ENTRY_POINT = 'server/bridge.cjs';

export interface McpbManifest {
  manifest_version: '0.3';
  name: string;
  display_name: string;
  version: string;
  description: string;
  long_description: string;
  author: { name: string };
  server: {
    type: 'node';
    entry_point: string;
    mcp_config: { command: string; args: string[]; env: Record<string, string> };
  };
  tools: Array<{ name: string; description?: string }>;
  compatibility: {
    platforms: Array<'darwin' | 'win32' | 'linux'>;
    runtimes: { node: string };
  };
  user_config: Record<
    string,
    {
      type: 'string' | 'directory';
      title: string;
      description: string;
      required: boolean;
      sensitive?: boolean;
      default?: string;
    }
  >;
}

/**
 * The manifest of TuneBridge's MCP bundle. The key is a `user_config` entry marked sensitive, so
 * Claude Desktop asks for it once at install and keeps it in the OS keychain; the bundle itself
 * holds no secret and can be shared. `dataDir`, when known, pre-fills the data folder.
 */
export function mcpbManifest(options: {
  tools: Array<{ name: string; description?: string }>;
  dataDir?: string;
}): McpbManifest {
  return {
    manifest_version: '0.3',
    name: 'tunebridge',
    display_name: 'TuneBridge',
    version: VERSION,
    description: 'Your Spotify and TIDAL accounts for Claude, through TuneBridge.',
    long_description:
      'TuneBridge keeps your music-service logins on your computer and hands Claude short-lived, ' +
      'scoped access, with an audit log of every call. TuneBridge must be running.',
    author: { name: 'TuneBridge' },
    server: {
      type: 'node',
      entry_point: MCPB_ENTRY_POINT,
      mcp_config: {
        command: 'node',
        args: [`\${__dirname}/${MCPB_ENTRY_POINT}`],
        env: {
          TUNEBRIDGE_CLIENT_KEY: '${user_config.client_key}',
          TUNEBRIDGE_HOME: '${user_config.data_dir}',
        },
      },
    },
    tools: options.tools.map(({ name, description }) => ({ name, description })),
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: MCPB_NODE_RANGE },
    },
    user_config: {
      client_key: {
        type: 'string',
        title: 'TuneBridge key',
        description:
          'The key TuneBridge showed when you chose Connect → Claude Desktop (bundle), or `tunebridge connect claude-desktop --bundle`.',
        required: true,
        sensitive: true,
      },
      data_dir: {
        type: 'directory',
        title: 'TuneBridge data folder',
        description: 'Where TuneBridge keeps its settings; shown in TuneBridge under About.',
        // Required only without a default: the reference loader treats a required value the person
        // never typed as missing, even when the manifest supplies one.
        ...(options.dataDir ? { required: false, default: options.dataDir } : { required: true }),
      },
    },
  };
}

/** The bridge script and every chunk it imports, statically or not, from the build output. */
export async function bridgeFiles(distDir: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ['bridge.cjs'];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(join(distDir, file), 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) {
      queue.push(match[1]!);
    }
  }
  return [...seen].sort();
}

/**
 * Builds the `.mcpb` (a zip with manifest.json at its root, packed with fflate, the zip library
 * the official mcpb packer uses) from the build output in `distDir`.
 */
export async function buildMcpbBundle(options: {
  distDir: string;
  dataDir?: string;
}): Promise<{ bundle: Buffer; manifest: McpbManifest }> {
  const bridgeManifest = JSON.parse(
    await readFile(join(options.distDir, 'bridge-manifest.json'), 'utf8'),
  ) as { tools: Array<{ name: string; description?: string }> };
  const manifest = mcpbManifest({ tools: bridgeManifest.tools, dataDir: options.dataDir });
  const files: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    // The bundle has no package.json of ours above it: say the scripts are ES modules.
    'server/package.json': Buffer.from('{ "type": "module" }\n'),
    'server/bridge-manifest.json': await readFile(join(options.distDir, 'bridge-manifest.json')),
  };
  for (const file of await bridgeFiles(options.distDir)) {
    files[`server/${file}`] = await readFile(join(options.distDir, file));
  }
  const zippable: Zippable = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, [data, ZIP_OPTIONS]]),
  );
  return { bundle: Buffer.from(zipSync(zippable)), manifest };
}

export async function writeMcpbBundle(options: {
  distDir: string;
  outFile: string;
  dataDir?: string;
}): Promise<McpbManifest> {
  const { bundle, manifest } = await buildMcpbBundle(options);
  await writeFileAtomic(options.outFile, bundle, { mode: 0o644 });
  return manifest;
}
