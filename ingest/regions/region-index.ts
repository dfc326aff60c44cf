import type { RegionKind, TextRegion } from '../regions.js';

/**
 * Fast "is this span inside a region of these kinds?" for callers that ask once per mention: regions of each
 * kind merged where they overlap, then a binary search. `insideRegion` scans every region on each call.
 */
export interface RegionIndex {
  inside(start: number, end: number, kinds?: readonly RegionKind[]): boolean;
}

export function indexRegions(regions: readonly TextRegion[]): RegionIndex {
  const byKind = new Map<RegionKind, [number, number][]>();
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    const spans = byKind.get(region.kind) ?? [];
    const previous = spans.at(-1);
    if (previous && region.start < previous[1]) previous[1] = Math.max(previous[1], region.end);
    else spans.push([region.start, region.end]);
    byKind.set(region.kind, spans);
  }
  const within = (spans: [number, number][], start: number, end: number): boolean => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (spans[middle]![0] <= start) low = middle + 1;
      else high = middle - 1;
    }
    const candidate = spans[high];
    return candidate !== undefined && end <= candidate[1];
  };
  return {
    inside: (start, end, kinds) => [...(kinds ?? byKind.keys())].some((kind) => within(byKind.get(kind) ?? [], start, end)),
  };
}
