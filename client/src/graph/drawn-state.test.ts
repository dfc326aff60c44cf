import { describe, expect, it } from 'vitest';
import type { PlacedLabel } from '../view-model/labels.js';
import { labelData, withLabelClasses } from './drawn-state.js';

const label = (side: PlacedLabel['side'], step = 0, dx = 0): PlacedLabel => ({ id: 'n', fontPx: 12, side, step, dx, box: { x1: 0, y1: 0, x2: 40, y2: 20 } });

describe('a planned label on a node', () => {
  it('keeps its size on screen: the font in graph units is the planned px over the zoom', () => {
    expect(labelData(label('bottom'), 2)).toEqual({ fontSize: 6, outline: 1, labelShift: 0, labelShiftX: 0 });
  });

  it('moves a label the planner shifted by label heights and widths, upwards for a top label', () => {
    expect(labelData(label('top', 1, 0.5), 1)).toMatchObject({ labelShift: -20, labelShiftX: 20 });
  });

  it('replaces only the label classes, keeping the node kind', () => {
    expect(withLabelClasses(['kind-tool', 'no-label'], label('right'))).toEqual(['kind-tool', 'label-right']);
    expect(withLabelClasses(['kind-tool', 'label-top'], label('bottom'))).toEqual(['kind-tool']);
    expect(withLabelClasses(['kind-tool', 'label-top'], null)).toEqual(['kind-tool', 'no-label']);
  });
});
