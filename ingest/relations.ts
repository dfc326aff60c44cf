import type { ConceptHit } from './lexicon-matcher.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { Note, Relation, RelationType } from './types.js';

/**
 * Typed relations from sentence patterns in Chinese and English. A trigger word sits between two concept
 * mentions; "forward" triggers read X trigger Y ("sonic 用的就是 supervisord"), "suffix" triggers close a
 * phrase X 是 Y 的核心 (X PART_OF Y). In the 将/把 construction the subject is the mention before 将/把
 * ("PasteDeploy 将 HTTP 请求路由到 WSGI Application").
 */
interface Trigger {
  type: RelationType;
  pattern: RegExp;
  mode: 'forward' | 'suffix';
  /** "X is used by Y": the relation runs from Y to X. */
  reverse?: boolean;
}

const triggers: Trigger[] = [
  { type: 'BASED_ON', pattern: /基于|\bbased on\b|\bbuilt on\b/gi, mode: 'forward' },
  { type: 'PART_OF', pattern: /隶属于|属于|\bis (?:a )?part of\b|\bbelongs to\b/gi, mode: 'forward' },
  { type: 'PART_OF', pattern: /的核心|的组件|的一部分|的子模块|的模块/g, mode: 'suffix' },
  { type: 'USES', pattern: /\bis used by\b|\bused by\b/gi, mode: 'forward', reverse: true },
  { type: 'USES', pattern: /用的就是|使用了?|利用|采用|\buses\b|\buse\b|\busing\b|\butilizes\b/gi, mode: 'forward' },
  { type: 'CALLS', pattern: /调用|\bcalls\b|\binvokes\b|->/gi, mode: 'forward' },
  { type: 'ROUTES_TO', pattern: /路由到|路由给|映射到|转发到|转发给|分发到|\broutes?\b|\bdispatch(?:es)? to\b|\bmaps? to\b|\bforwards? to\b/gi, mode: 'forward' },
  { type: 'MANAGES', pattern: /管理|\bmanages\b|\bmanaged by\b/gi, mode: 'forward' },
  { type: 'STORES_IN', pattern: /保存在|保存到|存储在|存储到|存放在|存到|\bstores?\b|\bstored in\b/gi, mode: 'forward' },
  { type: 'IS_A', pattern: /(?:是一种|是一个|(?<!用的)就是)(?!使用|用|为了|指|在)|\bis an?\b/gi, mode: 'forward' },
];

// A relation only holds between mentions close to the trigger: farther apart the sentence talks about more.
const maxGap = 40;
const maxEvidence = 300;

function evidenceOf(sentence: Sentence): string {
  return sentence.text.length > maxEvidence ? `${sentence.text.slice(0, maxEvidence - 1)}…` : sentence.text;
}

function subjectFor(text: string, before: ConceptHit[], triggerStart: number): ConceptHit | undefined {
  // "X 将 Y …路由到 Z": the subject is the mention right before 将/把, not the object after it.
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const candidate = before[i]!;
    if (triggerStart - candidate.end > maxGap) break;
    if (/^\s*[将把]/.test(text.slice(candidate.end, candidate.end + 4))) return candidate;
  }
  const nearest = before.at(-1);
  return nearest && triggerStart - nearest.end <= maxGap ? nearest : undefined;
}

function relationsInSentence(note: Note, sentence: Sentence, hits: ConceptHit[]): Relation[] {
  const found: Relation[] = [];
  const text = note.text;
  for (const trigger of triggers) {
    for (const match of sentence.text.matchAll(trigger.pattern)) {
      const at = sentence.start + match.index;
      const after = at + match[0].length;
      const before = hits.filter((hit) => hit.end <= at);
      let x: ConceptHit | undefined;
      let y: ConceptHit | undefined;
      if (trigger.mode === 'suffix') {
        y = before.at(-1);
        x = y ? before.filter((hit) => hit.end <= y!.start).at(-1) : undefined;
        if (!x || !y || at - x.end > maxGap * 2) continue;
      } else {
        x = subjectFor(text, before, at);
        y = hits.find((hit) => hit.start >= after);
        if (!x || !y || y.start - after > maxGap) continue;
      }
      if (trigger.type === 'IS_A' && (y.start - after > 12 || at - x.end > 12)) continue;
      const [source, target] = trigger.reverse ? [y, x] : [x, y];
      if (source.conceptId === target.conceptId) continue;
      found.push({ source: source.conceptId, target: target.conceptId, type: trigger.type, weight: 1, evidence: evidenceOf(sentence), noteId: note.id });
    }
  }
  return found;
}

/** "openstack基础组件：" followed by "Keystone: 认证服务" lines: each listed concept is PART_OF the heading's. */
function listRelations(note: Note, hits: ConceptHit[]): Relation[] {
  const found: Relation[] = [];
  const lines = note.text.split('\n');
  let offset = 0;
  let parent: ConceptHit | undefined;
  for (const line of lines) {
    const lineEnd = offset + line.length;
    const inLine = hits.filter((hit) => hit.start >= offset && hit.end <= lineEnd);
    if (/[：:]\s*$/.test(line) && inLine.length > 0) {
      parent = inLine[0];
    } else if (parent && /^\s*\S[^:：]{0,40}[:：]/.test(line) && inLine[0] && inLine[0].start - offset <= line.length - line.trimStart().length) {
      const child = inLine[0];
      if (child.conceptId !== parent.conceptId) {
        found.push({ source: child.conceptId, target: parent.conceptId, type: 'PART_OF', weight: 1, evidence: `${lines[lines.indexOf(line) - 1] ?? ''} ${line.trim()}`.trim().slice(0, maxEvidence), noteId: note.id });
      }
    } else if (line.trim() === '') {
      parent = undefined;
    }
    offset = lineEnd + 1;
  }
  return found;
}

/** Relations stated in one note. `hits` are the note's concept mentions in text order. */
export function extractRelations(note: Note, hits: ConceptHit[]): Relation[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const relations: Relation[] = [];
  for (const sentence of splitSentences(note.text)) {
    const inSentence = sorted.filter((hit) => hit.start >= sentence.start && hit.end <= sentence.end);
    if (inSentence.length >= 2) relations.push(...relationsInSentence(note, sentence, inSentence));
  }
  relations.push(...listRelations(note, sorted));
  return relations;
}

/** One edge per (source, type, target): weight counts the notes that state it, evidence is the first. */
export function aggregateRelations(relations: Relation[]): Relation[] {
  const byKey = new Map<string, Relation & { notes: Set<string> }>();
  for (const relation of relations) {
    const key = `${relation.source}\u0000${relation.type}\u0000${relation.target}`;
    const existing = byKey.get(key);
    if (existing) existing.notes.add(relation.noteId);
    else byKey.set(key, { ...relation, notes: new Set([relation.noteId]) });
  }
  return [...byKey.values()].map(({ notes, ...relation }) => ({ ...relation, weight: notes.size }));
}
