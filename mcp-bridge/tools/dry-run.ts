import * as z from 'zod';

/** Every write tool takes it: the tool checks its input and says what it would do, and stops. */
export const DryRun = z
  .boolean()
  .default(false)
  .describe('Only report what would change, without changing anything.');
