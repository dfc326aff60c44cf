/**
 * A Cytoscape core for the explorer: renderer and rendering hints (init options, so a change means a new core),
 * the stylesheet, and gestures turned into the view's events.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { GraphViewEvents } from './graph-view-events.js';
import { rendererOptions, type RenderingHints } from './rendering.js';
import type { RendererMode } from './renderer-choice.js';
import { buildStylesheet, type Theme } from './style.js';

export function stylesheetFor(theme: Theme, mode: RendererMode, hints: RenderingHints): cytoscape.StylesheetJson {
  const { simpleEdges, sparseLabels } = hints;
  return buildStylesheet(theme, { webgl: mode === 'webgl', simpleEdges, sparseLabels });
}

export interface CoreSetup {
  container: HTMLElement;
  elements: ElementDefinition[];
  mode: RendererMode;
  hints: RenderingHints;
  theme: Theme;
}

/** `viewportMoved` runs on every viewport change (the view debounces it into onViewport). */
export function createCore(setup: CoreSetup, events: GraphViewEvents, viewportMoved: () => void): Core {
  const cy = cytoscape({
    container: setup.container,
    elements: setup.elements,
    style: stylesheetFor(setup.theme, setup.mode, setup.hints),
    layout: { name: 'preset' },
    // Cytoscape reads renderer options from the top level too; `webgl` equals renderer: { name: 'canvas', webgl }.
    ...rendererOptions(setup.hints, setup.mode === 'webgl'),
    wheelSensitivity: 0.3,
    minZoom: 0.02,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
  });
  const adding = (event: cytoscape.EventObject) => {
    const original = event.originalEvent as MouseEvent | undefined;
    return Boolean(original && (original.shiftKey || original.ctrlKey || original.metaKey));
  };
  cy.on('tap', 'node', (event) => events.onTap((event.target as NodeSingular).id(), adding(event)));
  cy.on('tap', (event) => {
    if (event.target === cy) events.onTap(null, adding(event));
  });
  cy.on('dbltap', 'node', (event) => events.onDoubleTap((event.target as NodeSingular).id()));
  // No hover while a button is down: panning or dragging across nodes must not restyle them.
  let pressed = false;
  cy.on('vmousedown', () => (pressed = true));
  cy.on('vmouseup', () => (pressed = false));
  cy.on('mouseover', 'node', (event) => {
    if (!pressed) events.onHover((event.target as NodeSingular).id());
  });
  cy.on('mouseout', 'node', () => {
    if (!pressed) events.onHover(null);
  });
  cy.on('dragfree', 'node', (event) => {
    const node = event.target as NodeSingular;
    events.onPositions({ [node.id()]: { ...node.position() } });
  });
  cy.on('viewport', viewportMoved);
  return cy;
}
