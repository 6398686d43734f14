// The app's two icons, drawn by code (Teams' app package rules,
// msteams-docs concepts/build-and-test/apps-package.md: a color icon of
// 192x192 pixels, and an outline icon of 32x32 pixels, white on a
// transparent background). The picture: a shield with an exclamation mark,
// "something went wrong with data, report it".
import { encodePng, type TImage } from "./png.ts";

export const ACCENT_COLOR = "#B03A2E";
const ACCENT = [0xb0, 0x3a, 0x2e] as const;

/** Whether a point (0..1 in both directions) lies inside the shield. */
function inShield(x: number, y: number): boolean {
  const top = 0.12;
  const shoulder = 0.45;
  const bottom = 0.9;
  const halfWidth = 0.34;
  const dx = Math.abs(x - 0.5);
  if (y < top || y > bottom) return false;
  if (y <= shoulder) return dx <= halfWidth;
  // From the shoulders the sides curve in to the point at the bottom.
  const t = (y - shoulder) / (bottom - shoulder);
  return dx <= halfWidth * Math.sqrt(Math.max(0, 1 - t * t));
}

/** Whether a point lies on the exclamation mark inside the shield. */
function inMark(x: number, y: number): boolean {
  const dx = Math.abs(x - 0.5);
  if (y >= 0.24 && y <= 0.58 && dx <= 0.055 * (1 - (y - 0.24) * 0.6)) return true;
  return Math.hypot(x - 0.5, y - 0.69) <= 0.062;
}

/** Anti-aliased by sampling each pixel on a 4x4 grid. */
function draw(size: number, colour: (inside: boolean, mark: boolean) => readonly [number, number, number, number]): TImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const shield = inShield(x, y);
          const rgba = colour(shield, shield && inMark(x, y));
          for (let c = 0; c < 4; c++) sum[c]! += rgba[c]!;
        }
      const at = (py * size + px) * 4;
      for (let c = 0; c < 4; c++) pixels[at + c] = Math.round(sum[c]! / (samples * samples));
    }
  return { width: size, height: size, pixels };
}

/** 192x192: a white shield with a red mark on the accent colour. */
export function colorIcon(): Buffer {
  return encodePng(draw(192, (inside, mark) => (mark ? [...ACCENT, 255] : inside ? [255, 255, 255, 255] : [...ACCENT, 255])));
}

/** 32x32: the shield in white on transparent, the mark cut out. */
export function outlineIcon(): Buffer {
  return encodePng(draw(32, (inside, mark) => (inside && !mark ? [255, 255, 255, 255] : [255, 255, 255, 0])));
}
