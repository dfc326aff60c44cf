/**
 * Which node labels are drawn, and where: labels by importance, never overlapping. Pure: candidates come in
 * with positions on screen, the plan goes out. Labels keep one size on screen whatever the zoom (the view
 * divides by the zoom), so zooming in spreads nodes apart and lets more labels in: the top concepts are
 * labelled at the default zoom, the others fade in as room appears. A label that would overlap one of higher
 * rank tries the other three sides of its node, then is left out; a top label is never left out while the
 * screen has room for it (placeTop).
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

function within(box: Box, width: number, height: number): boolean {
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height;
}

function bodyBox(candidate: LabelCandidate): Box {
  const { x, y, radius } = candidate;
  return { x1: x - radius, y1: y - radius, x2: x + radius, y2: y + radius };
}

/**
 * Every place on screen a top label could still go when none near its node is free, nearest first: the label
 * box moved in half label heights and quarter label widths, wholly on screen. Only the few top labels are placed
 * before it, so short of a screen they crowd out, a top label is not left out for want of room. (The layout
 * normally gives it room right by its node, graph/layout/label-room.ts; this is for a user's pan and zoom.)
 */
function anywhere(candidate: LabelCandidate, fontPx: number, pad: number, width: number, height: number): Placement[] {
  const base = labelBox(candidate, fontPx, 'bottom', pad);
  const [w, h] = [base.x2 - base.x1, base.y2 - base.y1];
  const places: { placement: Placement; distance: number }[] = [];
  for (let dy = Math.ceil(-base.y1 / (h / 2)) * (h / 2); base.y1 + dy + h <= height; dy += h / 2) {
    for (let dx = Math.ceil(-base.x1 / (w / 4)) * (w / 4); base.x1 + dx + w <= width; dx += w / 4) {
      places.push({ placement: { side: 'bottom', step: dy / h, dx: dx / w }, distance: Math.hypot(dx, dy) });
    }
  }
  return places.sort((a, b) => a.distance - b.distance).map(({ placement }) => placement);
}

/** What placed labels leave taken: `all` holds labels, labelled bodies and obstacles; `labels` only labels. */
class LabelBoard {
  readonly all = new BoxGrid();
  readonly labels = new BoxGrid();
  readonly obstacles = new BoxGrid();
  readonly placed: PlacedLabel[] = [];

  constructor(obstacles: readonly Box[], readonly width: number, readonly height: number) {
    for (const obstacle of obstacles) {
      this.all.add(obstacle);
      this.obstacles.add(obstacle);
    }
  }

  /** Clear of labels and obstacles (labelled bodies may be touched). */
  free(box: Box): boolean {
    return !this.labels.collides(box) && !this.obstacles.collides(box);
  }

  /** Places the label at the first of `places` that `fits`; false when none does. */
  place(candidate: LabelCandidate, fontPx: number, pad: number, places: Iterable<Placement>, fits: (box: Box) => boolean): boolean {
    for (const { side, step, dx = 0 } of places) {
      const box = labelBox(candidate, fontPx, side, pad, step, dx);
      if (!fits(box)) continue;
      this.all.add(box);
      this.all.add(bodyBox(candidate));
      this.labels.add(box);
      this.placed.push({ id: candidate.id, fontPx, side, step, dx, box });
      return true;
    }
    return false;
  }
}

/**
 * A top label prefers a place near its node, wholly on screen and clear of labelled bodies too; then one clear of
 * labels only; then one the screen's edge cuts (its node is at the edge); then the nearest free place, unless
 * its node is under the legend or the edge, where the user could not see what the label names.
 */
function placeTop(board: LabelBoard, candidate: LabelCandidate, fontPx: number, pad: number): void {
  const { width, height } = board;
  if (board.place(candidate, fontPx, pad, far, (box) => within(box, width, height) && !board.all.collides(box))) return;
  if (board.place(candidate, fontPx, pad, far, (box) => within(box, width, height) && board.free(box))) return;
  if (board.place(candidate, fontPx, pad, far, (box) => onScreen(box, width, height) && board.free(box))) return;
  const body = bodyBox(candidate);
  if (within(body, width, height) && !board.obstacles.collides(body)) board.place(candidate, fontPx, pad, anywhere(candidate, fontPx, pad, width, height), (box) => board.free(box));
}

/**
 * Labelled nodes are drawn above the others (the view raises them), so a label must also stay clear of every
 * labelled node's body, and a node whose body would cover a label already placed goes unlabelled.
 */
export function planLabels(candidates: LabelCandidate[], options: LabelPlanOptions): PlacedLabel[] {
  const { topCount, topFontPx, fontPx, maxLabels, pad } = { ...labelDefaults, ...options };
  const ordered = [...candidates].sort((a, b) => Number(b.forced ?? false) - Number(a.forced ?? false) || b.rank - a.rank || a.id.localeCompare(b.id));
  const board = new LabelBoard(options.obstacles ?? [], options.width, options.height);
  ordered.forEach((candidate, index) => {
    if (board.placed.length >= maxLabels) return;
    if (candidate.x + candidate.radius < 0 || candidate.y + candidate.radius < 0 || candidate.x - candidate.radius > options.width || candidate.y - candidate.radius > options.height) return;
    const size = index < topCount ? topFontPx : fontPx;
    // A top concept is labelled even when its body touches a label placed before (only labels must never overlap).
    if (index < topCount || candidate.forced === true) placeTop(board, candidate, size, pad);
    else if (!board.labels.collides(bodyBox(candidate))) board.place(candidate, size, pad, near, (box) => onScreen(box, options.width, options.height) && !board.all.collides(box));
  });
  return board.placed;
}
