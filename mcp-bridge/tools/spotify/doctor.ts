import { z } from 'zod';
import { DoctorReport, describeDoctorReport } from '../../../protocol/doctor.js';
import { defineTool } from '../define-tool.js';

export const spotifyDoctor = defineTool({
  name: 'spotify_doctor',
  title: 'Check the Spotify connection',
  description:
    'Diagnoses the Spotify connection when something fails or before a long task: the account and whether it is Premium, granted vs needed scopes per permission group, when the login ends (Spotify logins last 6 months), whether Spotify is rate limiting, and which endpoints closed to new apps this registration can reach.',
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
