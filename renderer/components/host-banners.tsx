import { useEffect, useState } from 'react';
import type { HostLink } from '../host-client.js';
import { useHost } from '../host-context.js';

const LINK_WORDS: Partial<Record<HostLink, { title: string; text: string }>> = {
  lost: {
    title: 'TuneBridge is not answering',
    text: 'It may have stopped. What you see here may be out of date; this window reconnects by itself when TuneBridge answers again. Restarted it? Run `tunebridge open` for a new address.',
  },
  ended: {
    title: 'TuneBridge was restarted',
    text: 'This window’s address no longer opens it. Run `tunebridge open` for a new address.',
  },
};

/** Follows the host client's live link; undefined where the transport cannot lose the host. */
export function useHostLink(): HostLink | undefined {
  const { client } = useHost();
  const [link, setLink] = useState<HostLink>();
  useEffect(() => client.onLink?.(setLink), [client]);
  return link;
}

/**
 * Banners about the window's state rather than the host's alerts: the host dropped away, or
 * every assistant is paused. Both stay for as long as the state does.
 */
export function HostBanners(props: { allPaused: boolean }) {
  const { client, attempt, refresh } = useHost();
  const link = useHostLink();
  const words = link ? LINK_WORDS[link] : undefined;
  const [wasLost, setWasLost] = useState(false);
  useEffect(() => {
    if (link === 'lost' || link === 'ended') setWasLost(true);
    if (link === 'live' && wasLost) {
      setWasLost(false);
      void refresh();
    }
  }, [link, wasLost, refresh]);
  return (
    <div className="host-banners">
      <div role="alert">
        {words ? (
          <div className="link-banner" data-link={link}>
            <p className="alert-title">{words.title}</p>
            <p>{words.text}</p>
          </div>
        ) : null}
      </div>
      <div role="status">
        {props.allPaused ? (
          <div className="paused-banner">
            <div>
              <p className="alert-title">All access is paused</p>
              <p>No assistant can reach Spotify or TIDAL until you resume.</p>
            </div>
            <button
              type="button"
              className="button primary"
              onClick={() => void attempt(() => client.call({ op: 'pause.all', paused: false }))}
            >
              Resume
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
