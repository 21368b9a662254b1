import { useEffect, useState } from 'react';
import { AlertBanners } from './components/alert-banners.js';
import { ApprovalDialog } from './components/approval-dialog.js';
import { HostBanners } from './components/host-banners.js';
import { Notices } from './components/notices.js';
import { PauseAllButton } from './components/pause-all-button.js';
import { useHost } from './host-context.js';
import { applyTheme, storedTheme, type ThemeChoice } from './theme.js';
import { AccountsView } from './views/accounts-view.js';
import { ActivityView } from './views/activity-view.js';
import { AssistantsView } from './views/assistants-view.js';
import { SecurityView } from './views/security-view.js';

const VIEWS = {
  accounts: { label: 'Accounts', View: AccountsView },
  assistants: { label: 'Assistants', View: AssistantsView },
  activity: { label: 'Activity', View: ActivityView },
  security: { label: 'Security', View: SecurityView },
} as const;
type ViewId = keyof typeof VIEWS;

function viewFromHash(): ViewId {
  // `#activity?kind=…` (a link from Security) opens Activity with those filters.
  const id = window.location.hash.replace(/^#\/?/, '').replace(/\?.*$/, '');
  return id in VIEWS ? (id as ViewId) : 'accounts';
}

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};

export function App() {
  const { status, loadError } = useHost();
  const [view, setView] = useState<ViewId>(viewFromHash);
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${VIEWS[view].label} · TuneBridge`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [view]);

  const active = status?.assistants.filter((c) => !c.revoked) ?? [];
  const allPaused = active.length > 0 && active.every((c) => c.policy.paused);
  const { View } = VIEWS[view];

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          TuneBridge
          {status?.sandbox ? (
            <span
              className="badge sandbox"
              title="Local stand-ins for Spotify and TIDAL; no real account is used"
            >
              Sandbox
            </span>
          ) : null}
        </div>
        <nav aria-label="Views">
          <ul>
            {(Object.keys(VIEWS) as ViewId[]).map((id) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={view === id ? 'page' : undefined}>
                  {VIEWS[id].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-actions">
          <PauseAllButton active={active.length} allPaused={allPaused} />
          <button
            type="button"
            className="button ghost theme-toggle"
            aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}
            onClick={() => {
              const next = NEXT_THEME[theme];
              applyTheme(next);
              setTheme(next);
            }}
          >
            Theme: {theme === 'system' ? 'System' : theme === 'light' ? 'Light' : 'Dark'}
          </button>
        </div>
      </header>
      <AlertBanners />
      <HostBanners allPaused={allPaused} />
      <main id="main" tabIndex={-1}>
        {loadError && !status ? (
          <p role="alert" className="notice error">
            {loadError}
          </p>
        ) : null}
        <View />
      </main>
      <Notices />
      <ApprovalDialog />
    </>
  );
}
