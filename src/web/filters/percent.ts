/**
 * A share (0 to 1) as a whole percentage: 0.6667 → '67%'. Null, for a share of
 * nothing, reads 'no decisions' rather than a misleading 0%.
 */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return 'none to count';
  return `${Math.round(share * 100)}%`;
}
