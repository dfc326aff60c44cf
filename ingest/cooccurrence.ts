import type { CoOccurrence } from './types.js';

export interface CoOccurrenceOptions {
  /** Pairs must share at least this many notes. */
  minNotes: number;
  /** Pairs need at least this normalised PMI. */
  minScore: number;
  /** Each concept keeps at most this many strongest edges, so the overview is not a hairball. */
  maxPerConcept: number;
}

export const defaultCoOccurrenceOptions: CoOccurrenceOptions = { minNotes: 2, minScore: 0.15, maxPerConcept: 12 };

/**
 * Co-occurrence: pairs of concepts counted by the notes they share (plus sentences, as extra weight), scored
 * with normalised PMI so that "appears with everything" does not win, then thresholded.
 */
export function computeCoOccurrence(
  conceptsByNote: string[][],
  conceptsBySentence: string[][],
  options: CoOccurrenceOptions = defaultCoOccurrenceOptions,
): CoOccurrence[] {
  // Concepts as small integers and pairs as one number: string keys per pair cost more than the counting.
  const ids: string[] = [];
  const index = new Map<string, number>();
  const numberOf = (id: string) => {
    let value = index.get(id);
    if (value === undefined) index.set(id, (value = ids.push(id) - 1));
    return value;
  };
  const sortedIds = [...new Set(conceptsByNote.flat())].sort();
  sortedIds.forEach(numberOf);
  const width = ids.length + 1;
  const noteCount = new Map<number, number>();
  const pairNotes = new Map<number, number>();
  const uniqueByNote = conceptsByNote.map((concepts) => [...new Set(concepts.map(numberOf))].sort((a, b) => a - b));
  let total = 0;
  for (const unique of uniqueByNote) {
    if (unique.length === 0) continue;
    total += 1;
    for (const id of unique) noteCount.set(id, (noteCount.get(id) ?? 0) + 1);
  }
  // A pair shares at most as many notes as its rarer concept has: concepts in fewer than minNotes notes pair
  // with nothing kept, so they are left out before pairing (one long note would otherwise pair all its concepts).
  const pairable = (id: number) => noteCount.get(id)! >= options.minNotes;
  for (const all of uniqueByNote) {
    const unique = all.filter(pairable);
    for (let i = 0; i < unique.length; i += 1) {
      for (let j = i + 1; j < unique.length; j += 1) {
        const key = unique[i]! * width + unique[j]!;
        pairNotes.set(key, (pairNotes.get(key) ?? 0) + 1);
      }
    }
  }
  const pairSentences = new Map<number, number>();
  for (const concepts of conceptsBySentence) {
    const unique = [...new Set(concepts.map(numberOf))].filter((id) => (noteCount.get(id) ?? 0) >= options.minNotes);
    for (let i = 0; i < unique.length; i += 1) {
      for (let j = i + 1; j < unique.length; j += 1) {
        const [a, b] = unique[i]! < unique[j]! ? [unique[i]!, unique[j]!] : [unique[j]!, unique[i]!];
        const key = a * width + b;
        if (pairNotes.has(key)) pairSentences.set(key, (pairSentences.get(key) ?? 0) + 1);
      }
    }
  }
  const candidates: CoOccurrence[] = [];
  for (const [key, notes] of pairNotes) {
    if (notes < options.minNotes) continue;
    const a = Math.floor(key / width);
    const b = key % width;
    const pxy = notes / total;
    const px = noteCount.get(a)! / total;
    const py = noteCount.get(b)! / total;
    const score = pxy >= 1 ? 1 : Math.log(pxy / (px * py)) / -Math.log(pxy);
    if (score < options.minScore) continue;
    candidates.push({ source: ids[a]!, target: ids[b]!, notes, weight: notes + (pairSentences.get(key) ?? 0), score: Math.round(score * 1e4) / 1e4 });
  }
  return keepStrongest(candidates, options.maxPerConcept);
}

function keepStrongest(edges: CoOccurrence[], maxPerConcept: number): CoOccurrence[] {
  const strength = (edge: CoOccurrence) => edge.score * Math.log2(1 + edge.notes);
  const sorted = [...edges].sort((a, b) => strength(b) - strength(a) || (a.source + a.target).localeCompare(b.source + b.target));
  const degree = new Map<string, number>();
  const kept: CoOccurrence[] = [];
  for (const edge of sorted) {
    const a = degree.get(edge.source) ?? 0;
    const b = degree.get(edge.target) ?? 0;
    if (a >= maxPerConcept && b >= maxPerConcept) continue;
    degree.set(edge.source, a + 1);
    degree.set(edge.target, b + 1);
    kept.push(edge);
  }
  return kept.sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
}
