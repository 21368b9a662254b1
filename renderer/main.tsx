import './zod-csp.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { createHostClient } from './host-client.js';
import { HostProvider } from './host-context.js';
import { applyTheme, storedTheme } from './theme.js';
import { preloadActivity } from './views/activity-view.js';
import { preloadSecurity } from './views/security-preload.js';
import './app.css';

applyTheme(storedTheme());
const client = createHostClient();
if (/^#\/?activity$/.test(window.location.hash)) {
  // Wait briefly for the first page so the first render shows it, never long.
  await Promise.race([preloadActivity(client), new Promise((r) => setTimeout(r, 250))]);
} else if (/^#\/?security$/.test(window.location.hash)) {
  await Promise.race([preloadSecurity(client), new Promise((r) => setTimeout(r, 250))]);
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <HostProvider client={client}>
        <App />
      </HostProvider>
    </StrictMode>,
  );
}
