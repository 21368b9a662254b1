import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { tidalError } from './context.js';

/** The spec's limit on `Idempotency-Key`. */
const MAX_KEY_LENGTH = 128;

interface Stored {
  fingerprint: string;
  response: ApiResponse;
}

/** One `Idempotency-Key` as the sandbox received it, for tests that check the host forwards it. */
export interface ReceivedKey {
  method: string;
  path: string;
  key: string;
}

/**
 * TIDAL's `Idempotency-Key` on the mutations the spec documents it for: this sandbox requires it
 * (so a client that forgets it fails in tests, not in production), replays the stored answer
 * for a repeated key with the same payload, and answers 422 when the payload differs.
 */
export class IdempotencyStore {
  private readonly answers = new Map<string, Stored>();
  readonly received: ReceivedKey[] = [];

  /** Runs `handle` at most once per person and key; `undefined` from it means "no route". */
  run(request: ApiRequest, handle: () => ApiResponse | undefined): ApiResponse | undefined {
    const raw = request.headers?.['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined || key.trim() === '') {
      return tidalError(
        400,
        'The Idempotency-Key header is required for this request',
        'VALUE_MISSING',
      );
    }
    if (key.length > MAX_KEY_LENGTH)
      return tidalError(400, `Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`);
    this.received.push({ method: request.method, path: request.path, key });
    const slot = `${request.grant.person}\u0000${key}`;
    const fingerprint = JSON.stringify([request.method, request.path, request.body ?? null]);
    const stored = this.answers.get(slot);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return tidalError(
          422,
          'Idempotency key reused with a different payload',
          'IDEMPOTENT_REQUEST_PAYLOAD_MISMATCH',
        );
      }
      return structuredClone(stored.response);
    }
    const response = handle();
    // Only changes that happened are remembered: a refused request may be fixed and sent again.
    if (response && response.status >= 200 && response.status < 300) {
      this.answers.set(slot, { fingerprint, response: structuredClone(response) });
    }
    return response;
  }
}
