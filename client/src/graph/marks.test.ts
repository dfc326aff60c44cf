import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { Marks } from './marks.js';

/** A headless graph a–b–c and a count of the elements each style pass touched (Cytoscape emits 'style' per restyled element). */
function graph(): { cy: Core; restyled: () => string[] } {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { group: 'nodes', data: { id: 'a' } },
      { group: 'nodes', data: { id: 'b' } },
      { group: 'nodes', data: { id: 'c' } },
      { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
      { group: 'edges', data: { id: 'bc', source: 'b', target: 'c' } },
    ],
  });
  let touched: string[] = [];
  cy.on('style', (event) => touched.push(event.target.id()));
  return {
    cy,
    restyled: () => {
      const result = [...new Set(touched)].sort();
      touched = [];
      return result;
    },
  };
}

describe('marks on the graph', () => {
  it('leaving focus mode when nothing is faded restyles no element (a class call on every element restyled a whole graph)', () => {
    const { cy, restyled } = graph();
    const marks = new Marks(() => cy);
    marks.setFaded(null);
    marks.highlightPath([]);
    marks.showPicked([]);
    expect(restyled()).toEqual([]);
  });

  it('focus fades exactly what is not kept, and a new focus touches only what changes', () => {
    const { cy, restyled } = graph();
    const marks = new Marks(() => cy);
    marks.setFaded(['a', 'ab', 'b']);
    expect(cy.elements('.faded').map((element) => element.id()).sort()).toEqual(['bc', 'c']);
    restyled();
    marks.setFaded(['b', 'bc', 'c', 'ab']);
    expect(cy.elements('.faded').map((element) => element.id())).toEqual(['a']);
    expect(restyled()).toEqual(['a', 'bc', 'c']);
  });

  it('gives the selection to elements that arrive after it was set (a deep link while the graph is drawn in slices)', () => {
    const { cy } = graph();
    const marks = new Marks(() => cy);
    marks.showSelection('d', []);
    marks.highlightPath(['d']);
    cy.add({ group: 'nodes', data: { id: 'd' } });
    marks.reapply();
    expect(cy.getElementById('d').selected()).toBe(true);
    expect(cy.getElementById('d').hasClass('on-path')).toBe(true);
  });

  it('keeps typed edge labels of the selection while another concept is hovered', () => {
    const { cy } = graph();
    const marks = new Marks(() => cy);
    marks.showSelection('a', ['ab']);
    marks.setHover('c', ['b'], ['bc'], false);
    expect(cy.edges('.edge-label').map((edge) => edge.id()).sort()).toEqual(['ab', 'bc']);
    marks.setHover(null, [], [], false);
    expect(cy.edges('.edge-label').map((edge) => edge.id())).toEqual(['ab']);
  });
});
