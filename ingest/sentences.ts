export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Sentence ends: Chinese full stops and friends anywhere, Latin ones only before whitespace (not "nova.conf").
const boundary = /[。！？；\n]+|[.!?;](?=\s)/g;

/** Splits note text into sentences with their offsets; lines always end a sentence (notes are line-oriented). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index + (match[0].startsWith('\n') ? 0 : 1));
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}
