/**
 * What counts as Chinese (and other CJK) text, defined once. Ingest assigns text runs to language packs by
 * script, the full-text query builder phrases CJK runs, the client measures labels: all read these.
 * Han covers the CJK Unified Ideographs with every extension and the compatibility ideographs.
 */
export const hanChar = /\p{Script=Han}/u;
/** Runs of Han characters, for `matchAll`. */
export const hanRuns = /\p{Script=Han}+/gu;
/** Any CJK script: Han, kana, Hangul. */
export const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** CJK and full-width punctuation (、。「」（）：；，！？ …), which ends words and clauses like ASCII punctuation. */
export const cjkPunctuation = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

export function hasHan(text: string): boolean {
  return hanChar.test(text);
}

/** Number of Han characters in `text`. */
export function countHan(text: string): number {
  let count = 0;
  for (const _match of text.matchAll(hanRuns)) count += _match[0].length;
  return count;
}
