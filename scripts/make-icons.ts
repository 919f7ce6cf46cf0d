/**
 * Writes the extension icons (icons/icon-<size>.png) without an image library:
 * a rounded dark tile with a lens ring and a handle, drawn per pixel and encoded as PNG with zlib.
 * Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128] as const;
const TILE = [23, 30, 43] as const; // dark slate
const LENS = [240, 185, 11] as const; // amber ring

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of a pixel by a shape, by 4x4 supersampling (smooth edges at 16 px). */
function coverage(inside: (x: number, y: number) => boolean, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function drawIcon(size: number): Buffer {
  const s = size;
  const radius = s * 0.22;
  const inTile = (x: number, y: number): boolean => {
    const cx = Math.min(Math.max(x, radius), s - radius);
    const cy = Math.min(Math.max(y, radius), s - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const lensX = s * 0.43, lensY = s * 0.43, outer = s * 0.27, ring = Math.max(1.2, s * 0.085);
  const inRing = (x: number, y: number): boolean => {
    const d = Math.hypot(x - lensX, y - lensY);
    return d <= outer && d >= outer - ring;
  };
  const inHandle = (x: number, y: number): boolean => {
    // a thick segment from the ring toward the bottom-right corner
    const ax = lensX + outer * 0.7, ay = lensY + outer * 0.7, bx = s * 0.8, by = s * 0.8;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= ring * 0.75;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < s; y++) {
    const row = Buffer.alloc(1 + s * 4); // filter byte 0, then RGBA
    for (let x = 0; x < s; x++) {
      const tile = coverage(inTile, x, y);
      const lens = coverage((a, b) => inTile(a, b) && (inRing(a, b) || inHandle(a, b)), x, y);
      const mix = tile > 0 ? lens / tile : 0;
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(TILE[c]! * (1 - mix) + LENS[c]! * mix);
      row[o + 3] = Math.round(tile * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(s, 0);
  header.writeUInt32BE(s, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('icons', { recursive: true });
for (const size of SIZES) writeFileSync(`icons/icon-${size}.png`, drawIcon(size));
console.log(`wrote ${SIZES.map((s) => `icons/icon-${s}.png`).join(', ')}`);
