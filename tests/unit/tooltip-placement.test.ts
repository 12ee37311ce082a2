/** Where the tooltip goes: a pure function of the mention's box, the tooltip's size and the viewport. */
import { describe, expect, it } from 'vitest';
import { GAP, MARGIN, MIN_HEIGHT, placeTooltip } from '@/src/ui/tooltip/tooltip-placement';

const viewport = { width: 1000, height: 800 };
const mention = (top: number, left = 100, height = 20) => ({ top, bottom: top + height, left });

describe('placeTooltip', () => {
  it('goes below the mention when it fits', () => {
    expect(placeTooltip(mention(100), { width: 300, height: 200 }, viewport)).toEqual({ top: 120 + GAP, left: 100, maxHeight: null });
  });

  it('goes above when only the space above fits it', () => {
    expect(placeTooltip(mention(600), { width: 300, height: 300 }, viewport)).toEqual({ top: 600 - GAP - 300, left: 100, maxHeight: null });
  });

  it('takes the roomier side, capped to it, when neither fits, and never covers the mention', () => {
    const below = placeTooltip(mention(200), { width: 300, height: 900 }, viewport);
    expect(below.maxHeight).toBe(800 - 220 - GAP - MARGIN);
    expect(below.top).toBe(220 + GAP);
    const above = placeTooltip(mention(600), { width: 300, height: 900 }, viewport);
    expect(above.maxHeight).toBe(600 - GAP - MARGIN);
    expect(above.top + above.maxHeight!).toBeLessThanOrEqual(600 - GAP);
  });

  it('never caps below a readable height', () => {
    const tight = placeTooltip(mention(40, 100, 720), { width: 300, height: 400 }, viewport);
    expect(tight.maxHeight).toBe(MIN_HEIGHT);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeTooltip(mention(100, 900), { width: 300, height: 100 }, viewport).left).toBe(1000 - 300 - MARGIN);
    expect(placeTooltip(mention(100, -50), { width: 300, height: 100 }, viewport).left).toBe(MARGIN);
    // Wider than the window: pinned to the left margin.
    expect(placeTooltip(mention(100, 500), { width: 1200, height: 100 }, viewport).left).toBe(MARGIN);
  });

  it('stays inside the viewport vertically', () => {
    const placement = placeTooltip(mention(-100), { width: 300, height: 200 }, viewport);
    expect(placement.top).toBeGreaterThanOrEqual(MARGIN);
  });
});
