// The web app manifest: what makes Rounds installable, opening on the field app's Today screen.
export const THEME_COLOR = '#0f6e6e';

export const ICONS = [
  {
    src: '/icons/icon-192.png',
    sizes: '192x192',
    type: 'image/png',
    purpose: 'any',
    size: 192,
    maskable: false,
  },
  {
    src: '/icons/icon-512.png',
    sizes: '512x512',
    type: 'image/png',
    purpose: 'any',
    size: 512,
    maskable: false,
  },
  {
    src: '/icons/icon-maskable-512.png',
    sizes: '512x512',
    type: 'image/png',
    purpose: 'maskable',
    size: 512,
    maskable: true,
  },
] as const;

export function webManifest() {
  return {
    id: '/field',
    name: 'Rounds — field',
    short_name: 'Rounds',
    description: 'Today’s route, provider cards and visit logging for physician liaisons, online or offline.',
    start_url: '/field',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    categories: ['business', 'medical', 'productivity'],
    icons: ICONS.map(({ src, sizes, type, purpose }) => ({ src, sizes, type, purpose })),
  };
}
