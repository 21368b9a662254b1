import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getJson } from './spotify-api.js';

const Me = z.object({
  id: z.string(),
  uri: z.string().optional(),
  display_name: z.string().nullable().optional(),
  email: z.string().optional(),
  country: z.string().optional(),
  product: z.string().optional(),
  followers: z.object({ total: z.number() }).optional(),
});

export const getProfile = defineTool({
  name: 'spotify_get_profile',
  title: 'Get my Spotify profile',
  description:
    'The connected Spotify account: name, user id, country, email and whether it is Premium (needed for playback control).',
  provider: 'spotify',
  scopes: ['user-read-private', 'user-read-email'],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output: z.object({
    id: z.string(),
    displayName: z.string(),
    email: z.string().optional(),
    country: z.string().optional(),
    product: z.string().optional(),
    premium: z.boolean(),
    followers: z.number().optional(),
  }),
  async run(_input, context) {
    const me = await getJson(context, '/v1/me', undefined, Me, 'read your profile');
    const structured = {
      id: me.id,
      displayName: me.display_name ?? me.id,
      email: me.email,
      country: me.country,
      product: me.product,
      premium: me.product === 'premium',
      followers: me.followers?.total,
    };
    const plan = structured.premium
      ? 'Premium'
      : `${me.product ?? 'unknown plan'} (playback control needs Premium)`;
    return {
      structured,
      text: `${structured.displayName} (spotify:user:${me.id}) · ${plan}${me.country ? ` · ${me.country}` : ''}${me.email ? ` · ${me.email}` : ''}`,
    };
  },
});
