/** Label placement: labels keep their order along an axis and move apart until none overlaps (pixels). */

/**
 * The positions for labels wanted at `wanted` (pixels along one axis, any order), each at least `gap`
 * from the next and inside [min, max] where the room allows: first pushed apart away from `min`, then
 * pulled back from `max`. Returns the positions in the order of `wanted`.
 */
export function nudge(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((at, index) => ({ at, index })).sort((a, b) => a.at - b.at || a.index - b.index);
  const placed = order.map((o) => Math.min(Math.max(o.at, min), max));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  if (placed.length > 0 && placed[placed.length - 1]! > max) {
    placed[placed.length - 1] = max;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, i) => (out[o.index] = placed[i]!));
  return out;
}
