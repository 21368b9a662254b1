import type { McpClientId, McpServerEntry } from '../../../protocol/broker.js';
import { configPath, type ClientEnvironment } from './client-paths.js';
import { readSnapshot, updateConfigFile, type UpdateHooks } from './config-file.js';
import { ENTRY_NAME, MCP_CLIENTS, readEntry } from './mcp-clients.js';

export interface EntryWritten {
  /** The real file written (a symlinked config's target). */
  path: string;
  /** The symbolic link that led there, when there was one. */
  linkedFrom?: string;
  backupPath?: string;
  /** Our entry as it was before, if there was one (its key gets revoked). */
  previous?: McpServerEntry;
}

/** Writes (or replaces) the one `tunebridge` entry in that client's config. */
export async function writeClientEntry(
  client: McpClientId,
  entry: McpServerEntry,
  at: ClientEnvironment,
  hooks?: UpdateHooks,
): Promise<EntryWritten> {
  const spec = MCP_CLIENTS[client];
  const path = configPath(client, at);
  const outcome = await updateConfigFile(
    path,
    (text) => {
      const changed = spec.format.set(text, ENTRY_NAME, spec.shape(entry), path);
      return { text: changed.text, result: readEntry(changed.previous) };
    },
    { home: at.home, ...hooks },
  );
  return {
    path: outcome.path,
    linkedFrom: outcome.linkedFrom,
    backupPath: outcome.backupPath,
    previous: outcome.result,
  };
}

export interface EntryRemoved {
  path: string;
  linkedFrom?: string;
  removed: boolean;
  backupPath?: string;
  previous?: McpServerEntry;
}

/** Removes exactly our entry; a file without one is not rewritten. */
export async function removeClientEntry(
  client: McpClientId,
  at: ClientEnvironment,
  hooks?: UpdateHooks,
): Promise<EntryRemoved> {
  const spec = MCP_CLIENTS[client];
  const path = configPath(client, at);
  const outcome = await updateConfigFile(
    path,
    (text) => {
      const removed = spec.format.remove(text, ENTRY_NAME, path);
      return removed && { text: removed.text, result: readEntry(removed.previous) };
    },
    { home: at.home, ...hooks },
  );
  return {
    path: outcome.path,
    linkedFrom: outcome.linkedFrom,
    removed: outcome.written,
    backupPath: outcome.backupPath,
    previous: outcome.result,
  };
}

/** Our entry as the client will read it now; throws a ClientConfigError when the file is broken. */
export async function readClientEntry(
  client: McpClientId,
  at: ClientEnvironment,
): Promise<{ path: string; exists: boolean; entry?: McpServerEntry }> {
  const spec = MCP_CLIENTS[client];
  const path = configPath(client, at);
  const snapshot = await readSnapshot(path, at.home);
  const servers = spec.format.servers(snapshot.text, path);
  return { path, exists: snapshot.text !== undefined, entry: readEntry(servers?.[ENTRY_NAME]) };
}

/** What to paste by hand when we may not write the file. */
export function entrySnippet(client: McpClientId, entry: McpServerEntry): string {
  const spec = MCP_CLIENTS[client];
  return spec.format.snippet(ENTRY_NAME, spec.shape(entry));
}
