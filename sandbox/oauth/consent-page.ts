import type { SandboxPerson } from '../accounts/index.js';
import { escapeHtml } from '../server/http.js';

export interface ConsentPageInput {
  serviceName: string;
  appName: string;
  pendingId: string;
  /** Scope and what it lets the app do, in the order requested. */
  scopes: Array<[scope: string, meaning: string]>;
  people: readonly SandboxPerson[];
  redirectOrigin: string;
}

/**
 * The page a person sees before an app gets their account. Only the server-side request id
 * travels in the form, so nothing the app put in the URL can be altered on the way back.
 */
export function consentPage(input: ConsentPageInput): string {
  const scopes = input.scopes.length
    ? input.scopes
        .map(
          ([scope, meaning]) => `<li>${escapeHtml(meaning)} <code>${escapeHtml(scope)}</code></li>`,
        )
        .join('\n        ')
    : '<li>See your public profile</li>';
  const people = input.people
    .map(
      (person) =>
        `<option value="${escapeHtml(person.key)}">${escapeHtml(person.displayName)}</option>`,
    )
    .join('\n          ');
  return page(
    `${input.serviceName} (sandbox) — authorize ${input.appName}`,
    `<h1>${escapeHtml(input.appName)} wants to use your ${escapeHtml(input.serviceName)} account</h1>
    <form method="post" action="/authorize/decision">
      <input type="hidden" name="request" value="${escapeHtml(input.pendingId)}">
      <p>${escapeHtml(input.appName)} wants to:</p>
      <ul>
        ${scopes}
      </ul>
      <p>
        <label for="person">Sign in as</label>
        <select id="person" name="person">
          ${people}
        </select>
      </p>
      <p>You will be sent back to <code>${escapeHtml(input.redirectOrigin)}</code>.</p>
      <button type="submit" name="decision" value="approve">Approve</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>`,
  );
}

/** Shown instead of redirecting when the redirect target itself cannot be trusted. */
export function errorPage(serviceName: string, message: string): string {
  return page(
    `${serviceName} (sandbox) — error`,
    `<h1>Something went wrong</h1>
    <p role="alert">${escapeHtml(message)}</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(title)}</title>
    <style>body { font: 16px system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; }</style>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}
