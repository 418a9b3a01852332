// Draws the Teams app icons without any image tool: a white shield with a check mark (the watch that
// makes sure no report passes unnoticed). color.png 192x192 on the accent colour, outline.png 32x32
// white on transparent, as Teams asks. Pure Node: shapes by coverage (4x4 samples per pixel) and a
// minimal PNG encoder (zlib). Run: npx tsx scripts/app-icons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates: x, y in [-1, 1], y downwards.
function inShield(x: number, y: number, s: number): boolean {
  x /= s;
  y /= s;
  if (y < -0.72 || y > 0.86) return false;
  if (y <= 0.15) return Math.abs(x) <= 0.62 && !topNotch(x, y);
  const t = (y - 0.15) / 0.71;
  return Math.abs(x) <= 0.62 * (1 - t * t);
}
// A gentle dip in the middle of the shield's top edge.
function topNotch(x: number, y: number): boolean {
  return y < -0.72 + 0.1 * (1 - Math.min(1, Math.abs(x) / 0.62)) ** 2;
}
function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function inCheck(x: number, y: number, s: number, w: number): boolean {
  x /= s;
  y /= s;
  return distToSegment(x, y, -0.3, 0.02, -0.08, 0.25) < w || distToSegment(x, y, -0.08, 0.25, 0.32, -0.22) < w;
}

function draw(size: number, paint: (x: number, y: number) => RGBA): Buffer {
  const n = 4;
  return encodePng(size, size, (px, py) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const x = ((px + (i + 0.5) / n) / size) * 2 - 1;
        const y = ((py + (j + 0.5) / n) / size) * 2 - 1;
        const c = paint(x, y);
        acc[0] += c[0] * c[3];
        acc[1] += c[1] * c[3];
        acc[2] += c[2] * c[3];
        acc[3] += c[3];
      }
    const a = acc[3];
    return a === 0
      ? [0, 0, 0, 0]
      : [Math.round(acc[0] / a), Math.round(acc[1] / a), Math.round(acc[2] / a), Math.round(a / (n * n))];
  });
}

const ACCENT: RGBA = [0x1f, 0x5f, 0x8b, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

export function colorIcon(): Buffer {
  return draw(192, (x, y) => (inShield(x, y, 0.78) && !inCheck(x, y, 0.78, 0.085) ? WHITE : ACCENT));
}
export function outlineIcon(): Buffer {
  return draw(32, (x, y) => (inShield(x, y, 0.95) && !inCheck(x, y, 0.95, 0.1) ? WHITE : CLEAR));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  writeFileSync(`${dir}color.png`, colorIcon());
  writeFileSync(`${dir}outline.png`, outlineIcon());
  console.log('appPackage/color.png (192x192) and appPackage/outline.png (32x32) written');
}
