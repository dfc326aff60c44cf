/**
 * The Cytoscape stylesheet, built from a theme and the renderer mode. Node size, colour and shape come from
 * element data computed in elements.ts.
 */
import type { StylesheetJson } from 'cytoscape';
import { labelFont } from './label-metrics.js';

export type Theme = 'light' | 'dark';

interface ThemeColors {
  label: string;
  labelOutline: string;
  edge: string;
  typedEdge: string;
  selected: string;
  path: string;
}

const themes: Record<Theme, ThemeColors> = {
  light: { label: '#1f2328', labelOutline: '#ffffff', edge: '#b6bcc4', typedEdge: '#5b3cc4', selected: '#d63384', path: '#e8590c' },
  dark: { label: '#e6edf3', labelOutline: '#0d1117', edge: '#4a525c', typedEdge: '#b197fc', selected: '#f783ac', path: '#ffa94d' },
};

export function themeColors(theme: Theme): ThemeColors {
  return themes[theme];
}

export interface StyleOptions {
  webgl: boolean;
  /** Large graphs: every edge a haystack line (typed relations keep only their colour). */
  simpleEdges?: boolean;
  /** Large graphs: node labels from a higher zoom on. */
  sparseLabels?: boolean;
}

/**
 * WebGL mode draws edges as plain lines: no dashes, no edge labels, no bezier bundling, so typed relations
 * are told apart by colour and arrows only there. No style here is a function: Cytoscape re-runs those per
 * element on every style pass, while data mappers only read a field.
 */
export function buildStylesheet(theme: Theme, options: StyleOptions): StylesheetJson {
  const colors = themes[theme];
  const plain = options.webgl || options.simpleEdges === true;
  const fontFamily = labelFont;
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        label: 'data(displayLabel)',
        color: colors.label,
        'font-family': fontFamily,
        // Set per node by the label planner (view-model/labels.ts) to a constant size on screen.
        'font-size': 'data(fontSize)',
        'text-valign': 'bottom',
        // Only the planner's shift (a label moved out of a crowd), in graph units like every margin.
        'text-margin-y': 'data(labelShift)' as never,
        'text-margin-x': 'data(labelShiftX)' as never,
        'text-outline-color': colors.labelOutline,
        'text-outline-width': 'data(outline)',
        'min-zoomed-font-size': 0,
        'border-width': 0,
      },
    },
    // Labelled nodes above the rest, so no unlabelled node covers a label (the planner keeps labelled ones apart).
    { selector: 'node', style: { 'z-index': 10 } },
    { selector: 'node.no-label', style: { label: '', 'z-index': 1 } },
    { selector: 'node.label-top', style: { 'text-valign': 'top' } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right' } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': colors.edge,
        'curve-style': options.webgl ? 'straight' : 'haystack',
        opacity: 0.7,
      },
    },
    {
      selector: 'edge.typed',
      style: {
        'line-color': colors.typedEdge,
        'target-arrow-color': colors.typedEdge,
        'target-arrow-shape': options.simpleEdges ? 'none' : 'triangle',
        'curve-style': options.webgl ? 'straight' : options.simpleEdges ? 'haystack' : 'bezier',
        'line-style': plain ? 'solid' : 'dashed',
        // Edge labels only around the hovered or selected concept (class edge-label): a label per edge is noise.
        label: '',
        'font-size': 10,
        color: colors.typedEdge,
        'text-rotation': 'autorotate',
        'text-background-color': colors.labelOutline,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        opacity: 0.95,
      },
    },
    ...(plain ? [] : [{ selector: 'edge.edge-label', style: { label: 'data(displayLabel)' } }]),
    {
      selector: 'edge.other',
      style: { 'line-color': colors.edge, 'line-style': 'dotted', 'target-arrow-shape': 'none', 'curve-style': options.webgl ? 'straight' : 'haystack', opacity: 0.8 },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': colors.selected } },
    // Picked besides the selection (Shift/Ctrl/Cmd+click), e.g. the two concepts of a merge.
    { selector: 'node.picked', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': colors.selected } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': colors.label } },
    { selector: 'node.search-hit', style: { 'border-width': 4, 'border-color': colors.path } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.hover-dim', style: { opacity: 0.15, 'text-opacity': 0.25 } },
    { selector: 'node.hover-focus', style: { 'border-width': 3, 'border-color': colors.path } },
    { selector: 'edge.hover-edge', style: { opacity: 1, 'line-color': colors.path, 'target-arrow-color': colors.path } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.on-path', style: { 'border-width': 5, 'border-color': colors.path } },
    { selector: 'edge.on-path', style: { 'line-color': colors.path, 'target-arrow-color': colors.path, width: 5, opacity: 1 } },
    { selector: 'node.cypher-node', style: { 'background-color': '#868e96' } },
  ];
}
