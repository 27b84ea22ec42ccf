// The app icons as PNG, drawn at build time (no binary files in the repo, no image tools): the Rounds
// mark — a teal rounded square with a white ring and a dot — anti-aliased by 4×4 supersampling.
import { deflateSync } from 'node:zlib';

const TEAL = [0x0f, 0x6e, 0x6e];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Which paint covers a point of the 32×32 design grid (same geometry as the shell's SVG brand). */
function paint(x: number, y: number, maskable: boolean): number[] | null {
  const ring = Math.hypot(x - 16, y - 16);
  const dot = Math.hypot(x - 16, y - 7.5);
  if (Math.abs(ring - 8.5) <= 1.5 || dot <= 3) return WHITE;
  if (maskable) return TEAL; // full bleed: the platform applies its own mask
  const r = 8;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return Math.hypot(x - cx, y - cy) <= r ? TEAL : null;
}

export function iconPng(size: number, maskable = false): Buffer {
  // Maskable icons keep the mark inside the 80% safe zone.
  const scale = maskable ? 0.8 : 1;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = ((px + (sx + 0.5) / S) / size - 0.5) / scale + 0.5;
          const v = ((py + (sy + 0.5) / S) / size - 0.5) / scale + 0.5;
          const inside = u >= 0 && u <= 1 && v >= 0 && v <= 1;
          const c = inside ? paint(u * 32, v * 32, maskable) : maskable ? TEAL : null;
          if (!c) continue;
          r += c[0]!;
          g += c[1]!;
          b += c[2]!;
          a++;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
