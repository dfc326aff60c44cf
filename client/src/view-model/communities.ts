/**
 * Community colours and names. Colours are handed out by community size in the loaded graph, so the biggest
 * communities get distinct colours from one palette of well-separated hues (Kelly's colours of maximum
 * contrast) and no two communities share one; those beyond the palette are grey. Names are the community's top
 * concepts by rank ("Ceph · OSD · CRUSH").
 */
import { communitiesBySize } from './filters.js';

export const communityPalette = [
  '#0067a5', '#f38400', '#be0032', '#008856', '#875692', '#f3c300', '#a1caf1', '#e68fac', '#8db600', '#882d17',
  '#f99379', '#604e97', '#c2b280', '#b3446c', '#dcd300', '#e25822', '#654522', '#2b3d26', '#f6a600',
] as const;

export const otherCommunityColor = '#9aa0a6';

export interface CommunityNode {
  community?: number;
  rank?: number;
  label?: string;
}

/** Colours by community: existing ones keep theirs, new ones take the first free colours, largest first. */
export function assignCommunityColors(nodes: CommunityNode[], existing: ReadonlyMap<number, string> = new Map()): Map<number, string> {
  const colors = new Map(existing);
  const used = new Set(colors.values());
  const free = communityPalette.filter((color) => !used.has(color));
  for (const { community } of communitiesBySize(nodes)) {
    if (colors.has(community) || community < 0) continue;
    colors.set(community, free.shift() ?? otherCommunityColor);
  }
  return colors;
}

/** "Ceph · OSD · CRUSH": the community's top concepts by rank among `nodes`. */
export function communityName(nodes: CommunityNode[], community: number, size = 3): string {
  const top = nodes
    .filter((node) => node.community === community)
    .sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))
    .slice(0, size)
    .map((node) => node.label ?? '');
  return top.filter(Boolean).join(' · ') || `community ${community}`;
}
