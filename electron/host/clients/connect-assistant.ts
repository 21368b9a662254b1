import type { McpClientId, McpServerEntry } from '../../../protocol/broker.js';
import type { IssuedAssistant } from '../host-controller.js';
import { ClientConfigError } from './client-config-error.js';
import {
  entrySnippet,
  readClientEntry,
  removeClientEntry,
  writeClientEntry,
} from './client-config.js';
import { configPath, type ClientEnvironment } from './client-paths.js';
import { checkEditable, type UpdateHooks } from './config-file.js';
import { MCP_CLIENTS } from './mcp-clients.js';

/** What connecting needs from the host: keys to issue and revoke, and the entry for a key. */
export interface AssistantKeys {
  issue(name: string): Promise<IssuedAssistant>;
  /** A new key for an assistant that stays (permissions kept); `restore` puts the old key back. */
  rekey(assistantId: string): Promise<IssuedAssistant & { restore(): void }>;
  /** The active assistant last connected through this MCP client's config, if any. */
  assistantFor(): string | undefined;
  revoke(assistantId: string): Promise<void>;
  /** The active assistant holding this key, if any. */
  assistantIdForKey(assistantKey: string): string | undefined;
  entryFor(assistantKey: string): McpServerEntry;
}

export interface Connected {
  issued: IssuedAssistant;
  /** The real file written; `linkedFrom` is the symbolic link that led there, if any. */
  configPath: string;
  linkedFrom?: string;
  backupPath?: string;
  replacedAssistantId?: string;
  /** Connected again: the same assistant with a new key, its permissions as they were. */
  keptPermissions: boolean;
  restartHint: string;
}

export interface Disconnected {
  configPath: string;
  removed: boolean;
  backupPath?: string;
  revokedAssistantId?: string;
}

const KEY_PLACEHOLDER = '<key from `tunebridge connect print`>';

/**
 * `tunebridge connect <client>` and the window's "Connect": check the file can be edited, issue a
 * key, write the one `tunebridge` entry, then revoke the key it replaced. A failed write revokes
 * the new key, so nothing is left half done; the error carries the snippet to paste by hand.
 */
export async function connectAssistant(
  client: McpClientId,
  keys: AssistantKeys,
  at: ClientEnvironment,
  hooks?: UpdateHooks,
): Promise<Connected> {
  const spec = MCP_CLIENTS[client];
  const path = configPath(client, at);
  await withSnippet(client, keys, () => checkEditable(path, spec.format, at.home));
  keys.entryFor(KEY_PLACEHOLDER); // throws before a key exists when no entry can be made (old Node)
  // Connecting again keeps the assistant (and what the person allowed it): only its key changes.
  const current = await readClientEntry(client, at).catch(() => undefined);
  const currentKey = current?.entry?.env.TUNEBRIDGE_CLIENT_KEY;
  const keep =
    (currentKey === undefined ? undefined : keys.assistantIdForKey(currentKey)) ??
    keys.assistantFor();
  const rekeyed = keep === undefined ? undefined : await keys.rekey(keep);
  const issued = rekeyed ?? (await keys.issue(spec.displayName));
  let written;
  try {
    written = await withSnippet(client, keys, () =>
      writeClientEntry(client, issued.entry, at, hooks),
    );
  } catch (error) {
    if (rekeyed) rekeyed.restore();
    else await keys.revoke(issued.assistant.assistantId).catch(() => undefined);
    throw error;
  }
  const oldKey = written.previous?.env.TUNEBRIDGE_CLIENT_KEY;
  const replaced = oldKey === undefined ? undefined : keys.assistantIdForKey(oldKey);
  if (replaced && replaced !== issued.assistant.assistantId) await keys.revoke(replaced);
  return {
    keptPermissions: rekeyed !== undefined,
    issued,
    configPath: written.path,
    linkedFrom: written.linkedFrom,
    backupPath: written.backupPath,
    replacedAssistantId: replaced,
    restartHint: spec.restartHint,
  };
}

/** `tunebridge disconnect <client>`: removes exactly our entry and revokes the key it held. */
export async function disconnectAssistant(
  client: McpClientId,
  keys: AssistantKeys,
  at: ClientEnvironment,
  hooks?: UpdateHooks,
): Promise<Disconnected> {
  const removed = await removeClientEntry(client, at, hooks);
  const key = removed.previous?.env.TUNEBRIDGE_CLIENT_KEY;
  const revokedAssistantId = key === undefined ? undefined : keys.assistantIdForKey(key);
  if (revokedAssistantId) await keys.revoke(revokedAssistantId);
  return {
    configPath: removed.path,
    removed: removed.removed,
    backupPath: removed.backupPath,
    revokedAssistantId,
  };
}

export type EntryHealth =
  | { status: 'ok'; path: string }
  | { status: 'missing' | 'revoked' | 'different'; path: string; detail: string }
  | { status: 'broken'; path: string; detail: string };

/**
 * Whether the client will still start our bridge: the entry is there, its key is active, and it
 * runs the command we would write. Claude Desktop is known to rewrite its file without
 * `mcpServers`; this is what notices.
 */
export async function checkAssistant(
  client: McpClientId,
  keys: Pick<AssistantKeys, 'assistantIdForKey' | 'entryFor'>,
  at: ClientEnvironment,
): Promise<EntryHealth> {
  const name = MCP_CLIENTS[client].displayName;
  let found;
  try {
    found = await readClientEntry(client, at);
  } catch (error) {
    if (!(error instanceof ClientConfigError)) throw error;
    return { status: 'broken', path: error.details.path, detail: error.message };
  }
  const { path, entry } = found;
  if (!entry) {
    return { status: 'missing', path, detail: `${name}'s config no longer lists TuneBridge.` };
  }
  const key = entry.env.TUNEBRIDGE_CLIENT_KEY;
  if (key === undefined || keys.assistantIdForKey(key) === undefined) {
    return { status: 'revoked', path, detail: `${name} holds a key TuneBridge no longer accepts.` };
  }
  const expected = keys.entryFor(key);
  const same =
    entry.command === expected.command &&
    JSON.stringify(entry.args) === JSON.stringify(expected.args) &&
    entry.env.TUNEBRIDGE_HOME === expected.env.TUNEBRIDGE_HOME;
  if (!same) {
    return { status: 'different', path, detail: `${name} starts TuneBridge some other way.` };
  }
  return { status: 'ok', path };
}

async function withSnippet<T>(
  client: McpClientId,
  keys: AssistantKeys,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ClientConfigError)) throw error;
    const snippet = entrySnippet(client, keys.entryFor(KEY_PLACEHOLDER));
    throw new ClientConfigError(error.code, error.withSnippet(snippet), error.details, {
      cause: error,
    });
  }
}
