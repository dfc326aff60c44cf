/**
 * Runs fcose in a worker on a headless Cytoscape, so the page stays responsive however long the layout takes;
 * the page can stop it by terminating the worker.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutReply, LayoutRequest } from './layout-protocol.js';
import { seededRandom } from './seeded-random.js';

cytoscape.use(fcose);

function runLayout(request: LayoutRequest): LayoutReply {
  const started = performance.now();
  // This worker runs one layout and is terminated: replacing Math.random here touches nothing else, and makes
  // the same graph come out the same way every time.
  Math.random = seededRandom(request.seed);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...request.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, size: node.size }, position: node.fixed })),
      ...request.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge } })),
    ],
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  const fixed = request.nodes.flatMap((node) => (node.fixed ? [{ nodeId: node.id, position: node.fixed }] : []));
  const big = request.nodes.length > 2000;
  cy.layout({
    name: 'fcose',
    quality: request.quality,
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: () => 9000,
    nodeSeparation: 90,
    idealEdgeLength: () => 100,
    numIter: big ? 1200 : 2500,
    packComponents: true,
    fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
  } as cytoscape.LayoutOptions).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x, y };
  });
  cy.destroy();
  return { type: 'done', positions, ms: performance.now() - started };
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  let reply: LayoutReply;
  try {
    reply = runLayout(event.data);
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
