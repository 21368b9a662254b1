// Loaded at start-up, before zod and the MCP SDK: node built-ins and zod-free protocol files only.
import { readFileSync } from 'node:fs';
import {
  dataDir,
  hostPaths,
  parseToolAccessFile,
  toolAccessFile,
  type AccessView,
} from '../protocol/data-folder.js';
import { sha256Hex } from './sha256.js';

/**
 * What the host last published about this assistant (its policy and connected providers), read
 * from the run directory; undefined when there is no key, no file (the host never saw this key)
 * or the file is unreadable. The bridge lists read-only tools only in that case.
 */
export function readPublishedAccess(env: NodeJS.ProcessEnv): AccessView | undefined {
  const key = env.TUNEBRIDGE_CLIENT_KEY;
  if (!key) return undefined;
  const hash = sha256Hex(key);
  try {
    return parseToolAccessFile(
      readFileSync(toolAccessFile(hostPaths(dataDir(env)).runDir, hash), 'utf8'),
    );
  } catch {
    return undefined;
  }
}
