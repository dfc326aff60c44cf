/** Where new nodes go when an expand adds them: rings around the node that was expanded, so nothing else moves. */
export interface Point {
  x: number;
  y: number;
}

const firstRingRadius = 110;
const ringGap = 70;
const firstRingSlots = 10;

/** Positions for `count` new nodes in rings of growing size around `center`. Deterministic. */
export function ringPositions(center: Point, count: number): Point[] {
  const positions: Point[] = [];
  let ring = 0;
  while (positions.length < count) {
    const slots = firstRingSlots * (ring + 1);
    const inRing = Math.min(slots, count - positions.length);
    const radius = firstRingRadius + ring * ringGap;
    // Offset every other ring by half a slot so rings do not line up into spokes.
    const offset = ring % 2 === 0 ? 0 : Math.PI / slots;
    for (let i = 0; i < inRing; i += 1) {
      const angle = offset + (2 * Math.PI * i) / inRing;
      positions.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    ring += 1;
  }
  return positions;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const directionVectors: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The neighbour an arrow key moves to: the one best aligned with the direction (cosine, ties broken by
 * distance), among those within 90° of it. Null when none lies that way.
 */
export function neighbourInDirection(from: Point, candidates: { id: string; position: Point }[], direction: Direction): string | null {
  const want = directionVectors[direction];
  let best: { id: string; score: number } | null = null;
  for (const candidate of candidates) {
    const dx = candidate.position.x - from.x;
    const dy = candidate.position.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cosine = (dx * want.x + dy * want.y) / distance;
    if (cosine <= 0) continue;
    const score = cosine * 1000 - distance / 1000;
    if (!best || score > best.score) best = { id: candidate.id, score };
  }
  return best?.id ?? null;
}

/** A square grid of `ids` centred on the origin: where nodes go when no layout result is available. */
export function gridPositions(ids: string[], spacing = 80): Record<string, Point> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const half = ((columns - 1) * spacing) / 2;
  const positions: Record<string, Point> = {};
  ids.forEach((id, index) => {
    positions[id] = { x: (index % columns) * spacing - half, y: Math.floor(index / columns) * spacing - half };
  });
  return positions;
}
