import { PROVIDER_NAMES, type ProviderId } from './providers.js';

/** What a tool needs, as far as these sentences care. */
export interface ToolScopes {
  name: string;
  provider: ProviderId;
  scopes: readonly string[];
}

/** The scopes TuneBridge asked for at login that the provider did not grant, in asked order. */
export function notGrantedScopes(
  requested: readonly string[],
  granted: readonly string[],
): string[] {
  const have = new Set(granted);
  return requested.filter((scope) => !have.has(scope));
}

/**
 * One sentence for `login` and `status` when a provider granted less than was asked: which
 * scopes are missing and which tools therefore won't work. Undefined when nothing is missing.
 */
export function notGrantedSentence(
  provider: ProviderId,
  notGranted: readonly string[] | undefined,
  tools: readonly ToolScopes[],
): string | undefined {
  if (!notGranted || notGranted.length === 0) return undefined;
  const missing = new Set(notGranted);
  const broken = tools
    .filter((tool) => tool.provider === provider && tool.scopes.some((s) => missing.has(s)))
    .map((tool) => tool.name);
  const name = PROVIDER_NAMES[provider];
  const tail =
    broken.length > 0
      ? ` These tools won't work: ${broken.join(', ')}.`
      : ' No TuneBridge tool depends on them.';
  return `${name} did not grant ${notGranted.join(', ')}.${tail} Log in again and approve every permission to use them.`;
}
