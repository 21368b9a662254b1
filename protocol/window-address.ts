import { z } from 'zod';

/**
 * `tunebridge open`: a fresh one-time address for the running host's window, so a closed tab
 * never costs a restart (which would cut every assistant off). Control role only.
 */
const id = z.number().int().positive();

export const WindowOpenRequest = z.object({ type: z.literal('window.open'), id });

export const WindowOpenedResponse = z.object({
  type: z.literal('window.opened'),
  id,
  /** Works once, within 10 minutes; any earlier unused address stops working. */
  url: z.string().url(),
});
