import * as z from 'zod';
import { DoctorReport, describeDoctorReport } from '../../../protocol/doctor.js';
import { defineTool } from '../define-tool.js';

export const spotifyDoctor = defineTool({
  name: 'spotify_doctor',
  title: 'Check the Spotify connection',
  description:
    'Check the Spotify connection: account, Premium, granted vs needed scopes, login end, rate limiting, restricted endpoints.',
  provider: 'spotify',
  // The host reads its own records and probes with the assistant's policy: no capability needed.
  scopes: [],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output: DoctorReport,
  async run(_input, context) {
    const report = await context.doctor('spotify');
    return { structured: report, text: describeDoctorReport(report) };
  },
});
