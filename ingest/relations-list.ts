import type { LayoutLine, NoteLayout } from './discover-layout.js';
import type { ConceptHit } from './lexicon-matcher.js';
import { isFiller, wordsBetween, type RelationRules } from './relations-rules.js';
import type { Note, Relation } from './types.js';

/**
 * List and definition forms, in prose lists only (never config blocks):
 * - a heading line that names a concept and ends with a colon ("openstack基础组件："), then item lines whose
 *   label before the colon is exactly one concept ("Keystone: 认证服务"): each item is PART_OF the heading;
 * - an item's definition says what it is: "Swift: object storage" (IS_A when it is one concept) and
 *   "- nova-scheduler: 虚拟机的调度" (a cue in the definition, with the item as its subject).
 * A list whose values read like configuration (single tokens: numbers, paths, versions) states nothing.
 */
const heading = /[：:]\s*$/;
// An item has text after its label's colon; a line ending in a colon is a heading. Bullets may open it.
// The value is what follows the colon; a comment there (`apache-install:   ## …`) makes it a line of a config file.
const itemLabel = /^\s*(?:[-*•+]\s+|\d+[.)、]\s*)?([^:：\s][^:：]{0,40}?)\s*[:：](?!\/\/)\s*(?!#|\/\/)(\S.*)$/;
const configValue = /^[\w.:/@'"$%{}[\],=+-]+$/u;

interface Item {
  line: LayoutLine;
  /** The mentions on the item's line. */
  hits: ConceptHit[];
  label: ConceptHit | undefined;
  value: { start: number; end: number; text: string };
}

function itemOf(text: string, line: LayoutLine, hits: ConceptHit[]): Item | undefined {
  const match = itemLabel.exec(text.slice(line.start, line.end));
  if (!match) return undefined;
  const labelStart = line.start + match[0].indexOf(match[1]!);
  const labelEnd = labelStart + match[1]!.length;
  const valueStart = line.start + match[0].lastIndexOf(match[2]!);
  const inLabel = hits.filter((hit) => hit.start >= labelStart && hit.end <= labelEnd);
  const label = inLabel.length === 1 && inLabel[0]!.start === labelStart && inLabel[0]!.end === labelEnd ? inLabel[0] : undefined;
  return { line, hits, label, value: { start: valueStart, end: line.end, text: match[2]!.trim() } };
}

function definitionRelations(note: Note, item: Item, rules: RelationRules, evidence: string): Relation[] {
  const label = item.label!;
  const inValue = item.hits.filter((hit) => hit.start >= item.value.start && hit.end <= item.value.end);
  const found: Relation[] = [];
  // A reverse cue ("X: …包括Y", "X: used by Y") runs from what follows it to the item.
  const relation = (other: ConceptHit, type: Relation['type'], reverse = false) =>
    other.conceptId !== label.conceptId &&
    found.push({ source: reverse ? other.conceptId : label.conceptId, target: reverse ? label.conceptId : other.conceptId, type, weight: 1, evidence, noteId: note.id });
  const text = note.text;
  const only = inValue.length === 1 ? inValue[0]! : undefined;
  // "Swift: object storage": the definition is one concept, with at most an article before it.
  const lead = wordsBetween(rules, text.slice(item.value.start, only?.start ?? item.value.start));
  if (only && lead?.every((word) => word.tag === 'function' || word.tag === 'num') && text.slice(only.end, item.value.end).trim() === '') relation(only, 'IS_A');
  // Most values hold no cue at all: one scan with each pack's union of cues says so before every cue is tried.
  const anyCue = rules.anyCue.some(({ pattern }) => {
    pattern.lastIndex = 0;
    const holds = pattern.test(item.value.text);
    pattern.lastIndex = 0;
    return holds;
  });
  for (const compiled of anyCue ? rules.cues : []) {
    if (compiled.arrow || compiled.cue.mode === 'suffix') continue;
    compiled.pattern.lastIndex = 0;
    for (const match of item.value.text.matchAll(compiled.pattern)) {
      const at = item.value.start + match.index;
      // "Y的管理": the definition names what the item does to Y; "管理 Y": the object follows the cue.
      const before = inValue.filter((hit) => hit.end <= at).at(-1);
      const after = inValue.find((hit) => hit.start >= at + match[0].length);
      const gap = after ? wordsBetween(rules, text.slice(at + match[0].length, after.start)) : undefined;
      // "包括在队列中的时间": a preposition after the cue opens an adverbial; what follows is no object of it.
      const adverbial = gap?.[0] !== undefined && rules.prepositions.has(gap[0].text.toLowerCase());
      if (before && /^\s*的\s*$/.test(text.slice(before.end, at))) relation(before, compiled.cue.type, compiled.cue.reverse);
      else if (after && !before && !adverbial && isFiller(rules, text.slice(at + match[0].length, after.start), 'object')) relation(after, compiled.cue.type, compiled.cue.reverse);
    }
  }
  return found;
}

/**
 * The concept that heads a list: the last one before the colon, when nothing but words that name parts stand
 * between them ("openstack基础组件：", "仍以Nova为例:"); "ceph性能测试：" lists measures, not parts of Ceph.
 */
function listParent(note: Note, line: LayoutLine, inLine: readonly ConceptHit[], rules: RelationRules): ConceptHit | undefined {
  const last = inLine.at(-1);
  if (!last) return undefined;
  let gap = note.text.slice(last.end, line.end).replace(/[:：]\s*$/, '').replace(/[\s的)）"'`*_]+/g, ' ').trim().toLowerCase();
  for (const word of rules.listParentWords) gap = gap.split(word).join(' ');
  return gap.trim() === '' ? last : undefined;
}

function listsOf(note: Note, layout: NoteLayout, hits: ConceptHit[], rules: RelationRules): { parent: ConceptHit | undefined; headingLine: string; items: Item[] }[] {
  const lists: { parent: ConceptHit | undefined; headingLine: string; items: Item[] }[] = [];
  let current: (typeof lists)[number] | undefined;
  let hitIndex = 0;
  for (const line of layout.lines) {
    while (hitIndex < hits.length && hits[hitIndex]!.end <= line.start) hitIndex += 1;
    let end = hitIndex;
    while (end < hits.length && hits[end]!.start < line.end) end += 1;
    const inLine = hits.slice(hitIndex, end);
    const lineText = note.text.slice(line.start, line.end);
    if (line.kind !== 'prose' && line.kind !== 'heading') {
      current = undefined;
      continue;
    }
    if (heading.test(lineText)) {
      current = { parent: listParent(note, line, inLine, rules), headingLine: lineText.trim(), items: [] };
      lists.push(current);
      continue;
    }
    const item = itemOf(note.text, line, inLine);
    if (item) {
      if (!current) lists.push((current = { parent: undefined, headingLine: '', items: [] }));
      current.items.push(item);
    } else current = undefined;
  }
  return lists;
}

/** An item named after the list's head ("left join" under "join") is a kind of it, not a part. */
function kindOfItem(note: Note, item: ConceptHit, parent: ConceptHit): 'IS_A' | 'PART_OF' {
  const head = (hit: ConceptHit) => note.text.slice(hit.start, hit.end).trim().toLowerCase().split(/[\s-]+/).at(-1);
  return note.text.slice(item.start, item.end).trim().includes(' ') && head(item) === head(parent) ? 'IS_A' : 'PART_OF';
}

export function listRelations(note: Note, hits: ConceptHit[], layout: NoteLayout, rules: RelationRules): Relation[] {
  const found: Relation[] = [];
  for (const list of listsOf(note, layout, hits, rules)) {
    const configLike = list.items.filter((item) => configValue.test(item.value.text)).length;
    if (list.items.length === 0 || configLike * 2 >= list.items.length) continue;
    for (const item of list.items) {
      if (!item.label) continue;
      const lineText = note.text.slice(item.line.start, item.line.end).trim();
      const evidence = `${list.headingLine} ${lineText}`.trim().slice(0, 300);
      if (list.parent && item.label.conceptId !== list.parent.conceptId) {
        found.push({ source: item.label.conceptId, target: list.parent.conceptId, type: kindOfItem(note, item.label, list.parent), weight: 1, evidence, noteId: note.id });
      }
      found.push(...definitionRelations(note, item, rules, lineText.slice(0, 300)));
    }
  }
  return found;
}
