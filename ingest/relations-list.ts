import type { ConceptHit } from './lexicon-matcher.js';
import type { Note, Relation } from './types.js';

/**
 * List form of PART_OF: a heading line that names a concept and ends with a colon ("openstack基础组件："),
 * then item lines whose label before the colon is exactly one concept ("Keystone: 认证服务"). Each item is
 * PART_OF the heading's concept. A colon inside a URL or a command ("wget https://…") is not a label.
 */
const heading = /[：:]\s*$/;
// An item has text after its label's colon; a line ending in a colon is a heading.
const itemLabel = /^\s*([^:：\s][^:：]{0,40}?)\s*[:：](?!\/\/)\s*\S/;

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start });
    start += line.length + 1;
  }
  return lines;
}

/** The concept that a line's label consists of, if the label is exactly one mention. */
function labelConcept(line: Line, hits: ConceptHit[]): ConceptHit | undefined {
  const label = itemLabel.exec(line.text);
  if (!label) return undefined;
  const labelStart = line.start + label[0].indexOf(label[1]!);
  const labelEnd = labelStart + label[1]!.length;
  const inLabel = hits.filter((hit) => hit.start >= labelStart && hit.end <= labelEnd);
  return inLabel.length === 1 && inLabel[0]!.start === labelStart && inLabel[0]!.end === labelEnd ? inLabel[0] : undefined;
}

export function listRelations(note: Note, hits: ConceptHit[], maxEvidence: number): Relation[] {
  const found: Relation[] = [];
  let parent: { hit: ConceptHit; line: string } | undefined;
  for (const line of linesOf(note.text)) {
    const inLine = hits.filter((hit) => hit.start >= line.start && hit.end <= line.start + line.text.length);
    const child = labelConcept(line, hits);
    if (heading.test(line.text) && inLine.length > 0) {
      parent = { hit: inLine[0]!, line: line.text.trim() };
    } else if (parent && itemLabel.test(line.text)) {
      // An item whose label is not a known concept keeps the list going but states nothing.
      if (child && child.conceptId !== parent.hit.conceptId) {
        const evidence = `${parent.line} ${line.text.trim()}`.slice(0, maxEvidence);
        found.push({ source: child.conceptId, target: parent.hit.conceptId, type: 'PART_OF', weight: 1, evidence, noteId: note.id });
      }
    } else {
      parent = undefined;
    }
  }
  return found;
}
