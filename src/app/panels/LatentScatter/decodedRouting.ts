/**
 * The worker answers every decode request with one `latentDecoded` event and echoes x and y
 * exactly, so an answer for an older click (the user clicked again meanwhile) can be told apart.
 */
export interface LatentPoint {
  x: number;
  y: number;
}

export interface DecodedPoint extends LatentPoint {
  image: Float32Array;
}

export function sameLatentPoint(a: LatentPoint | null, b: LatentPoint | null): boolean {
  return a !== null && b !== null && a.x === b.x && a.y === b.y;
}

/** The clicked point's image: the newest answer for the current click, else the one shown before. */
export function routeClicked(
  previous: DecodedPoint | null,
  decoded: DecodedPoint | null,
  clickTarget: LatentPoint | null,
): DecodedPoint | null {
  // A reset clears the store's point; the clicked image stays until the new model re-decodes it.
  if (!decoded) return previous;
  return sameLatentPoint(clickTarget, decoded) ? decoded : previous;
}
