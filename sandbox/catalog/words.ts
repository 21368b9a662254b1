// Invented name parts. Combinations are meant to sound like music without naming anyone real.

export const FIRST_NAMES = [
  'Oriel', 'Tamsin', 'Juno', 'Casimir', 'Ilse', 'Marlow', 'Seren', 'Anouk', 'Bastien', 'Liesl',
  'Odalys', 'Rafferty', 'Wren', 'Esmé', 'Thaddeus', 'Nell', 'Soren', 'Ivo', 'Clementine', 'Dax',
  'Halcyon', 'Maelle', 'Quill', 'Rosalind', 'Tobiah', 'Vesna', 'Yara', 'Zephyrine', 'Ansel', 'Brisa',
] as const;

export const LAST_NAMES = [
  'Quorrow', 'Vexley', 'Ashgrove', 'Marrowby', 'Penhallow', 'Loxley-Reyes', 'Tindervale', 'Okonkwo-Hart',
  'Brightwater', 'Castellane', 'Duskmere', 'Fennimore', 'Galloway-Sun', 'Halloran', 'Ivesdale',
  'Kestrelbrook', 'Lindqvist-Moreau', 'Merriweather', 'Nightingale-Oduya', 'Osterfeld', 'Quenby',
  'Rookwood', 'Saltonstall', 'Thistlewood', 'Umberfield', 'Valcourt', 'Whitlock-Amari', 'Yarrowby',
] as const;

export const BAND_ADJECTIVES = [
  'Velvet', 'Paper', 'Hollow', 'Copper', 'Lantern', 'Gilded', 'Tidal', 'Quiet', 'Neon', 'Amber',
  'Glass', 'Wandering', 'Static', 'Crimson', 'Sleepless', 'Northern', 'Saltwater', 'Midnight',
  'Electric', 'Feral', 'Ivory', 'Borrowed', 'Silent', 'Dusty',
] as const;

export const BAND_NOUNS = [
  'Moths', 'Orchards', 'Cartographers', 'Satellites', 'Herons', 'Foxgloves', 'Lighthouses',
  'Antelopes', 'Comets', 'Ferrymen', 'Marigolds', 'Weathervanes', 'Owls', 'Harbours', 'Kites',
  'Pilgrims', 'Glaciers', 'Sparrows', 'Telegrams', 'Canyons', 'Lamplighters', 'Daydreams',
] as const;

export const SINGLE_WORD_ACTS = [
  'Solenne', 'Kaleidra', 'Vantablue', 'Mirrorlake', 'Oxbow', 'Brumelle', 'Tessaract', 'Lowfield',
  'Nimbra', 'Coralith', 'Fenwhistle', 'Quietude', 'Halvard', 'Ostrava Bloom', 'Sundial Club',
] as const;

export const TITLE_ADJECTIVES = [
  'Golden', 'Broken', 'Endless', 'Secret', 'Distant', 'Restless', 'Tender', 'Wild', 'Silver',
  'Fading', 'Burning', 'Hidden', 'Lonely', 'Open', 'Slow', 'Bright', 'Faraway', 'Quiet', 'Electric',
  'Summer', 'Winter', 'Paper', 'Honey', 'Cobalt', 'Scarlet', 'Midnight', 'Morning', 'Velvet',
] as const;

export const TITLE_NOUNS = [
  'Hearts', 'Rivers', 'Lights', 'Signals', 'Horizons', 'Letters', 'Gardens', 'Echoes', 'Mirrors',
  'Shadows', 'Tides', 'Wires', 'Bridges', 'Embers', 'Seasons', 'Windows', 'Engines', 'Feathers',
  'Postcards', 'Skylines', 'Lanterns', 'Oceans', 'Footsteps', 'Rooftops', 'Constellations', 'Harbour',
] as const;

export const PLACES = [
  'Lisbon', 'the Lowlands', 'Avenue Nine', 'the Harbour', 'Marrakech', 'the Fjord', 'Copper Street',
  'the Observatory', 'Kyoto Station', 'the Orchard', 'the Old Pier', 'Route 12', 'the Lighthouse',
  'Vale Park', 'the Quarry', 'Santa Brisa', 'the Foundry', 'Eastbrook',
] as const;

export const VERBS = [
  'Dancing', 'Falling', 'Running', 'Waiting', 'Drifting', 'Calling', 'Dreaming', 'Burning',
  'Sailing', 'Whistling', 'Counting', 'Chasing', 'Holding', 'Leaving',
] as const;

export const GENRES = [
  'dream pop', 'indie folk', 'synthwave', 'jazz fusion', 'alt-country', 'neo-soul', 'post-rock',
  'chamber pop', 'lo-fi house', 'art rock', 'bossa nova', 'ambient', 'garage rock', 'afrobeat',
  'baroque pop', 'trip hop',
] as const;

export const LABELS = [
  'Paper Lantern Records', 'Tindervale Sound', 'Northbound Audio', 'Quiet Harbour Music',
  'Cobalt Orchard', 'Satellite Hymn Recordings', 'Marrowby & Sons', 'Lowfield Editions',
] as const;

/** ISRC country codes and the registrant codes the sandbox pretends were issued there. */
export const ISRC_COUNTRIES = ['GB', 'US', 'SE', 'DE', 'NL', 'FR', 'CA', 'AU', 'NO', 'JP'] as const;

export const PLAYLIST_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Late Night Lanterns', 'Slow songs for the last train home.'],
  ['Rainy Day Reading', 'Soft and steady, for turning pages.'],
  ['Sunday Orchard', 'Bright acoustic mornings.'],
  ['Neon Commute', 'Synths and drum machines for the ride in.'],
  ['Harbour Lights', 'Big choruses by the water.'],
  ['Focus Foundry', 'Instrumentals and loops to work to.'],
  ['Kitchen Disco', 'Something to dance to while the pasta boils.'],
  ['Road Trip Postcards', 'Windows down, map unfolded.'],
  ['Fresh Finds: Sandbox', 'New releases from the sandbox catalogue.'],
  ['Quiet Storm Sessions', 'Neo-soul and late-night grooves.'],
];
