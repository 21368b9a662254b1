import type { ErrorCode } from '../../../protocol/error-codes.js';
import type { CapabilityCheck } from './capability-store.js';

/**
 * The checks an `api.call` passes before it goes out, as pure functions: each answers with the
 * refusal (code and sentence) or undefined. The caller audits and throws.
 */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** The capability must be live and bound to this assistant and provider. */
export function capabilityRefusal(check: CapabilityCheck): Refusal | undefined {
  if (check.ok) return undefined;
  return {
    code: check.reason,
    message:
      check.reason === 'capability_expired'
        ? 'The capability expired; ask TuneBridge for a new one.'
        : 'The capability is not valid for this assistant and provider.',
  };
}

/** The path must be in the provider's endpoint table (`rule` is its match, if any). */
export function endpointRefusal(
  rule: { scopes: readonly string[] } | undefined,
  method: string,
  path: string,
): Refusal | undefined {
  if (rule) return undefined;
  return {
    code: 'endpoint_not_allowed',
    message: `TuneBridge does not allow ${method} ${path} for assistants.`,
  };
}

/** The capability must carry every scope the endpoint needs. */
export function scopeRefusal(
  needed: readonly string[],
  carried: ReadonlySet<string>,
): Refusal | undefined {
  const missing = needed.filter((scope) => !carried.has(scope));
  if (missing.length === 0) return undefined;
  return {
    code: 'scope_not_allowed',
    message: `This request needs ${missing.join(', ')}, which the capability does not carry.`,
  };
}

/** A GET carries its data in the query: a body would be dropped or, worse, sent somewhere. */
export function getBodyRefusal(method: string, body: unknown): Refusal | undefined {
  if (method !== 'GET' || body === undefined) return undefined;
  return {
    code: 'bad_frame',
    message: 'A GET request cannot carry a body; send the data as query parameters.',
  };
}
