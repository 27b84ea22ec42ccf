// The build's PWA assets: manifest fields browsers require to install, and icons that are real PNGs
// of the declared size (pixels checked: corners transparent, centre of the ring white, body teal).
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconPng } from '../../src/web/pwa/icons';
import { ICONS, webManifest } from '../../src/web/pwa/manifest';

function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  let off = 8;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    if (png.toString('ascii', off + 4, off + 8) === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = (x: number, y: number) => [
    ...raw.subarray(y * (w * 4 + 1) + 1 + x * 4, y * (w * 4 + 1) + 5 + x * 4),
  ];
  return { w, h, px };
}

describe('PWA manifest and icons', () => {
  it('declares what installability needs', () => {
    const m = webManifest();
    expect(m).toMatchObject({ start_url: '/field', scope: '/', display: 'standalone', short_name: 'Rounds' });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
  });

  it.each(ICONS.map((i) => [i.src, i.size, i.maskable] as const))(
    '%s is a %i px PNG of the mark',
    (_src, size, maskable) => {
      const { w, h, px } = decode(iconPng(size, maskable));
      expect([w, h]).toEqual([size, size]);
      // Corner: transparent (rounded square) or teal (maskable, full bleed).
      expect(px(0, 0)).toEqual(maskable ? [0x0f, 0x6e, 0x6e, 255] : [0, 0, 0, 0]);
      // On the ring, to the right of the centre (radius 8.5 of 32): white.
      const ringX = Math.round(size / 2 + (8.5 / 32) * size * (maskable ? 0.8 : 1));
      expect(px(ringX, size / 2)).toEqual([255, 255, 255, 255]);
      // Between the centre and the ring: teal.
      expect(px(size / 2, size / 2)).toEqual([0x0f, 0x6e, 0x6e, 255]);
    },
  );
});
