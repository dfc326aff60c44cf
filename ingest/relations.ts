import { LineCursor, type LayoutLine, type NoteLayout } from './discover-layout.js';
import type { ConceptHit } from './lexicon-matcher.js';
import { listRelations } from './relations-list.js';
import { isFiller, isNegated, wordsBetween, type CompiledCue, type RelationRules } from './relations-rules.js';
import { hitsBySentence, splitSentences, type Sentence } from './sentences.js';
import type { Note, Relation } from './types.js';

export { relationRules } from './relations-rules.js';

/**
 * Typed relations from sentence structure, in every language the packs describe. A cue (uses, 使用, 路由到, ->)
 * relates a subject before it to an object after it when the text between each end and the cue is filler:
 * function words, adverbs, measure words, a short noun phrase — never a verb, a negation or a clause word.
 * So "InnoDB uses B+ tree", "Redis internally uses `epoll`" and "ceph osd 将自己的状态报告给 ceph monitor"
 * state a relation, and "Nova API 是访问、使用 Nova 各组件服务" does not. Suffix cues close a copula phrase
 * ("X 是 Y 的核心", "RabbitMQ is an AMQP broker"). Only prose lines count: headings, code, output, config and tables never.
 */
const maxEvidence = 300;
const clauseBreak = /[，,；;：:（）()！？!?、]/;

export function evidenceOf(text: string): string {
  return text.length > maxEvidence ? `${text.slice(0, maxEvidence - 1)}…` : text;
}

interface SentenceScan {
  text: string;
  sentence: Sentence;
  hits: ConceptHit[];
  rules: RelationRules;
  line: LayoutLine;
}

/** [start, end) of the clause around a cue: clause punctuation ends it on both sides. */
function clauseAround(scan: SentenceScan, at: number, end: number): [number, number] {
  const { text, sentence } = scan;
  let start = at;
  while (start > sentence.start && !clauseBreak.test(text[start - 1]!)) start -= 1;
  let stop = end;
  while (stop < sentence.end && !clauseBreak.test(text[stop]!)) stop += 1;
  return [start, stop];
}

/** An apposition between commas ("Redis, an in-memory store, uses epoll"): the subject is before it. */
function subjectBeforeApposition(scan: SentenceScan, clauseStart: number): ConceptHit | undefined {
  const { text } = scan;
  if (text[clauseStart - 1] !== ',' && text[clauseStart - 1] !== '，') return undefined;
  const previous = text.lastIndexOf(',', clauseStart - 2);
  const previousWide = text.lastIndexOf('，', clauseStart - 2);
  const appositionStart = Math.max(previous, previousWide);
  if (appositionStart < scan.sentence.start) return undefined;
  const apposition = text.slice(appositionStart + 1, clauseStart - 1).trim();
  if (!/^(?:a|an|the|one of|一个|一种|一款)\s/i.test(apposition) && !/^(?:一个|一种|一款)/.test(apposition)) return undefined;
  const candidate = scan.hits.filter((hit) => hit.end <= appositionStart).at(-1);
  return candidate && text.slice(candidate.end, appositionStart).trim() === '' ? candidate : undefined;
}

/**
 * The topic of a copula clause, when the cue stands inside its predicate: "rabbitmq是AMQP的一种基于Erlang的实现",
 * "RabbitMQ is an AMQP broker based on Erlang" — RabbitMQ is based on Erlang. Between the topic and the cue only
 * the copula, articles, measure words, 的 and nouns: no other verb.
 */
function topicOf(scan: SentenceScan, before: ConceptHit[], cueStart: number, clauseStart: number): ConceptHit | undefined {
  const topic = before[0];
  if (!topic || topic === before.at(-1) || scan.text.slice(clauseStart, topic.start).trim() !== '') return undefined;
  const words = wordsBetween(scan.rules, scan.text.slice(topic.end, cueStart));
  const first = words?.[0]?.text.toLowerCase();
  if (!words || first === undefined || !scan.rules.copulas.includes(first)) return undefined;
  return words.slice(1).every((word) => word.tag !== 'verb' && word.tag !== 'verbal' && !scan.rules.clauseBreakers.has(word.text.toLowerCase())) ? topic : undefined;
}

/** Whether the word right before a mention is a preposition: then it is in an adverbial, not the subject. */
function afterPreposition(scan: SentenceScan, clauseStart: number, hit: ConceptHit): boolean {
  const words = wordsBetween(scan.rules, scan.text.slice(Math.max(clauseStart, hit.start - 12), hit.start).replace(/^\S*?(?=\s|\p{Script=Han})/u, ''));
  const last = words?.at(-1)?.text.toLowerCase();
  return last !== undefined && scan.rules.prepositions.has(last);
}

