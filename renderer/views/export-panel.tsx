import { useId, useState, type FormEvent } from 'react';
import type { ExportFormat, PlaylistChoice } from '../../protocol/library-export.js';
import type { ProviderId } from '../../protocol/providers.js';
import { HostCallError, send } from '../host-client.js';
import { useHost } from '../host-context.js';
import { saveFile } from '../save-file.js';
import { EXPORT_FORMAT_WORDS, EXPORT_FORMATS, LIBRARY_NAMES, PROVIDER_NAMES } from '../words.js';

const LIBRARY = 'library';

type Outcome = { tone: 'ok' | 'error'; text: string };
type Listing = { playlists: PlaylistChoice[]; truncated: boolean };

const sentence = (error: unknown) =>
  error instanceof HostCallError || error instanceof Error
    ? error.message
    : 'Something went wrong. Try again.';

/**
 * "Export…" on a connected account: one playlist or the saved tracks, in one format, saved as a
 * download. The host reads them with the person's own login; the file is the one the export
 * tools attach for the same source and format.
 */
export function ExportPanel(props: { provider: ProviderId }) {
  const { provider } = props;
  const { client } = useHost();
  const name = PROVIDER_NAMES[provider];
  const ids = useId();
  const [listing, setListing] = useState<Listing>();
  const [loading, setLoading] = useState(false);
  const [source, setSource] = useState(LIBRARY);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  // The list is read when the panel first opens, not with every status refresh.
  const load = async () => {
    if (listing || loading) return;
    setLoading(true);
    try {
      const answer = await send(client, { op: 'library.playlists', provider });
      setListing({ playlists: answer.playlists, truncated: answer.truncated });
    } catch (error) {
      setOutcome({ tone: 'error', text: sentence(error) });
    } finally {
      setLoading(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const { file } = await send(client, {
        op: 'library.export',
        provider,
        source: source === LIBRARY ? { kind: 'library' } : { kind: 'playlist', id: source },
        format,
      });
      saveFile(file.fileName, file.mimeType, file.text);
      const tracks = `${file.tracks} track${file.tracks === 1 ? '' : 's'}`;
      setOutcome({
        tone: 'ok',
        text:
          `Saved ${file.fileName}: ${tracks} of “${file.sourceName}”.` +
          (file.truncated
            ? ` “${file.sourceName}” is longer than TuneBridge reads in one go, so the file holds only its first ${tracks}.`
            : ''),
      });
    } catch (error) {
      setOutcome({ tone: 'error', text: sentence(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details
      className="export-panel"
      onToggle={(event) => {
        if (event.currentTarget.open) void load();
      }}
    >
      <summary>Export…</summary>
      <form onSubmit={(event) => void submit(event)} aria-label={`Export from ${name}`}>
        <label htmlFor={`${ids}-source`}>What to export</label>
        <select
          id={`${ids}-source`}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          aria-describedby={`${ids}-listing`}
        >
          <option value={LIBRARY}>{LIBRARY_NAMES[provider]}</option>
          {listing?.playlists.map((playlist) => (
            <option key={playlist.id} value={playlist.id}>
              {playlist.name}
              {playlist.tracks === undefined ? '' : ` (${playlist.tracks})`}
            </option>
          ))}
        </select>
        <p id={`${ids}-listing`} className="hint">
          {loading
            ? `Reading your ${name} playlists…`
            : listing?.truncated
              ? `Only your first ${listing.playlists.length} playlists are listed.`
              : ''}
        </p>
        <label htmlFor={`${ids}-format`}>Format</label>
        <select
          id={`${ids}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((option) => (
            <option key={option} value={option}>
              {EXPORT_FORMAT_WORDS[option]}
            </option>
          ))}
        </select>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
        <p className="export-outcome" role="status">
          {outcome?.tone === 'ok' ? outcome.text : ''}
        </p>
        <p className="field-error" role="alert">
          {outcome?.tone === 'error' ? outcome.text : ''}
        </p>
      </form>
    </details>
  );
}
