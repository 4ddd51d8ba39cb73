#!/usr/bin/env node
/*
 * Draws the add-in's icons and writes them as PNG files into assets/.
 *
 *   node scripts/make-icons.js [outDir]      (default: assets/)
 *
 * Uses only Node's built-in zlib: a tiny supersampling rasterizer (rectangles, polygons,
 * round-capped strokes, circles) and a minimal PNG encoder (RGBA, 8 bits, no interlace).
 * The PNGs are committed, so a build never needs to run this; run it again only when
 * the drawing changes, then look at the result.
 *
 * Icons:
 *   icon-{16,32,64,80,128}.png       the add-in: a page with a checklist (manifest IconUrl,
 *                                    HighResolutionIconUrl, ribbon group, "Mở bảng điều khiển")
 *   kiem-tra-{16,32,80}.png          ribbon button "Kiểm tra": a check mark in a circle
 *   xuat-bao-cao-{16,32,80}.png      ribbon button "Xuất báo cáo": a page with a download arrow
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// Colours: a sober "government" blue, a lighter blue for secondary strokes, white paper.
const BLUE = [0x1a, 0x4f, 0x9c, 255];
const LIGHT_BLUE = [0x8f, 0xae, 0xd8, 255];
const MID_BLUE = [0x5b, 0x84, 0xc4, 255];
const WHITE = [255, 255, 255, 255];

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of size*size*4, row-major. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- shapes (pixel coordinates)

function rect(x0, y0, x1, y1, color) {
  return { color, hit: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 };
}

/** Convex or concave polygon, even-odd rule. */
function polygon(points, color) {
  return {
    color,
    hit(x, y) {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}

function distToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A polyline of the given width with round caps and joins. */
function stroke(points, width, color) {
  return {
    color,
    hit(x, y) {
      for (let i = 1; i < points.length; i++) {
        if (distToSegment(x, y, points[i - 1], points[i]) <= width / 2) return true;
      }
      return false;
    },
  };
}

function circle(cx, cy, r, color) {
  return { color, hit: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

/** Paints the shapes in order (later on top), 8x8 samples per pixel. */
function render(size, shapes) {
  const SS = 8;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          for (let i = shapes.length - 1; i >= 0; i--) {
            if (shapes[i].hit(x, y)) {
              const c = shapes[i].color;
              r += c[0];
              g += c[1];
              b += c[2];
              a += 255;
              break;
            }
          }
        }
      }
      const n = SS * SS;
      const o = (py * size + px) * 4;
      if (a > 0) {
        // colours are opaque, so the average over covered samples is the un-premultiplied colour
        const covered = a / 255;
        out[o] = Math.round(r / covered);
        out[o + 1] = Math.round(g / covered);
        out[o + 2] = Math.round(b / covered);
        out[o + 3] = Math.round(a / n);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- drawings

/** Stroke width in whole pixels: 1 px at 16, 2 at 32, 4 at 64, 5 at 80, 8 at 128. */
function lineWidth(size) {
  return Math.max(1, Math.round(size / 16));
}

/**
 * A sheet of paper with a folded top-right corner, as outline + white inside + fold.
 * Edges sit on whole pixels so small sizes stay sharp.
 */
function page(size, box) {
  const w = lineWidth(size);
  const x0 = Math.round(box.x0 * size);
  const x1 = Math.round(box.x1 * size);
  const y0 = Math.round(box.y0 * size);
  const y1 = Math.round(box.y1 * size);
  const fold = Math.max(3, Math.round((x1 - x0) * 0.32));
  const outer = [
    [x0, y0],
    [x1 - fold, y0],
    [x1, y0 + fold],
    [x1, y1],
    [x0, y1],
  ];
  const d = w * Math.tan(Math.PI / 8); // inset of a 45° chamfer's endpoints
  const inner = [
    [x0 + w, y0 + w],
    [x1 - fold - d, y0 + w],
    [x1 - w, y0 + fold + d],
    [x1 - w, y1 - w],
    [x0 + w, y1 - w],
  ];
  const foldShape = polygon(
    [
      [x1 - fold, y0],
      [x1 - fold, y0 + fold],
      [x1, y0 + fold],
    ],
    BLUE,
  );
  return { shapes: [polygon(outer, BLUE), polygon(inner, WHITE), foldShape], x0, x1, y0, y1, w, fold };
}

/** The add-in icon: a page with a three-line checklist. */
function drawAddin(size) {
  const p = page(size, { x0: 0.16, x1: 0.84, y0: 0.06, y1: 0.94 });
  const shapes = [...p.shapes];
  const w = p.w;
  const left = p.x0 + w;
  const right = p.x1 - w;
  const innerW = right - left;
  if (size < 24) {
    // 16 px: no room for check marks. Pixel-aligned rows of "bullet + line" read as a list.
    const rows = [0.36, 0.57, 0.78].map((f) => Math.round(p.y0 + f * (p.y1 - p.y0)));
    for (const y of rows) {
      shapes.push(rect(left + 1, y, left + 2, y + 1, BLUE));
      shapes.push(rect(left + 3, y, right - 1, y + 1, MID_BLUE));
    }
    return shapes;
  }
  const rows = [0.36, 0.56, 0.76].map((f) => p.y0 + f * (p.y1 - p.y0));
  const check = innerW * 0.28; // width of a check mark
  const cx0 = left + innerW * 0.12;
  const lineX0 = cx0 + check + innerW * 0.12;
  const lineX1 = right - innerW * 0.12;
  for (const y of rows) {
    const h = check * 0.75;
    shapes.push(
      stroke(
        [
          [cx0, y - h * 0.05],
          [cx0 + check * 0.38, y + h * 0.38],
          [cx0 + check, y - h * 0.55],
        ],
        w * 1.1,
        BLUE,
      ),
    );
    shapes.push(
      stroke(
        [
          [lineX0, y],
          [lineX1, y],
        ],
        w,
        LIGHT_BLUE,
      ),
    );
  }
  return shapes;
}

/** "Kiểm tra": a white check mark in a solid blue disc. */
function drawCheck(size) {
  const c = size / 2;
  const r = size * 0.44;
  const w = Math.max(1.5, size * 0.11);
  return [
    circle(c, c, r, BLUE),
    stroke(
      [
        [size * 0.29, size * 0.52],
        [size * 0.44, size * 0.67],
        [size * 0.72, size * 0.36],
      ],
      w,
      WHITE,
    ),
  ];
}

/** "Xuất báo cáo": a page with lines and a blue badge holding a white down arrow. */
function drawExport(size) {
  const p = page(size, { x0: 0.1, x1: 0.72, y0: 0.04, y1: 0.86 });
  const shapes = [...p.shapes];
  const left = p.x0 + p.w;
  const right = p.x1 - p.w;
  if (size >= 24) {
    for (const f of [0.38, 0.54]) {
      const y = p.y0 + f * (p.y1 - p.y0);
      shapes.push(
        stroke(
          [
            [left + (right - left) * 0.15, y],
            [right - (right - left) * 0.15, y],
          ],
          p.w,
          LIGHT_BLUE,
        ),
      );
    }
  }
  const bc = size * 0.7;
  const br = size * 0.28;
  shapes.push(circle(bc, bc, br + Math.max(1, size / 32), WHITE)); // gap between page and badge
  shapes.push(circle(bc, bc, br, BLUE));
  const aw = Math.max(1.4, size * 0.085);
  shapes.push(
    stroke(
      [
        [bc, bc - br * 0.55],
        [bc, bc + br * 0.5],
      ],
      aw,
      WHITE,
    ),
  );
  shapes.push(
    stroke(
      [
        [bc - br * 0.45, bc + br * 0.05],
        [bc, bc + br * 0.5],
        [bc + br * 0.45, bc + br * 0.05],
      ],
      aw,
      WHITE,
    ),
  );
  return shapes;
}

const ICONS = [
  ...[16, 32, 64, 80, 128].map((size) => ({ file: `icon-${size}.png`, size, draw: drawAddin })),
  ...[16, 32, 80].map((size) => ({ file: `kiem-tra-${size}.png`, size, draw: drawCheck })),
  ...[16, 32, 80].map((size) => ({ file: `xuat-bao-cao-${size}.png`, size, draw: drawExport })),
];

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) {
    const png = encodePng(icon.size, render(icon.size, icon.draw(icon.size)));
    fs.writeFileSync(path.join(outDir, icon.file), png);
    console.log(`${path.join(outDir, icon.file)}  ${icon.size}x${icon.size}  ${png.length} B`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, ICONS };
