import type { z } from 'zod';

/**
 * One GET whose answer is checked against `schema`, for whoever holds a way to send it: the
 * bridge's tools (through the broker) and the host's export for the window (through its proxy).
 * A failed answer or an unexpected shape becomes the caller's own error, with its sentence.
 */
export type JsonGet = <T extends z.ZodType>(
  path: string,
  query: Record<string, string>,
  schema: T,
  what: string,
) => Promise<z.infer<T>>;
