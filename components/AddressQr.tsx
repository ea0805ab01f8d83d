import { encode } from 'uqr';

/**
 * An address as a QR code, drawn as SVG rectangles from the encoder's module matrix: no HTML
 * strings, no network. Error correction M survives a smudged screen; the quiet zone is 4
 * modules, as scanners expect.
 */
export function AddressQr({ value, size = 200, testId }: { value: string; size?: number; testId?: string }) {
  const { data } = encode(value, { ecc: 'M', border: 4 });
  const cells = data.length;
  const path = data
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
    .filter(Boolean)
    .join('');
  return (
    <svg
      viewBox={`0 0 ${cells} ${cells}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label={`QR code of ${value}`}
      data-testid={testId}
      data-value={value}
    >
      <rect width={cells} height={cells} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
