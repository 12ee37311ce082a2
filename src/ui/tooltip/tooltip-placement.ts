/**
 * Where the tooltip goes, as a pure function of the mention's box, the tooltip's size and the
 * viewport: below the mention when it fits, else above; when neither side fits, on the roomier
 * side with its height capped to that side, so it never covers the mention. Always inside
 * the viewport.
 */
export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The tooltip's height cap, or null when it shows whole. */
  maxHeight: number | null;
}

export const GAP = 6;
export const MARGIN = 8;
/** Below this a capped tooltip would be a slit; it may then overlap the page a little. */
export const MIN_HEIGHT = 120;

export function placeTooltip(mention: Box, tip: Size, viewport: Size): Placement {
  const spaceBelow = viewport.height - mention.bottom - GAP - MARGIN;
  const spaceAbove = mention.top - GAP - MARGIN;
  let top: number;
  let maxHeight: number | null = null;
  if (tip.height <= spaceBelow) top = mention.bottom + GAP;
  else if (tip.height <= spaceAbove) top = mention.top - GAP - tip.height;
  else if (spaceBelow >= spaceAbove) {
    maxHeight = Math.max(spaceBelow, MIN_HEIGHT);
    top = mention.bottom + GAP;
  } else {
    maxHeight = Math.max(spaceAbove, MIN_HEIGHT);
    top = mention.top - GAP - maxHeight;
  }
  const shownHeight = maxHeight === null ? tip.height : Math.min(tip.height, maxHeight);
  const left = Math.min(Math.max(MARGIN, mention.left), Math.max(MARGIN, viewport.width - tip.width - MARGIN));
  return { top: Math.max(MARGIN, Math.min(top, viewport.height - shownHeight - MARGIN)), left, maxHeight };
}
