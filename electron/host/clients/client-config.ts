import type { McpClientId, McpServerEntry } from '../../../protocol/broker.js';
import { configPath, type ClientEnvironment } from './client-paths.js';
import { readSnapshot, updateJsonConfig, type UpdateHooks } from './config-file.js';
import { formatConfig, parseConfig, removeServer, serversIn, setServer } from './config-merge.js';
import { ENTRY_NAME, MCP_CLIENTS, readEntry } from './mcp-clients.js';

export interface EntryWritten {
  path: string;
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
  const outcome = await updateJsonConfig(
    path,
    (doc) => {
      const { doc: next, previous } = setServer(
        doc,
        spec.serversKey,
        ENTRY_NAME,
        spec.shape(entry),
        path,
      );
      return { doc: next, result: readEntry(previous) };
    },
    hooks,
  );
  return { path: outcome.path, backupPath: outcome.backupPath, previous: outcome.result };
}

export interface EntryRemoved {
  path: string;
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
  const outcome = await updateJsonConfig(
    path,
    (doc) => {
      const removed = removeServer(doc, spec.serversKey, ENTRY_NAME, path);
      return removed && { doc: removed.doc, result: readEntry(removed.previous) };
    },
    hooks,
  );
  return {
    path: outcome.path,
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
  const snapshot = await readSnapshot(path);
  const servers = serversIn(parseConfig(snapshot.text, path), spec.serversKey, path);
  return { path, exists: snapshot.text !== undefined, entry: readEntry(servers?.[ENTRY_NAME]) };
}

/** What to paste by hand when we may not write the file. */
export function entrySnippet(client: McpClientId, entry: McpServerEntry): string {
  const spec = MCP_CLIENTS[client];
  return formatConfig(
    { [spec.serversKey]: { [ENTRY_NAME]: spec.shape(entry) } },
    { indent: '  ', eol: '\n', finalNewline: false, bom: false },
  );
}
