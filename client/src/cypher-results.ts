/**
 * The Cypher console's results: a table whose cells are drawn per type (nodes and relationships as chips that
 * select them in the graph and open the inspector, paths as chip chains, lists, maps, numbers, strings, null),
 * and a property inspector for the element last clicked. Everything goes in as text.
 */
import type { CypherResponse } from '../../common/contract.js';
import { button, el, replaceContent } from './dom.js';
import { cellText, classifyCell, nodeCaption, type Cell, type CellNode, type CellRelationship } from './view-model/cypher-cells.js';

export interface ResultActions {
  /** A node or relationship chip was clicked: select it in the graph (when it is there). */
  select(id: string): void;
}

const maxListItems = 20;

export class CypherResults {
  readonly table = el('div', { class: 'cypher-table-wrap', id: 'cypher-results', tabindex: '0', 'aria-label': 'Query results' });
  readonly inspector = el('aside', { class: 'cypher-inspector', id: 'cypher-inspector', 'aria-label': 'Properties of the clicked element' });

  constructor(private readonly actions: ResultActions) {}

  show(result: CypherResponse): void {
    const { rows, columns } = result;
    const head = el('tr', {}, ...columns.map((column) => el('th', { scope: 'col' }, column)));
    const body = rows.map((row) => el('tr', {}, ...row.map((value) => this.cellElement(classifyCell(value)))));
    this.table.replaceChildren(rows.length ? el('table', { class: 'cypher-table' }, el('thead', {}, head), el('tbody', {}, ...body)) : el('p', { class: 'meta' }, 'No rows.'));
    this.inspector.replaceChildren();
  }

  clear(): void {
    this.table.replaceChildren();
    this.inspector.replaceChildren();
  }

  private cellElement(cell: Cell): HTMLElement {
    const td = el('td', { class: `cell-${cell.kind}`, title: cellText(cell).slice(0, 500) });
    td.append(this.render(cell));
    return td;
  }

  private render(cell: Cell): Node {
    switch (cell.kind) {
      case 'null':
        return el('span', { class: 'cell-null' }, 'null');
      case 'boolean':
      case 'number':
        return el('span', { class: `cell-${cell.kind}` }, cell.kind === 'number' ? cell.value.toLocaleString('en') : String(cell.value));
      case 'string':
        return el('span', { class: 'cell-string' }, cell.value);
      case 'node':
        return this.nodeChip(cell.node);
      case 'relationship':
        return this.relationshipChip(cell.relationship);
      case 'path': {
        const chain = el('span', { class: 'cell-path' });
        cell.nodes.forEach((node, index) => {
          chain.append(this.nodeChip(node));
          const relationship = cell.relationships[index];
          if (relationship) chain.append(this.relationshipChip(relationship));
        });
        return chain;
      }
      case 'list': {
        const list = el('span', { class: 'cell-list' }, '[');
        cell.items.slice(0, maxListItems).forEach((item, index) => {
          if (index > 0) list.append(', ');
          list.append(this.render(item));
        });
        if (cell.items.length > maxListItems) list.append(`, … ${cell.items.length - maxListItems} more`);
        list.append(']');
        return list;
      }
      case 'map': {
        const map = el('span', { class: 'cell-map' });
        cell.entries.forEach(([key, item], index) => {
          if (index > 0) map.append(', ');
          map.append(el('span', { class: 'cell-key' }, `${key}: `), this.render(item));
        });
        return map;
      }
    }
  }

  private nodeChip(node: CellNode): HTMLElement {
    return button(nodeCaption(node), () => {
      this.actions.select(node.id);
      this.inspect(node.labels.map((label) => `:${label}`).join(''), node.properties);
    }, { class: 'chip node-chip', 'data-element-id': node.id, title: node.labels.join(', ') });
  }

  private relationshipChip(relationship: CellRelationship): HTMLElement {
    return button(`:${relationship.type}`, () => {
      this.actions.select(relationship.id);
      this.inspect(`[:${relationship.type}] ${relationship.source} → ${relationship.target}`, relationship.properties);
    }, { class: 'chip relationship-chip', 'data-element-id': relationship.id });
  }

  /** The inspector: every property of the clicked element, one row each. */
  inspect(title: string, properties: Record<string, unknown>): void {
    const rows = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
    replaceContent(
      this.inspector,
      el('h3', {}, title),
      rows.length
        ? el('dl', {}, ...rows.flatMap(([key, value]) => [el('dt', {}, key), el('dd', {}, cellText(classifyCell(value)))]))
        : el('p', { class: 'meta' }, 'No properties.'),
    );
  }
}
