/**
 * Renders the toolbar icon (a magnifying lens over a highlighted bar) to PNG at the sizes the
 * stores require. Run once after changing the design: `npx tsx scripts/make-icons.ts`.
 * Hand-rolled so the project needs no image library.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const LENS: Rgba = [0, 114, 178, 255];
const HIGHLIGHT: Rgba = [230, 159, 0, 255];
const GLASS: Rgba = [255, 255, 255, 235];

/** Colour at a point of the 1x1 design space, or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const cx = 0.42, cy = 0.42, r = 0.3, ring = 0.085;
  const d = Math.hypot(x - cx, y - cy);
  // Handle: a capsule from the ring towards the bottom-right corner.
  if (distanceToSegment(x, y, 0.63, 0.63, 0.88, 0.88) < 0.07) return LENS;
  if (d <= r + ring / 2 && d >= r - ring / 2) return LENS;
  if (d < r - ring / 2) {
    if (Math.abs(y - cy) < 0.07 && Math.abs(x - cx) < 0.18) return HIGHLIGHT;
    return GLASS;
  }
  return null;
}

function distanceToSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1, dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          const a = c[3] / 255;
          acc[0]! += c[0] * a; acc[1]! += c[1] * a; acc[2]! += c[2] * a; acc[3]! += a;
        }
      }
      const alpha = acc[3]! / (samples * samples);
      const o = 1 + px * 4;
      if (acc[3]! > 0) {
        row[o] = Math.round(acc[0]! / acc[3]!);
        row[o + 1] = Math.round(acc[1]! / acc[3]!);
        row[o + 2] = Math.round(acc[2]! / acc[3]!);
      }
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  return png(size, deflateSync(Buffer.concat(rows), { level: 9 }));
}

function png(size: number, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(join(import.meta.dirname, `../public/icon/${size}.png`), render(size));
}
console.log('icons written to public/icon/');
