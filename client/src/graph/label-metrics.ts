/** Label text widths, measured once per text with the font Cytoscape draws labels in (a 2D canvas). */
export const labelFont = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const referencePx = 100;
const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** Width of `text` at a 1 px font, in px. */
export function labelWidthPerPx(text: string): number {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  context ??= document.createElement('canvas').getContext('2d');
  let width = text.length * 0.6;
  if (context) {
    context.font = `${referencePx}px ${labelFont}`;
    width = context.measureText(text).width / referencePx;
  }
  cache.set(text, width);
  return width;
}
