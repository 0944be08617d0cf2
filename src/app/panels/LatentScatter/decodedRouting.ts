/**
 * The worker answers every decode with one `latentDecoded` event; the scatter asks for two kinds
 * (the clicked plane point and the hovered image's code). The worker echoes x and y exactly, so
 * matching them tells which request an answer belongs to.
 */
export interface LatentPoint {
  x: number;
  y: number;
}

export interface DecodedPoint extends LatentPoint {
  image: Float32Array;
}

export interface DecodedImages {
  clicked: DecodedPoint | null;
  hovered: DecodedPoint | null;
}

export const NO_DECODED_IMAGES: DecodedImages = { clicked: null, hovered: null };

export function sameLatentPoint(a: LatentPoint | null, b: LatentPoint | null): boolean {
  return a !== null && b !== null && a.x === b.x && a.y === b.y;
}

export function routeDecoded(
  previous: DecodedImages,
  decoded: DecodedPoint | null,
  clickTarget: LatentPoint | null,
  hoverTarget: LatentPoint | null,
): DecodedImages {
  // A reset clears the store's point; the clicked image stays until the new model re-decodes it.
  if (!decoded) return previous;
  return {
    clicked: sameLatentPoint(clickTarget, decoded) ? decoded : previous.clicked,
    hovered: sameLatentPoint(hoverTarget, decoded) ? decoded : previous.hovered,
  };
}

/** The hover preview only shows an image decoded for the point under the pointer now. */
export function imageFor(target: LatentPoint | null, decoded: DecodedPoint | null): Float32Array | null {
  return sameLatentPoint(target, decoded) && decoded ? decoded.image : null;
}
