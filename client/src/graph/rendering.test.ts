import { describe, expect, it } from 'vitest';
import { hintsFor, hintsKey, largeGraphNodes, parseHints, rendererOptions } from './rendering.js';
import { buildStylesheet } from './style.js';

describe('rendering hints', () => {
  it('keeps the full look below the large-graph threshold', () => {
    expect(hintsKey(hintsFor(largeGraphNodes - 1))).toBe('none');
  });

  it('pans a bitmap and hides edges while the view moves on large graphs', () => {
    const hints = hintsFor(largeGraphNodes);
    expect(rendererOptions(hints, false)).toMatchObject({ textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1, motionBlur: false });
  });

  it('leaves small graphs at the screen pixel ratio', () => {
    expect(rendererOptions(hintsFor(10), false)).toMatchObject({ textureOnViewport: false, hideEdgesOnViewport: false, pixelRatio: 'auto' });
  });

  it.each([
    [null, null],
    ['', null],
    ['bogus', null],
    ['none', 'none'],
    ['texture', 'texture'],
    ['hideEdges,texture,bogus', 'texture,hideEdges'],
  ])('reads ?hints=%s as %s', (param, key) => {
    const hints = parseHints(param);
    expect(hints === null ? null : hintsKey(hints)).toBe(key);
  });

  it('asks the WebGL renderer for bigger batches only when told to', () => {
    expect(rendererOptions(parseHints('bigBatches')!, true)).toMatchObject({ webgl: true, webglBatchSize: 4096 });
    expect(rendererOptions(parseHints('bigBatches')!, false)).not.toHaveProperty('webglBatchSize');
  });
});

describe('large-graph stylesheet', () => {
  const rule = (simpleEdges: boolean, selector: string): Record<string, unknown> | undefined =>
    (buildStylesheet('light', { webgl: false, simpleEdges }) as unknown as { selector: string; style: Record<string, unknown> }[]).find((item) => item.selector === selector)?.style;
  const typedEdgeStyle = (simpleEdges: boolean): Record<string, unknown> => rule(simpleEdges, 'edge.typed')!;

  it('draws typed relations as dashed arrows in small graphs, labelled around the hovered or selected concept', () => {
    expect(typedEdgeStyle(false)).toMatchObject({ 'curve-style': 'bezier', 'line-style': 'dashed', label: '', 'target-arrow-shape': 'triangle' });
    expect(rule(false, 'edge.edge-label')).toEqual({ label: 'data(displayLabel)' });
    expect(rule(true, 'edge.edge-label')).toBeUndefined();
  });

  it('draws every edge as a plain haystack line in large graphs', () => {
    expect(typedEdgeStyle(true)).toMatchObject({ 'curve-style': 'haystack', 'line-style': 'solid', label: '', 'target-arrow-shape': 'none' });
  });

  it('uses no style functions (they run per element on every style pass)', () => {
    for (const rule of buildStylesheet('dark', { webgl: true, simpleEdges: true, sparseLabels: true }) as unknown as { style: Record<string, unknown> }[]) {
      for (const value of Object.values(rule.style)) expect(typeof value).not.toBe('function');
    }
  });
});
