import { cjkPunctuation, hanChar } from '../common/script.js';
import type { Diagnostic } from './types.js';

export type Encoding = 'utf-8' | 'utf-16' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Lines reported one by one before the rest are summed up in one message. */
const reportedLinesPerFile = 20;

function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control > sample.length * 0.1;
}

/** Text decoded from GB18030 is plausible when it is mostly ASCII, Han characters and CJK punctuation. */
function looksLikeChinese(text: string): boolean {
  let plausible = 0;
  let han = 0;
  for (const char of text) {
    const isHan = hanChar.test(char);
    if (isHan) han += 1;
    if (isHan || char.charCodeAt(0) < 0x80 || cjkPunctuation.test(char)) plausible += 1;
  }
  return han > 0 && plausible >= text.length * 0.97;
}

interface Utf8Lines {
  /** The text with every undecodable line emptied (its newline kept, so line numbers stay true). */
  text: string;
  /** 1-based numbers of the emptied lines. */
  badLines: number[];
  /** Lines holding any byte ≥ 0x80 (valid or not). */
  nonAsciiLines: number;
  nonEmptyLines: number;
}

/** Decodes UTF-8 line by line, so an invalid byte costs its own line and nothing else. */
export function decodeUtf8ByLine(body: Buffer): Utf8Lines {
  const lines: string[] = [];
  const badLines: number[] = [];
  let nonAsciiLines = 0;
  let nonEmptyLines = 0;
  let start = 0;
  while (start <= body.length) {
    const newline = body.indexOf(0x0a, start);
    const end = newline === -1 ? body.length : newline;
    const line = body.subarray(start, end);
    if (line.length > 0) nonEmptyLines += 1;
    if (line.some((byte) => byte >= 0x80)) nonAsciiLines += 1;
    try {
      lines.push(utf8.decode(line));
    } catch {
      badLines.push(lines.length + 1);
      lines.push('');
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { text: lines.join('\n'), badLines, nonAsciiLines, nonEmptyLines };
}

function droppedLineDiagnostics(file: string, badLines: number[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = badLines
    .slice(0, reportedLinesPerFile)
    .map((line) => ({ file, stage: 'decode', line, message: 'line is not valid UTF-8: dropped (the rest of the file is kept)' }));
  if (badLines.length > reportedLinesPerFile) {
    diagnostics.push({ file, stage: 'decode', message: `${badLines.length - reportedLinesPerFile} more lines are not valid UTF-8: dropped` });
  }
  return diagnostics;
}

function tryGb18030(file: string, body: Buffer): DecodeResult | undefined {
  try {
    const text = gb18030.decode(body);
    if (!looksLikeChinese(text)) return undefined;
    return { ok: true, text, encoding: 'gb18030', diagnostics: [{ file, stage: 'decode', message: 'decoded as GB18030/GBK (not UTF-8)' }] };
  } catch {
    return undefined;
  }
}

/**
 * Decodes a note file: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK (common for Chinese notes
 * written on Windows). A UTF-8 file with a few undecodable bytes loses only the lines holding them, each reported
 * with its number. Empty, binary and undecodable files come back as diagnostics, never as exceptions.
 */
export function decodeNoteFile(file: string, bytes: Buffer): DecodeResult {
  const fail = (message: string): DecodeResult => ({ ok: false, diagnostics: [{ file, stage: 'decode', message }] });
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') return fail('empty file: skipped');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16', diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16', diagnostics: [] };
  if (isBinary(bytes)) return fail('binary file (NUL or control bytes): skipped');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', diagnostics: [] };
  } catch {
    // not clean UTF-8: a few bad lines in a UTF-8 file, or another encoding
  }
  const lines = decodeUtf8ByLine(body);
  const utf8WithBadLines: DecodeResult = { ok: true, text: lines.text, encoding: 'utf-8', diagnostics: droppedLineDiagnostics(file, lines.badLines) };
  // Most lines with non-ASCII bytes decode as UTF-8: a UTF-8 file with damage. (GBK text is almost never valid UTF-8.)
  if (lines.badLines.length * 2 < lines.nonAsciiLines) return utf8WithBadLines;
  const chinese = tryGb18030(file, body);
  if (chinese) return chinese;
  if (lines.badLines.length < lines.nonEmptyLines) return utf8WithBadLines;
  return fail('invalid UTF-8 and not GB18030/GBK text: skipped');
}

export type FileNameEncoding = 'utf-8' | 'gb18030' | 'escaped';

/** Each byte that is not part of a valid UTF-8 sequence becomes `%XX`; valid sequences stay as they are. */
function escapeInvalidUtf8(bytes: Buffer): string {
  let name = '';
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    try {
      if (length === 0) throw new Error('continuation byte');
      name += utf8.decode(bytes.subarray(at, at + length));
      at += length;
    } catch {
      name += `%${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      at += 1;
    }
  }
  return name;
}

/**
 * A file name as bytes (POSIX names need not be UTF-8) to the name notegraph shows and stores: UTF-8 as is,
 * else GBK when it reads as Chinese (archives made on Chinese Windows), else UTF-8 with the odd bytes as `%XX`.
 */
export function decodeFileName(bytes: Buffer): { name: string; encoding: FileNameEncoding } {
  try {
    return { name: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  try {
    const name = gb18030.decode(bytes);
    if (looksLikeChinese(name)) return { name, encoding: 'gb18030' };
  } catch {
    // not GBK either
  }
  return { name: escapeInvalidUtf8(bytes), encoding: 'escaped' };
}
