import * as z from 'zod';

// zod compiles object parsers with `new Function` when it can, and probes for that at the first
// parse; under the window's CSP (no 'unsafe-eval') the probe is refused and Chromium reports a
// violation even though zod catches it. Parsing without the compiler is plenty fast for answers.
z.config({ jitless: true });
