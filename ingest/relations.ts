import type { ConceptHit } from './lexicon-matcher.js';
import { listRelations } from './relations-list.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { Note, Relation, RelationType } from './types.js';

/**
 * Typed relations from sentence patterns in Chinese and English. A cue word (使用, uses, 路由到 …) relates the
 * mention right before it to the mention right after it, and only when the sentence really says so: both
 * mentions sit in the cue's clause, and only filler words (adverbs, auxiliaries, articles, measure words)
 * separate them from the cue. "Nova API 是访问、使用 Nova 各组件服务" has more than filler between Nova API and
 * 使用, so it states nothing. In the 将/把 construction the subject is the mention before 将/把 ("PasteDeploy 将
 * HTTP 请求路由到具体的 WSGI Application"). "Suffix" cues close a phrase: X 是 Y 的核心 (X PART_OF Y).
 */
interface Cue {
  type: RelationType;
  pattern: RegExp;
  mode: 'forward' | 'suffix';
  /** "X is used by Y": the relation runs from Y to X. */
  reverse?: boolean;
  /** 保存在 … 中: when the clause closes the place with 中/里/内, the target is the mention right before it. */
  locative?: boolean;
}

const cues: Cue[] = [
  { type: 'BASED_ON', pattern: /基于|\bbased on\b|\bbuilt on\b/gi, mode: 'forward' },
  { type: 'PART_OF', pattern: /隶属于|属于|\bis (?:a )?part of\b|\bbelongs to\b/gi, mode: 'forward' },
  { type: 'PART_OF', pattern: /的核心|的组件|的一部分|的子模块|的模块/g, mode: 'suffix' },
  { type: 'USES', pattern: /\bis used by\b|\bused by\b/gi, mode: 'forward', reverse: true },
  { type: 'USES', pattern: /用的就是|使用了?|利用|采用|\buses\b|\buse\b|\busing\b|\butilizes\b/gi, mode: 'forward' },
  // An arrow in a chain (a -> b -> c), not one end of a double arrow (a <----> b).
  { type: 'CALLS', pattern: /调用|\bcalls\b|\binvokes\b|(?<![<-])-{1,2}>(?!-)/gi, mode: 'forward' },
  { type: 'ROUTES_TO', pattern: /路由到|路由给|映射到|转发到|转发给|分发到|\broutes? to\b|\bdispatch(?:es)? to\b|\bmaps? to\b|\bforwards? to\b/gi, mode: 'forward' },
  { type: 'MANAGES', pattern: /管理|\bmanages\b/gi, mode: 'forward' },
  { type: 'STORES_IN', pattern: /保存在|保存到|存储在|存储到|存放在|存到|\bstored in\b|\bstores? (?:\w+ )?in\b/gi, mode: 'forward', locative: true },
  { type: 'IS_A', pattern: /(?:是一种|是一个|(?<!用的)就是)(?!使用|用|为了|指|在)|\bis an?\b/gi, mode: 'forward' },
];

// What may stand between subject and cue ("ceph OSD 均使用了 crush", "wsgi server 会调用 …") …
const subjectFiller = /^(?:\s|都|也|均|就|则|会|将|可以|能|要|需要|主要|直接|通常|一般|是|还|已经|一种|一个|用来|用于|负责|来|去|\b(?:is|are|was|were|be|been|also|then|typically|usually|mainly|directly|now|only|can|could|will|would|may|might|must|should|does|do)\b)*$/i;
// … and between cue and object ("使用了一个 …", "uses the …"). Anything else means the sentence says more.
const objectFiller = /^(?:\s|了|的|一个|一种|一些|这个|那个|该|相应的?|具体的?|对应的?|内置的?|到|给|在|于|叫做|称为|名为|\b(?:the|a|an|its|their|our|this|that|these|those|each|every|all|some)\b)*$/i;
const clauseBreak = /[，,；;：:（）()！？!?]/;
const maxEvidence = 300;

function evidenceOf(sentence: Sentence): string {
  return sentence.text.length > maxEvidence ? `${sentence.text.slice(0, maxEvidence - 1)}…` : sentence.text;
}

/** [start, end) of the clause around `at` within the sentence: clause punctuation ends it on both sides. */
function clauseAround(text: string, sentence: Sentence, at: number, end: number): [number, number] {
  let start = at;
  while (start > sentence.start && !clauseBreak.test(text[start - 1]!)) start -= 1;
  let stop = end;
  while (stop < sentence.end && !clauseBreak.test(text[stop]!)) stop += 1;
  return [start, stop];
}

function subjectOf(text: string, before: ConceptHit[], cueStart: number): ConceptHit | undefined {
  const nearest = before.at(-1);
  if (nearest && subjectFiller.test(text.slice(nearest.end, cueStart))) return nearest;
  // "X 将 Y …路由到 Z": X is the subject when only filler precedes 将/把 and the 将/把 object is short.
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const candidate = before[i]!;
    const between = text.slice(candidate.end, cueStart);
    const marker = between.search(/[将把]/);
    if (marker >= 0 && subjectFiller.test(between.slice(0, marker)) && between.length - marker <= 16) return candidate;
  }
  return undefined;
}

function objectOf(text: string, cue: Cue, after: ConceptHit[], cueEnd: number, clauseEnd: number): ConceptHit | undefined {
  const nearest = after[0];
  if (!nearest || !objectFiller.test(text.slice(cueEnd, nearest.start))) return undefined;
  // "Linux rbd 驱动": a mention directly followed by another one only modifies it.
  const next = after[1];
  if (next && next.start - nearest.end <= 1) return undefined;
  if (cue.locative) {
    const close = text.slice(cueEnd, clauseEnd).search(/[中里内]/);
    if (close >= 0 && (nearest.end > cueEnd + close || text.slice(nearest.end, cueEnd + close).trim() !== '')) return undefined;
  }
  return nearest;
}

function pairFor(text: string, cue: Cue, hits: ConceptHit[], at: number, end: number, clause: [number, number]): [ConceptHit, ConceptHit] | undefined {
  const inClause = hits.filter((hit) => hit.start >= clause[0] && hit.end <= clause[1]);
  const before = inClause.filter((hit) => hit.end <= at);
  if (cue.mode === 'suffix') {
    const whole = before.at(-1);
    const part = whole ? before.filter((hit) => hit.end <= whole.start).at(-1) : undefined;
    if (!whole || !part || text.slice(whole.end, at).trim() !== '') return undefined;
    return /^\s*(?:是|为|作为|is|are)\s*$/i.test(text.slice(part.end, whole.start)) ? [part, whole] : undefined;
  }
  const x = subjectOf(text, before, at);
  const y = objectOf(text, cue, inClause.filter((hit) => hit.start >= end), end, clause[1]);
  return x && y ? [x, y] : undefined;
}

function relationsInSentence(note: Note, sentence: Sentence, hits: ConceptHit[]): Relation[] {
  const found: Relation[] = [];
  for (const cue of cues) {
    for (const match of sentence.text.matchAll(cue.pattern)) {
      const at = sentence.start + match.index;
      const end = at + match[0].length;
      const pair = pairFor(note.text, cue, hits, at, end, clauseAround(note.text, sentence, at, end));
      if (!pair) continue;
      const [source, target] = cue.reverse ? [pair[1], pair[0]] : pair;
      if (source.conceptId === target.conceptId) continue;
      found.push({ source: source.conceptId, target: target.conceptId, type: cue.type, weight: 1, evidence: evidenceOf(sentence), noteId: note.id });
    }
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
  relations.push(...listRelations(note, sorted, maxEvidence));
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
