/**
 * Regions of a note's text that are not prose: code, command output, configuration, tables, headings.
 * Pure: `markRegions(text)` looks only at the text, so any stage can ask for the regions of a note's final
 * (cleaned, deduplicated) text and get the same offsets. Discovery and relation extraction read regions to
 * treat code and output differently from sentences (issue "Ingest 2", item 2).
 */
export type RegionKind = 'code' | 'output' | 'config' | 'table' | 'heading';

export interface TextRegion {
  kind: RegionKind;
  /** Character offsets into the note text, end exclusive. For fenced code: the body, fences excluded. */
  start: number;
  end: number;
  /** Fence label (```bash → "bash") or a detected language/format; metadata, never a mention. */
  label?: string;
}

const fenceOpen = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*$/;

/** The fenced code blocks of a Markdown text (an unclosed fence runs to the end of the text). */
export function fencedCode(text: string): TextRegion[] {
  const regions: TextRegion[] = [];
  let offset = 0;
  let open: { fence: string; bodyStart: number; label: string } | undefined;
  for (const line of text.split('\n')) {
    const next = offset + line.length + 1;
    if (!open) {
      const match = fenceOpen.exec(line);
      if (match) open = { fence: match[2]!, bodyStart: Math.min(next, text.length), label: match[3]!.toLowerCase() };
    } else if (line.trim().startsWith(open.fence[0]!.repeat(open.fence.length)) && line.trim().replace(/[`~]/g, '') === '') {
      regions.push({ kind: 'code', start: open.bodyStart, end: Math.max(open.bodyStart, offset - 1), ...(open.label ? { label: open.label } : {}) });
      open = undefined;
    }
    offset = next;
  }
  if (open) regions.push({ kind: 'code', start: open.bodyStart, end: text.length, ...(open.label ? { label: open.label } : {}) });
  return regions;
}

/** Every non-prose region of `text`, sorted by start. */
export function markRegions(text: string): TextRegion[] {
  return fencedCode(text);
}

/** True when [start, end) lies inside one of `regions` (of the given kinds, or any kind). */
export function insideRegion(regions: readonly TextRegion[], start: number, end: number, kinds?: readonly RegionKind[]): boolean {
  return regions.some((region) => region.start <= start && end <= region.end && (!kinds || kinds.includes(region.kind)));
}
