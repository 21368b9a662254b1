import * as z from 'zod';

/** What the host keeps per connected provider account, only ever inside a SecretStore. */
export const TokenSet = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  tokenType: z.string().default('Bearer'),
  /** Epoch milliseconds. */
  expiresAt: z.number().int(),
  obtainedAt: z.number().int(),
  scopes: z.array(z.string()),
});
export type TokenSet = z.infer<typeof TokenSet>;
