/**
 * Candidate terms the lexicon lacks, found by shape: acronyms (RPC, SDN), CamelCase (ReplicationController),
 * hyphenated identifiers (nova-api, ovs-vsctl), and Chinese compounds that end in a domain head noun
 * (对象存储, 计算节点). Pure functions from one note's text to candidate surfaces.
 */
export interface Candidate {
  surface: string;
  shape: 'acronym' | 'camel' | 'hyphenated' | 'phrase' | 'chinese';
  /** A hyphenated word at the start of a command line ("ovs-ofctl dump-flows br0"). */
  commandPosition?: boolean;
  /** The words around it, normalised: the same context everywhere means one passage copied around. */
  context: string;
  /** False when it sits in a line of code or a command: names in a program are not terms of the notes. */
  prose: boolean;
}

/**
 * A line of code, markup or a shell command rather than prose: prompts, comments, declarations, statements
 * ending in ; { }, assignments and calls in lines without Chinese.
 */
export function isCodeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  // Log lines ("2015-09-16 15:51:14.7 [30486] … debug into VmDiskChange") carry names from code too.
  if (/^\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|^\[?\d{2}:\d{2}:\d{2}/.test(trimmed)) return true;
  if (/^(?:[$#>%]\s|sudo\s|\/\/|\/\*|\*\s|<\/?[A-Za-z!?]|@[A-Za-z]|[}\])])/.test(trimmed)) return true;
  const keyword = /^(?:class|struct|interface|enum|module|def|func|function|import|package|public|private|protected|static|return|var|let|const|#include|#define|using|if|for|while|switch|case|try|catch|throw|new)\b/;
  if (keyword.test(trimmed) || /[{};]\s*$/.test(trimmed)) return true;
  if (/[\u3400-\u9fff]/.test(trimmed)) return false;
  return /\w\s*(?:=|:=|==|\+=|=>|::)\s*\S|\w\([^)]*\)|\w\.\w+\(/.test(trimmed);
}

/** Up to four characters either side of [start, end), full-width folded, spaces dropped, lower-cased. */
export function contextAround(text: string, start: number, end: number): string {
  const fold = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `${fold(text.slice(Math.max(0, start - 12), start)).slice(-4)}|${fold(text.slice(end, end + 12)).slice(0, 4)}`;
}

/** For each offset's line, whether it is code: computed once per text. */
function codeLineLookup(text: string): (offset: number) => boolean {
  const starts: number[] = [];
  const code: boolean[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    starts.push(start);
    code.push(isCodeLine(line));
    start += line.length + 1;
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return code[low]!;
  };
}

const acronym = /(?<![A-Za-z0-9_./-])[A-Z][A-Z0-9]{1,7}(?![A-Za-z0-9_/-])/g;
const camel = /(?<![A-Za-z0-9_./-])(?:[A-Z][a-z0-9]+|[A-Z]{2,}[a-z]+)(?:[A-Z][a-z0-9]+)+(?![A-Za-z0-9_/-])/g;
const hyphenated = /(?<![A-Za-z0-9_./=-])[a-z][a-z0-9]{1,}(?:-[a-z0-9]{2,}){1,3}(?![A-Za-z0-9_./=-])/g;
// A command line: a shell prompt before the word, or flags after it ("ovs-ofctl -O OpenFlow13 dump-flows").
const commandLine = /^\s*(?:(?:[#$]|sudo)\s*([a-z][a-z0-9]+(?:-[a-z0-9]+)+)\s|(?:\d+[、.)]\s*)?([a-z][a-z0-9]+(?:-[a-z0-9]+)+)\s+[^\n]*?\s-{1,2}[a-z])/gm;
const redactionMark = /\[REDACTED:[a-z-]+\]/g;

export function asciiCandidates(rawText: string): Candidate[] {
  const text = rawText.replace(redactionMark, (mark) => ' '.repeat(mark.length));
  const inCode = codeLineLookup(text);
  const found: Candidate[] = [];
  const at = (match: RegExpMatchArray, shape: Candidate['shape']): Candidate => {
    const start = match.index!;
    return { surface: match[0], shape, context: contextAround(text, start, start + match[0].length), prose: !inCode(start) };
  };
  for (const match of text.matchAll(acronym)) {
    const surface = match[0];
    if ((surface.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/\d{2,}/.test(surface)) found.push(at(match, 'acronym'));
  }
  for (const match of text.matchAll(camel)) found.push(at(match, 'camel'));
  const commands = new Set([...text.matchAll(commandLine)].map((match) => match[1] ?? match[2]!));
  for (const match of text.matchAll(hyphenated)) found.push({ ...at(match, 'hyphenated'), commandPosition: commands.has(match[0]) });
  return found;
}

// Head nouns that make a Chinese compound a technical term rather than a phrase.
const domainHeads = ['存储', '节点', '集群', '接口', '协议', '算法', '驱动', '模块', '镜像', '设备', '交换机', '网卡', '网桥', '端口', '队列', '数据库', '文件系统', '控制器', '调度器', '代理', '架构', '平台', '引擎', '框架', '网络'];
// A compound starting with one of these is a phrase ("这个节点", "每个集群"), not a term.
const badStart = /^[的一二三这那个在和与或及是了各每该其此本多新某所从对把将被由向为如有无不也都就还要会能可到上下中内外前后第用来层整等即并]/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const cjkRun = /[\u3400-\u9fff]{3,}/g;

// Segmenting is the costliest step of discovery and notes repeat their passages: remember runs (bounded).
const segmented = new Map<string, Intl.SegmentData[]>();
function wordsOfRun(run: string): Intl.SegmentData[] {
  const cached = segmented.get(run);
  if (cached) return cached;
  if (segmented.size >= 100_000) segmented.clear();
  const words = [...segmenter.segment(run)].filter((segment) => segment.isWordLike);
  segmented.set(run, words);
  return words;
}

/**
 * Chinese compounds: the word segmenter runs per CJK run (never over a whole file: that is quadratic in
 * practice), then a word or two before a domain head noun is merged into one candidate.
 */
export function chineseCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const run of text.matchAll(cjkRun)) {
    const words = wordsOfRun(run[0]);
    words.forEach((word, index) => {
      if (!domainHeads.includes(word.segment) || index === 0) return;
      for (const take of [1, 2]) {
        const parts = words.slice(Math.max(0, index - take), index);
        if (parts.length < take) continue;
        const compound = parts.map((part) => part.segment).join('') + word.segment;
        const start = run.index + parts[0]!.index;
        if (compound.length >= 3 && compound.length <= 6 && !badStart.test(compound)) {
          found.push({ surface: compound, shape: 'chinese', context: contextAround(text, start, start + compound.length), prose: true });
        }
      }
    });
  }
  return found;
}
