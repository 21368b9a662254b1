import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

interface KnownAssistant {
  id: string;
  name: string;
}

/**
 * The assistants named in the data folder's settings, revoked ones too (their records stay in
 * the audit log). Read from the file, so `tunebridge audit` works with the host stopped.
 */
async function knownAssistants(settingsFile: string): Promise<KnownAssistant[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(settingsFile, 'utf8'));
  } catch {
    return [];
  }
  // settings.json keeps its stored shape: `clients[]` with `clientId` and `name`.
  const stored = (parsed as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: { clientId?: unknown; name?: unknown } | null) =>
    typeof entry?.clientId === 'string' && typeof entry.name === 'string'
      ? [{ id: entry.clientId, name: entry.name }]
      : [],
  );
}

/** `--client` takes an assistant's id or its name (any case); a name must pick exactly one. */
export async function resolveAssistantFlag(wanted: string, settingsFile: string): Promise<string> {
  const known = await knownAssistants(settingsFile);
  if (known.some((assistant) => assistant.id === wanted)) return wanted;
  const byName = known.filter((assistant) => assistant.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) {
    const ids = byName.map((assistant) => `  ${assistant.id}`).join('\n');
    throw new CliError(
      `--client "${wanted}" names ${byName.length} assistants; give one of their ids instead:\n${ids}`,
      2,
    );
  }
  const names = [...new Set(known.map((assistant) => `"${assistant.name}"`))].join(', ');
  throw new CliError(
    `--client: there is no assistant called "${wanted}".${names ? ` Known: ${names}.` : ''}`,
    2,
  );
}
