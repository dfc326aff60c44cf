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
}

const acronym = /(?<![A-Za-z0-9_./-])[A-Z][A-Z0-9]{1,7}(?![A-Za-z0-9_/-])/g;
const camel = /(?<![A-Za-z0-9_./-])(?:[A-Z][a-z0-9]+|[A-Z]{2,}[a-z]+)(?:[A-Z][a-z0-9]+)+(?![A-Za-z0-9_/-])/g;
const hyphenated = /(?<![A-Za-z0-9_./=-])[a-z][a-z0-9]{1,}(?:-[a-z0-9]{2,}){1,3}(?![A-Za-z0-9_./=-])/g;
// A command line: a shell prompt before the word, or flags after it ("ovs-ofctl -O OpenFlow13 dump-flows").
const commandLine = /^\s*(?:(?:[#$]|sudo)\s*([a-z][a-z0-9]+(?:-[a-z0-9]+)+)\s|(?:\d+[、.)]\s*)?([a-z][a-z0-9]+(?:-[a-z0-9]+)+)\s+[^\n]*?\s-{1,2}[a-z])/gm;
const redactionMark = /\[REDACTED:[a-z-]+\]/g;

export function asciiCandidates(rawText: string): Candidate[] {
  const text = rawText.replace(redactionMark, (mark) => ' '.repeat(mark.length));
  const found: Candidate[] = [];
  for (const match of text.matchAll(acronym)) {
    const surface = match[0];
    if ((surface.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/\d{2,}/.test(surface)) found.push({ surface, shape: 'acronym' });
  }
  for (const match of text.matchAll(camel)) found.push({ surface: match[0], shape: 'camel' });
  const commands = new Set([...text.matchAll(commandLine)].map((match) => match[1] ?? match[2]!));
  for (const match of text.matchAll(hyphenated)) {
    found.push({ surface: match[0], shape: 'hyphenated', commandPosition: commands.has(match[0]) });
  }
  return found;
}

// Head nouns that make a Chinese compound a technical term rather than a phrase.
const domainHeads = ['存储', '节点', '集群', '接口', '协议', '算法', '驱动', '模块', '镜像', '设备', '交换机', '网卡', '网桥', '端口', '队列', '数据库', '文件系统', '控制器', '调度器', '代理', '架构', '平台', '引擎', '框架', '网络'];
// A compound starting with one of these is a phrase ("这个节点", "每个集群"), not a term.
const badStart = /^[的一二三这那个在和与或及是了各每该其此本多新某所从对把将被由向为如有无不也都就还要会能可到上下中内外前后第用来层整等即并]/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const cjkRun = /[\u3400-\u9fff]{3,}/g;

/**
 * Chinese compounds: the word segmenter runs per CJK run (never over a whole file: that is quadratic in
 * practice), then a word or two before a domain head noun is merged into one candidate.
 */
export function chineseCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const run of text.matchAll(cjkRun)) {
    const words = [...segmenter.segment(run[0])].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
    words.forEach((word, index) => {
      if (!domainHeads.includes(word) || index === 0) return;
      for (const take of [1, 2]) {
        const parts = words.slice(Math.max(0, index - take), index);
        if (parts.length < take) continue;
        const compound = parts.join('') + word;
        if (compound.length >= 3 && compound.length <= 6 && !badStart.test(compound)) found.push({ surface: compound, shape: 'chinese' });
      }
    });
  }
  return found;
}
