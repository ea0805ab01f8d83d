// Reads the wallet's QR code back as a scanner would: the SVG's module path rasterised, then jsQR.
import jsQR from 'jsqr';

export function decodeQrPath(viewBox: string, path: string): string | undefined {
  const cells = Number(viewBox.split(' ')[2]);
  const scale = 8;
  const side = cells * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
  return jsQR(pixels, side, side)?.data;
}
