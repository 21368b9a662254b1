import { describe, expect, it } from 'vitest';
import { AuditKind, AuditOutcome } from '../../protocol/audit.js';
import {
  PERMISSION_GROUP_LABELS,
  PermissionGroup,
  SCOPES_BY_GROUP,
} from '../../protocol/policy.js';
import { PROVIDER_NAMES, ProviderId } from '../../protocol/providers.js';
import { ExportFormat } from '../../protocol/library-export.js';
import { SPOTIFY_LIBRARY, TIDAL_LIBRARY } from '../../playlist-files/export-file.js';
import { HostCallError, ipcHostClient } from '../../renderer/host-client.js';
import * as words from '../../renderer/words.js';

describe('the window’s words', () => {
  it('names the switches exactly as the host’s refusals do', () => {
    expect(words.PERMISSION_GROUP_LABELS).toEqual(PERMISSION_GROUP_LABELS);
    expect([...words.PERMISSION_GROUPS]).toEqual(PermissionGroup.options);
    expect(words.PROVIDER_NAMES).toEqual(PROVIDER_NAMES);
    expect([...words.PROVIDERS]).toEqual(ProviderId.options);
  });

  it('has plain words for every scope, audit kind and outcome', () => {
    for (const provider of ProviderId.options) {
      for (const scopes of Object.values(SCOPES_BY_GROUP[provider])) {
        for (const scope of scopes) expect(words.SCOPE_WORDS[scope], scope).toBeTruthy();
      }
    }
    expect([...words.AUDIT_KINDS].sort()).toEqual([...AuditKind.options].sort());
    expect([...words.AUDIT_OUTCOMES]).toEqual(AuditOutcome.options);
  });

  it('offers every export format, and names the saved tracks as the exported file does', () => {
    expect([...words.EXPORT_FORMATS].sort()).toEqual([...ExportFormat.options].sort());
    expect(words.LIBRARY_NAMES).toEqual({
      spotify: SPOTIFY_LIBRARY.name,
      tidal: TIDAL_LIBRARY.name,
    });
  });
});

describe('the IPC host client', () => {
  const events: Array<(event: unknown) => void> = [];
  const bridge = (result: unknown) =>
    ipcHostClient({
      call: async () => result as never,
      onEvent: (listener) => {
        events.push(listener as (event: unknown) => void);
        return () => undefined;
      },
    });

  it('unwraps a result and turns an error result into a HostCallError', async () => {
    await expect(
      bridge({ ok: true, response: { op: 'done' } }).call({ op: 'pause.all', paused: true }),
    ).resolves.toEqual({ op: 'done' });
    const failure = bridge({
      ok: false,
      error: { code: 'not_found', message: 'No such assistant.' },
    });
    await expect(failure.call({ op: 'status' })).rejects.toEqual(
      new HostCallError('not_found', 'No such assistant.'),
    );
    expect(bridge({ ok: true, response: { op: 'done' } }).exportUrl).toBeUndefined();
  });
});