/** Another cue between an end and this cue ("是一种基于CORD平台的"): that end belongs to the other cue. */
function cueBetween(scan: SentenceScan, from: number, to: number): boolean {
  if (to - from < 2) return false;
  const text = scan.text.slice(from, to);
  return scan.rules.anyCue.some(({ pattern }) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** Whether a verb stands between the clause start and a mention: then the mention is an object of that verb. */
function afterVerb(scan: SentenceScan, clauseStart: number, hit: ConceptHit, hits: ConceptHit[]): boolean {
  const previous = hits.filter((other) => other.end <= hit.start && other.start >= clauseStart).at(-1);
  const words = wordsBetween(scan.rules, scan.text.slice(previous ? previous.end : clauseStart, hit.start));
  return words?.some((word) => word.tag === 'verb') ?? false;
}

/**
 * "连接两个隔离的广播域就需要用到router", "Install Redis using Homebrew": a clause that opens with a verb has its
 * subject left out; the mention after that verb is its object. Verbs of instrument ("使用Libvirt管理KVM", "通过…")
 * keep the mention as the doer of the next verb.
 */
function objectOfLeadingVerb(scan: SentenceScan, clauseStart: number, candidate: ConceptHit, before: readonly ConceptHit[]): boolean {
  if (before[0] !== candidate) return false;
  const words = wordsBetween(scan.rules, scan.text.slice(clauseStart, candidate.start));
  const verb = words?.find((word) => word.tag === 'verb');
  return verb !== undefined && !scan.rules.instrumentVerbs.has(verb.text.toLowerCase());
}

function subjectOf(scan: SentenceScan, before: ConceptHit[], cueStart: number, clauseStart: number): ConceptHit | undefined {
  const { text, rules } = scan;
  const nearest = before.at(-1);
  if (!nearest) return subjectBeforeApposition(scan, clauseStart);
  const between = text.slice(nearest.end, cueStart);
  if (isNegated(rules, between)) return undefined;
  // "没有人会让网卡使用dhcp": a negation anywhere before the cue in its clause denies it (as a word, not inside 不同).
  const lead = wordsBetween(rules, text.slice(clauseStart, nearest.start).replace(/[^\p{L}\p{N}\s]+/gu, ' '));
  if (lead?.some((word) => rules.negations.includes(word.text.toLowerCase()))) return undefined;
  const beforeNearest = text.slice(Math.max(clauseStart, nearest.start - 3), nearest.start).trim();
  const markedObject = rules.objectMarkers.some((marker) => beforeNearest.endsWith(marker));
  // "AMQP的一种基于…": a mention followed by 的 modifies a later noun; it is not the subject.
  const possessor = between.trimStart().startsWith('的');
  const marksObject = rules.objectMarkers.some((marker) => between.includes(marker));
  if (!markedObject && !possessor && !marksObject) {
    // The nearest mention, or the one before it when the nearest sits in an adverbial ("Redis 在 Linux 上使用").
    for (const candidate of before.slice(-2).reverse()) {
      if (candidate !== nearest && !afterPreposition(scan, clauseStart, nearest)) break;
      if (afterPreposition(scan, clauseStart, candidate) || objectOfLeadingVerb(scan, clauseStart, candidate, before)) continue;
      if (isFiller(rules, text.slice(candidate.end, cueStart), 'subject') && !cueBetween(scan, candidate.end, cueStart)) return candidate;
    }
  }
  const topic = topicOf(scan, before, cueStart, clauseStart);
  if (topic) return topic;
  // "X 将 Y …路由到 Z": X is the subject when only filler precedes 将/把, the marked object is short, and X is not
  // itself the object of an earlier verb ("osd 加入集群并将自己的状态报告给 monitor": osd, not 集群).
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const candidate = before[i]!;
    const gap = text.slice(candidate.end, cueStart);
    for (const marker of rules.objectMarkers) {
      const at = gap.indexOf(marker);
      if (at < 0 || gap.length - at > 16 || isNegated(rules, gap) || !isFiller(rules, gap.slice(0, at), 'subject')) continue;
      if (!afterVerb(scan, clauseStart, candidate, before)) return candidate;
    }
  }
  return undefined;
}

/**
 * The head of a run of touching mentions after the cue ("ceph monitor"): its last mention — unless a Latin name
 * is followed by a Chinese class noun ("crush算法", "rbd驱动"), where the name is the thing and the noun its kind.
 */
function headOfRun(hits: ConceptHit[], first: number, text: string): ConceptHit {
  let index = first;
  while (index + 1 < hits.length && /^\s?$/.test(text.slice(hits[index]!.end, hits[index + 1]!.start))) index += 1;
  for (let k = index; k > first; k -= 1) {
    const head = text.slice(hits[k]!.start, hits[k]!.end);
    const before = text.slice(hits[k - 1]!.start, hits[k - 1]!.end);
    if (/^\p{Script=Han}+$/u.test(head) && /[A-Za-z]/.test(before)) index = k - 1;
    else break;
  }
  return hits[index]!;
}

function objectOf(scan: SentenceScan, compiled: CompiledCue, after: ConceptHit[], cueEnd: number, clauseEnd: number): ConceptHit | undefined {
  const { text, rules } = scan;
  const closers = compiled.cue.closers;
  if (closers) {
    // 保存在 … 中: the place is the mention right before the closing 中/里/内, across modifiers.
    const tail = text.slice(cueEnd, clauseEnd);
    const close = Math.min(...closers.map((closer) => tail.indexOf(closer)).filter((at) => at >= 0));
    if (Number.isFinite(close)) {
      const place = after.filter((hit) => hit.end <= cueEnd + close).at(-1);
      if (place && text.slice(place.end, cueEnd + close).trim() === '' && !isNegated(rules, tail.slice(0, close))) return place;
      return undefined;
    }
  }
  const nearest = after[0];
  if (!nearest || !isFiller(rules, text.slice(cueEnd, nearest.start), 'object') || cueBetween(scan, cueEnd, nearest.start)) return undefined;
  if (possessedBy(rules, text.slice(cueEnd, nearest.start))) return undefined;
  const head = headOfRun(after, 0, text);
  // "mysqlhotcopy 是一个 PERL 程序": what a thing is, is the whole compound (a Perl program), never its modifier.
  return modifiesNextWord(scan, head, compiled.cue.type === 'IS_A') ? undefined : head;
}

/**
 * "支持空间数据的存储": a noun and 的 right before the object say whose it is — the storage of spatial data, not
 * storage; the relation would be about a thing no mention names.
 */
function possessedBy(rules: RelationRules, gap: string): boolean {
  const words = wordsBetween(rules, gap);
  if (!words) return false;
  return words.some((word, index) => word.text === '的' && index > 0 && ['noun', 'verbal', 'propn'].includes(words[index - 1]!.tag) && !rules.objectFiller.has(words[index - 1]!.text));
}

/**
 * "a Ruby library", "a database toolkit": a mention directly followed by a noun of its own script modifies that
 * noun, which is the real object. A Latin name before a Chinese noun ("crush算法") is the thing itself.
 */
function modifiesNextWord(scan: SentenceScan, hit: ConceptHit, strict = false): boolean {
  const after = scan.text.slice(hit.end, hit.end + 24);
  const gap = /^[ \t]?/.exec(after)![0];
  const rest = after.slice(gap.length);
  const latinHit = /[A-Za-z]$/.test(scan.text.slice(hit.start, hit.end));
  if (latinHit && /^\p{Script=Han}/u.test(rest) && !strict) {
    // "crush算法来确定": the name and its class noun; "java程序代码段": a compound of nouns the name only modifies.
    const [first, second] = wordsBetween(scan.rules, (/^\p{Script=Han}+/u.exec(rest) ?? [''])[0]) ?? [];
    return first !== undefined && second !== undefined && first.tag === 'noun' && (second.tag === 'noun' || second.tag === 'verbal' || second.tag === 'num');
  }
  const next = wordsBetween(scan.rules, (/^[\p{L}\p{N}_-]+/u.exec(rest) ?? [''])[0])?.[0];
  return next !== undefined && (next.tag === 'noun' || next.tag === 'propn' || next.tag === 'verbal') && !scan.rules.functionWords.has(next.text.toLowerCase());
}

/** Suffix cues: "X 是 Y 的核心", "RabbitMQ is an AMQP broker" — both ends before the cue, a copula between. */
function suffixPair(scan: SentenceScan, before: ConceptHit[], cueStart: number): [ConceptHit, ConceptHit] | undefined {
  const { text, rules } = scan;
  const whole = before.at(-1);
  if (!whole || !isFiller(rules, text.slice(whole.end, cueStart), 'object')) return undefined;
  const part = before.filter((hit) => hit.end <= whole.start).at(-1);
  if (!part) return undefined;
  const between = text.slice(part.end, whole.start).trim().toLowerCase();
  const copula = rules.copulas.find((word) => between === word || (between.startsWith(word) && isFiller(rules, between.slice(word.length), 'object')));
  return copula !== undefined && !isNegated(rules, text.slice(part.end, whole.start)) ? [part, whole] : undefined;
}

function arrowAllowed(scan: SentenceScan, at: number, end: number): boolean {
  if (scan.line.kind !== 'prose') return false;
  // Arrows stand between names with spaces around them ("Nova API -> Nova"); `p->first` is code.
  return /\s/.test(scan.text[at - 1] ?? '') || /\s/.test(scan.text[end] ?? '');
}

interface CueMatch {
  compiled: CompiledCue;
  at: number;
  end: number;
}

/** Every cue match of a sentence: the union finds where a cue may start, the sticky cues say which and how long. */
export function cueMatches(rules: RelationRules, sentence: Sentence): CueMatch[] {
  const found: CueMatch[] = [];
  for (const { script, pattern, cues } of rules.anyCue) {
    if (!script.test(sentence.text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match; match = pattern.exec(sentence.text)) {
      for (const compiled of cues) {
        compiled.at.lastIndex = match.index;
        const at = compiled.at.exec(sentence.text);
        if (at) found.push({ compiled, at: sentence.start + match.index, end: sentence.start + match.index + at[0].length });
      }
      // Cues may overlap ("的一种基于Erlang的实现" holds 基于): go on from the next character, not the match end.
      pattern.lastIndex = match.index + 1;
    }
  }
  return found;
}

function relationsInSentence(note: Note, sentenceScan: SentenceScan): Relation[] {
  const found: Relation[] = [];
  const { sentence } = sentenceScan;
  for (const { compiled, at, end } of cueMatches(sentenceScan.rules, sentence)) {
    let scan = sentenceScan;
    if (compiled.arrow && !arrowAllowed(scan, at, end)) continue;
    // A cue whose first or last character is inside a Latin mention is part of a name ("Calls API"); a Chinese
    // compound that swallowed the cue ("请求路由到") is a segmentation accident: the cue wins. Suffix cues may span names.
    const overlapping = (hit: ConceptHit) => (hit.start <= at && at < hit.end) || (hit.start < end && end <= hit.end);
    if (scan.hits.some((hit) => overlapping(hit) && !/^\p{Script=Han}+$/u.test(scan.text.slice(hit.start, hit.end)))) continue;
    if (scan.hits.some(overlapping)) scan = { ...scan, hits: scan.hits.filter((hit) => !overlapping(hit)) };
    const { hits } = scan;
    // "容器编排的主流项目", "Kubernetes管理的核心对象": a cue before 的 is a noun or a modifier, not the predicate.
    if (compiled.cue.mode !== 'suffix' && scan.text[end] === '的' && !compiled.cue.pattern.endsWith('的')) continue;
    const clause = clauseAround(scan, at, end);
    const before = hits.filter((hit) => hit.end <= at && hit.start >= clause[0]);
    let pair: [ConceptHit, ConceptHit] | undefined;
    if (compiled.cue.mode === 'suffix') pair = suffixPair(scan, before, at);
    else {
      const subject = subjectOf(scan, before, at, clause[0]);
      const object = subject ? objectOf(scan, compiled, hits.filter((hit) => hit.start >= end && hit.end <= clause[1]), end, clause[1]) : undefined;
      if (subject && object) pair = [subject, object];
    }
    if (!pair) continue;
    const [source, target] = compiled.cue.reverse ? [pair[1], pair[0]] : pair;
    if (source.conceptId === target.conceptId) continue;
    found.push({ source: source.conceptId, target: target.conceptId, type: compiled.cue.type, weight: 1, evidence: evidenceOf(sentence.text), noteId: note.id });
  }
  return found;
}

/** Relations stated in one note: sentences of prose and heading lines, then list and definition forms. */
export function extractRelations(note: Note, hits: ConceptHit[], layout: NoteLayout, rules: RelationRules): Relation[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const relations: Relation[] = [];
  if (sorted.length < 2) return relations;
  const sentences = splitSentences(note.text);
  const lines = new LineCursor(layout.lines);
  hitsBySentence(sentences, sorted).forEach((inSentence, index) => {
    if (inSentence.length < 2) return;
    const sentence = sentences[index]!;
    const line = lines.at(sentence.start);
    // Headings name topics ("PG->OSD原理", "# Centos使用openvpn"); they state no relation. A first line only guessed
    // to be a title may be a sentence.
    if (line.kind !== 'prose' && !line.guessedTitle) return;
    relations.push(...relationsInSentence(note, { text: note.text, sentence, hits: inSentence, rules, line }));
  });
  relations.push(...listRelations(note, sorted, layout, rules));
  const seen = new Set<string>();
  return relations.filter((relation) => {
    const key = `${relation.source}\u0000${relation.type}\u0000${relation.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A mentioned command's link to its tool (ovs-vsctl → Open vSwitch), once per note, with the command's line. */
export function commandRelations(note: Note, hits: ConceptHit[], commandOf: ReadonlyMap<string, string>): Relation[] {
  const relations: Relation[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const tool = commandOf.get(hit.conceptId);
    if (!tool || seen.has(hit.conceptId)) continue;
    seen.add(hit.conceptId);
    const lineStart = note.text.lastIndexOf('\n', hit.start - 1) + 1;
    const lineEnd = note.text.indexOf('\n', hit.end);
    const evidence = evidenceOf(note.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim());
    relations.push({ source: hit.conceptId, target: tool, type: 'COMMAND_OF', weight: 1, evidence, noteId: note.id });
  }
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
