/**
 * Generates the add-in icons in assets/ (pure Node: zlib + a small PNG encoder).
 *
 * The mark is an official notice (公文): a white page with a red header block,
 * the red rule under it, and grey text lines. The "一键生成通报" button icon adds
 * a blue round badge with a white lightning bolt.
 *
 * Run: npx tsx scripts/make-icons.ts   (writes assets/*.png; commit the result)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

type Rgb = readonly [number, number, number];

const RED: Rgb = [0xc8, 0x10, 0x2e];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const BORDER: Rgb = [0x60, 0x60, 0x60];
const TEXT: Rgb = [0x70, 0x70, 0x70];
const BLUE: Rgb = [0x0f, 0x6c, 0xbd];

/** A shape tests whether a point (in pixel coordinates) is inside it. */
interface Shape {
  color: Rgb;
  inside(x: number, y: number): boolean;
}

function rect(x0: number, y0: number, x1: number, y1: number, color: Rgb): Shape {
  return { color, inside: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 };
}

function circle(cx: number, cy: number, r: number, color: Rgb): Shape {
  return { color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

function polygon(points: ReadonlyArray<readonly [number, number]>, color: Rgb): Shape {
  return {
    color,
    inside(x, y) {
      // Even-odd rule.
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
      return inside;
    },
  };
}

/** Rasterises shapes (painter's order) into RGBA with 4×4 supersampling per pixel. */
function render(size: number, shapes: readonly Shape[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation over a transparent background.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const shape of shapes) {
        let hits = 0;
        for (let sy = 0; sy < ss; sy++) {
          for (let sx = 0; sx < ss; sx++) {
            if (shape.inside(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss)) hits++;
          }
        }
        if (hits === 0) continue;
        const c = hits / (ss * ss);
        r = shape.color[0] * c + r * (1 - c);
        g = shape.color[1] * c + g * (1 - c);
        b = shape.color[2] * c + b * (1 - c);
        a = c + a * (1 - c);
      }
      const o = (py * size + px) * 4;
      out[o] = a > 0 ? Math.round(r / a) : 0;
      out[o + 1] = a > 0 ? Math.round(g / a) : 0;
      out[o + 2] = a > 0 ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a * 255);
    }
  }
  return out;
}

/** The notice page: edges snapped to whole pixels so small sizes stay crisp. */
function noticeShapes(n: number): Shape[] {
  const p = (u: number): number => Math.round(u * n);
  const border = Math.max(1, Math.round(n / 32));
  const thin = Math.max(1, Math.round(n * 0.03));
  const line = Math.max(1, Math.round(n * 0.05));
  const shapes: Shape[] = [
    rect(p(0.125), p(0.0625), p(0.875), p(0.9375), BORDER),
    rect(p(0.125) + border, p(0.0625) + border, p(0.875) - border, p(0.9375) - border, WHITE),
    // Red header (the issuing office's name in red) and the red rule under it.
    rect(p(0.25), p(0.17), p(0.75), p(0.31), RED),
    rect(p(0.19), p(0.38), p(0.81), p(0.38) + thin, RED),
  ];
  // Text lines as [top, left, right]; the first is indented like a paragraph.
  const lines: Array<[number, number, number]> = [
    [0.5, 0.31, 0.75],
    [0.62, 0.25, 0.75],
    [0.74, 0.25, 0.6],
  ];
  for (const [top, left, right] of lines) {
    shapes.push(rect(p(left), p(top), p(right), p(top) + line, TEXT));
  }
  return shapes;
}

/** Notice page plus a blue badge with a white glyph ("generate"). */
function generateShapes(n: number): Shape[] {
  const shapes = noticeShapes(n);
  const small = n < 24;
  const cx = n * (small ? 0.69 : 0.72);
  const cy = n * (small ? 0.69 : 0.72);
  const r = n * (small ? 0.31 : 0.28);
  const ring = Math.max(1, n / 24);
  const s = r - ring;
  shapes.push(circle(cx, cy, r, WHITE), circle(cx, cy, s, BLUE));
  // Glyph in unit coordinates around the badge centre: a lightning bolt, or at
  // 16 px (where a bolt turns into a blur) a "run" triangle.
  const glyph: Array<[number, number]> = small
    ? [
        [-0.32, -0.55],
        [0.6, 0],
        [-0.32, 0.55],
      ]
    : [
        [0.12, -0.6],
        [-0.38, 0.1],
        [-0.02, 0.1],
        [-0.14, 0.62],
        [0.38, -0.12],
        [0.02, -0.12],
        [0.18, -0.6],
      ];
  shapes.push(polygon(glyph.map(([x, y]) => [cx + x * s, cy + y * s] as const), WHITE));
  return shapes;
}

// ---- PNG encoding -------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

// ---- main ---------------------------------------------------------------

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");
mkdirSync(outDir, { recursive: true });

const outputs: Array<[string, number, (n: number) => Shape[]]> = [
  ...[16, 32, 64, 80, 128].map((n) => [`icon-${n}.png`, n, noticeShapes] as [string, number, (n: number) => Shape[]]),
  ...[16, 32, 80].map((n) => [`generate-${n}.png`, n, generateShapes] as [string, number, (n: number) => Shape[]]),
];

for (const [name, size, shapes] of outputs) {
  const png = encodePng(size, size, render(size, shapes(size)));
  writeFileSync(join(outDir, name), png);
  console.log(`assets/${name}  ${size}×${size}  ${png.length} bytes`);
}
