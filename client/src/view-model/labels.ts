/**
 * Which node labels are drawn, and where: labels by importance, never overlapping. Pure: candidates come in
 * with positions on screen, the plan goes out. Labels keep one size on screen whatever the zoom (the view
 * divides by the zoom), so zooming in spreads nodes apart and lets more labels in: the top concepts are
 * labelled at the default zoom, the others fade in as room appears. A label that would overlap one of higher
 * rank tries the other three sides of its node, then is left out.
 */
export interface LabelCandidate {
  id: string;
  /** Node centre on screen (px) and its radius there. */
  x: number;
  y: number;
  radius: number;
  /** Label width on screen at a 1 px font (measured text width / font size). */
  widthPerPx: number;
  rank: number;
  /** Selected or hovered: labelled before anything else. */
  forced?: boolean;
}

export type LabelSide = 'bottom' | 'top' | 'right' | 'left';

/** Where a label may go: a side of its node, and how many label heights further out (top concepts only). */
interface Placement {
  side: LabelSide;
  step: number;
  /** Sideways, in label widths (top and bottom labels only). */
  dx?: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PlacedLabel {
  id: string;
  fontPx: number;
  side: LabelSide;
  /** Label heights moved away from the node (0: touching it; negative: towards the other side). */
  step: number;
  /** Label widths moved sideways. */
  dx: number;
  box: Box;
}

export interface LabelPlanOptions {
  width: number;
  height: number;
  /** This many of the highest ranked get the bigger font. */
  topCount?: number;
  topFontPx?: number;
  fontPx?: number;
  /** At most this many labels (big graphs: drawing text is what costs). */
  maxLabels?: number;
  /** Room left around each label (text outline, rounding). */
  pad?: number;
  /** Screen areas no label may cover (the legend). */
  obstacles?: Box[];
}

export const labelDefaults = { topCount: 20, topFontPx: 12, fontPx: 11, maxLabels: 160, pad: 4 } as const;

const sides: LabelSide[] = ['bottom', 'top', 'right', 'left'];
const near: Placement[] = sides.map((side) => ({ side, step: 0 }));
/** The top concepts also try one and two label heights further out before giving up. */
const far: Placement[] = [
  ...near,
  ...[1, -1, 2, -2, 3, -3].flatMap((step) => sides.map((side) => ({ side, step }))),
  ...[0.5, -0.5].flatMap((dx) => [0, 1, 2].flatMap((step) => (['bottom', 'top'] as const).map((side) => ({ side, step, dx })))),
];

export function labelBox(candidate: LabelCandidate, fontPx: number, side: LabelSide, pad: number, step = 0, dxWidths = 0): Box {
  const width = candidate.widthPerPx * fontPx + 2 * pad;
  const height = fontPx * 1.3 + 2 * pad;
  if (step !== 0 || dxWidths !== 0) {
    const shifted = labelBox(candidate, fontPx, side, pad);
    const dy = (side === 'top' ? -1 : 1) * step * height;
    const dx = dxWidths * width;
    return { x1: shifted.x1 + dx, y1: shifted.y1 + dy, x2: shifted.x2 + dx, y2: shifted.y2 + dy };
  }
  // The view draws the text flush with the node (no text margin); its outline reaches back over the node's edge,
  // so the padded box starts `pad` inside it.
  const gap = -pad;
  const { x, y, radius } = candidate;
  switch (side) {
    case 'bottom':
      return { x1: x - width / 2, y1: y + radius + gap, x2: x + width / 2, y2: y + radius + gap + height };
    case 'top':
      return { x1: x - width / 2, y1: y - radius - gap - height, x2: x + width / 2, y2: y - radius - gap };
    case 'right':
      return { x1: x + radius + gap, y1: y - height / 2, x2: x + radius + gap + width, y2: y + height / 2 };
    case 'left':
      return { x1: x - radius - gap - width, y1: y - height / 2, x2: x - radius - gap, y2: y + height / 2 };
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** A uniform grid over the screen, so each placement checks only the labels near it. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell = 80) {}

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let gx = Math.floor(box.x1 / this.cell); gx <= Math.floor(box.x2 / this.cell); gx += 1) {
      for (let gy = Math.floor(box.y1 / this.cell); gy <= Math.floor(box.y2 / this.cell); gy += 1) keys.push(`${gx},${gy}`);
    }
    return keys;
  }

  collides(box: Box): boolean {
    return this.keys(box).some((key) => (this.cells.get(key) ?? []).some((other) => overlaps(box, other)));
  }

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }
}

function onScreen(box: Box, width: number, height: number): boolean {
  return box.x2 > 0 && box.y2 > 0 && box.x1 < width && box.y1 < height;
}

function bodyBox(candidate: LabelCandidate): Box {
  const { x, y, radius } = candidate;
  return { x1: x - radius, y1: y - radius, x2: x + radius, y2: y + radius };
}

/**
 * Labelled nodes are drawn above the others (the view raises them), so a label must also stay clear of every
 * labelled node's body, and a node whose body would cover a label already placed goes unlabelled.
 */
export function planLabels(candidates: LabelCandidate[], options: LabelPlanOptions): PlacedLabel[] {
  const { topCount, topFontPx, fontPx, maxLabels, pad } = { ...labelDefaults, ...options };
  const ordered = [...candidates].sort((a, b) => Number(b.forced ?? false) - Number(a.forced ?? false) || b.rank - a.rank || a.id.localeCompare(b.id));
  // `grid` holds everything a label must avoid (labels, labelled bodies, obstacles); `labels` only the labels.
  const grid = new BoxGrid();
  const labels = new BoxGrid();
  const obstacles = new BoxGrid();
  for (const obstacle of options.obstacles ?? []) {
    grid.add(obstacle);
    obstacles.add(obstacle);
  }
  const placed: PlacedLabel[] = [];
  ordered.forEach((candidate, index) => {
    if (placed.length >= maxLabels) return;
    if (candidate.x + candidate.radius < 0 || candidate.y + candidate.radius < 0 || candidate.x - candidate.radius > options.width || candidate.y - candidate.radius > options.height) return;
    const top = index < topCount || candidate.forced === true;
    const size = index < topCount ? topFontPx : fontPx;
    const body = bodyBox(candidate);
    // A top concept is labelled even when its body touches a label placed before (only labels must never overlap).
    if (!top && labels.collides(body)) return;
    for (const { side, step, dx = 0 } of top ? far : near) {
      const box = labelBox(candidate, size, side, pad, step, dx);
      if (!onScreen(box, options.width, options.height) || (top ? labels.collides(box) || obstacles.collides(box) : grid.collides(box))) continue;
      grid.add(box);
      grid.add(body);
      labels.add(box);
      placed.push({ id: candidate.id, fontPx: size, side, step, dx, box });
      return;
    }
  });
  return placed;
}
