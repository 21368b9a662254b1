import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { HostEvent, HostStatus } from '../protocol/host-api.js';
import { send, HostCallError, type HostClient } from './host-client.js';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

interface HostContextValue {
  client: HostClient;
  status: HostStatus | undefined;
  /** Set when the first status read failed; the views show it instead of a spinner. */
  loadError: string | undefined;
  refresh(): Promise<void>;
  notices: Notice[];
  notify(tone: Notice['tone'], text: string): void;
  dismiss(id: number): void;
  /** Runs a host call, turning a refusal into a notice; resolves undefined when it failed. */
  attempt<T>(work: () => Promise<T>): Promise<T | undefined>;
}

/** Events after which the status (providers, clients, alerts, waiting approvals) is re-read. */
const REREAD_STATUS_ON: ReadonlySet<HostEvent['event']> = new Set([
  'providers.changed',
  'assistants.changed',
  'alert',
  'alert.dismissed',
  'approval.requested',
  'approval.settled',
]);

const HostContext = createContext<HostContextValue | undefined>(undefined);

export function useHost(): HostContextValue {
  const value = useContext(HostContext);
  if (!value) throw new Error('useHost outside HostProvider');
  return value;
}

/** Subscribes for the lifetime of the component; the listener may change between renders. */
export function useHostEvents(listener: (event: HostEvent) => void): void {
  const { client } = useHost();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => client.onEvent((event) => latest.current(event)), [client]);
}

export function HostProvider(props: { client: HostClient; children: React.ReactNode }) {
  const { client } = props;
  const [status, setStatus] = useState<HostStatus>();
  const [loadError, setLoadError] = useState<string>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextNotice = useRef(1);

  const notify = useCallback((tone: Notice['tone'], text: string) => {
    const id = nextNotice.current++;
    setNotices((current) => [...current.slice(-3), { id, tone, text }]);
    if (tone !== 'error') {
      setTimeout(() => setNotices((current) => current.filter((n) => n.id !== id)), 8_000);
    }
  }, []);
  const dismiss = useCallback(
    (id: number) => setNotices((current) => current.filter((n) => n.id !== id)),
    [],
  );

  const refresh = useCallback(async () => {
    try {
      setStatus((await send(client, { op: 'status' })).status);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [client]);

  const attempt = useCallback(
    async <T,>(work: () => Promise<T>) => {
      try {
        return await work();
      } catch (error) {
        notify(
          'error',
          error instanceof HostCallError || error instanceof Error
            ? error.message
            : 'Something went wrong.',
        );
        return undefined;
      }
    },
    [notify],
  );

  useEffect(() => {
    void refresh();
    return client.onEvent((event) => {
      if (REREAD_STATUS_ON.has(event.event)) {
        void refresh();
      } else if (event.event === 'login.finished') {
        notify(event.ok ? 'success' : 'error', event.message);
        void refresh();
      }
    });
  }, [client, refresh, notify]);

  return (
    <HostContext.Provider
      value={{ client, status, loadError, refresh, notices, notify, dismiss, attempt }}
    >
      {props.children}
    </HostContext.Provider>
  );
}
