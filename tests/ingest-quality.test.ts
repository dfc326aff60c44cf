import { describe, expect, it } from 'vitest';
import { extractGraph } from '../ingest/extract-graph.js';
import { loadLexicon, parseLexicon, type Lexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import { discoveredNames, layoutOf, relationsOf as relationsWith } from './ingest-extract-helpers.js';

const lexicon = parseLexicon(
  'test',
  `concepts:
  - { name: sonic, kind: project }
  - { name: supervisord, kind: tool }
  - { name: PasteDeploy, kind: component }
  - { name: HTTP, kind: protocol, aliases: [http] }
  - { name: WSGI application, kind: concept, aliases: [wsgi application] }
  - { name: Ceph, kind: project, aliases: [ceph] }
  - { name: google, kind: organization }
  - { name: Nova API, kind: component, aliases: [nova api] }
  - { name: Nova, kind: project, aliases: [nova] }
  - { name: CRUSH, kind: concept, aliases: [crush] }
  - { name: OSD, kind: component }
  - { name: virtual machine, kind: concept, aliases: [虚拟机] }
  - { name: hypervisor, kind: concept }
  - { name: OpenStack, kind: project, aliases: [openstack] }
  - { name: Keystone, kind: project }
  - { name: Glance, kind: project }
  - { name: R-CORD, kind: project }
  - { name: CORD, kind: project, exact: [CORD] }
  - { name: RADOS Gateway, kind: component, aliases: [rgw] }
stopwords: [different, versions, server]
`,
).lexicon;

function relationsOf(text: string, withLexicon: Lexicon = lexicon): string[] {
  return relationsWith(text, withLexicon);
}

describe('typed relations', () => {
  it.each([
    ['sonic 用的就是 supervisord 来管理进程', 'sonic USES supervisord'],
    ['• PasteDeploy 将 HTTP 请求路由到具体的 WSGI Application', 'pastedeploy ROUTES_TO wsgi-application'],
    ['ceph 客户端和ceph OSD均使用了crush算法', 'osd USES crush'],
    ['R-CORD is based on CORD.', 'r-cord BASED_ON cord'],
    ['wsgi 处理模式为：Nova API -> Nova', 'nova-api CALLS nova'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(relationsOf(text)).toEqual([expected]);
  });

  it.each([
    ['the object of the cue is a different clause', '一个gpu可以支持多个虚拟机，这种方式一般使用hypervisor这一层来实现'],
    ['more than filler words separate the subject from the cue', 'Nova API 是访问、使用 Nova 各组件服务的唯一途径'],
    ['the place closes with 中 after a word that is not a concept', '目前Ceph保存在google开源的一个key/value存储系统leveldb中'],
    ['the object is a noun phrase around the cue word', 'R-CORD is an open source solution based on the CORD platform'],
    ['a double arrow is not a call chain', 'Nova API <-------> Nova'],
    ['the cue is negated by what stands before it', '但目前OpenStack还不被视为管理虚拟机的主流平台'],
  ])('states nothing when %s', (_reason, text) => {
    expect(relationsOf(text)).toEqual([]);
  });

  it('takes the mention right before the closing 中 as the place something is stored in, across its modifiers', () => {
    const withLeveldb = parseLexicon('test', 'concepts:\n  - { name: Ceph, kind: project }\n  - { name: google, kind: organization }\n  - { name: leveldb, kind: project }\n').lexicon;
    expect(relationsOf('目前Ceph保存在google开源的一个key/value存储系统leveldb中', withLeveldb)).toEqual(['ceph STORES_IN leveldb']);
    expect(relationsOf('元数据保存在 leveldb 中，Ceph保存在leveldb中', withLeveldb)).toEqual(['ceph STORES_IN leveldb']);
  });

  it('makes each item of a concept list PART_OF the heading, skipping items that are not concepts', () => {
    const text = 'openstack基础组件：\nKeystone: 认证服务\nHorizon: 界面\nGlance:   镜像服务\n\nrgw:\nwget https://example.org/key | sudo apt-key add -';
    expect(relationsOf(text)).toEqual(['keystone PART_OF openstack', 'glance PART_OF openstack']);
  });
});

describe('recognising code between lines of prose', () => {
  // Each line between two sentences, as a plain-text notebook pastes them: the region model says what it is.
  it.each([
    ['$ ceph osd tree', 'command'],
    ['ceph osd tree', 'command'],
    ['class FruitPlatter {', 'code'],
    ['    return self.app(environ, start_response)', 'code'],
    ['2015-09-16 15:51:14.7 [30486][0]:LOG_NET:D:debug into VmDiskChange, UUID:7a450da7', 'output'],
    ['x = HttpRequest(path)', 'code'],
    ['Django使用HttpRequest和HttpResponse对象在系统间传递状态。', 'prose'],
    ['The placement group maps objects to OSDs in the cluster.', 'prose'],
    ['memory leak in the agent', 'prose'],
  ])('%s → %s', (line, kind) => {
    const layout = layoutOf(`这是第一句话，说明上下文。\n${line}\n这是最后一句话。`);
    expect(layout.lines[1]!.kind).toBe(kind);
  });
});

describe('discovering concepts the lexicon lacks', () => {
  const empty = parseLexicon('test', 'stopwords: [different, versions]').lexicon;
  const discover = (texts: string[]) => discoveredNames(texts, empty);

  it('keeps a CamelCase name used in prose in several notes, but not one that only appears in code', () => {
    const found = discover([
      'Django 用 HttpRequest 对象传递状态。\nclass FruitPlatter {',
      '每个 HttpRequest 都有 GET 属性。\nFruitPlatter p = new FruitPlatter();',
      '视图函数的第一个参数是 HttpRequest。\n$ slice2cpp FruitPlatter.ice',
    ]);
    expect(found).toContain('HttpRequest');
    expect(found).not.toContain('FruitPlatter');
  });

  it('does not turn host names or command placeholders into concepts', () => {
    const found = discover([
      '$ ceph-deploy install ceph-node2 --release x\n$ rbd create pool-name --size 10',
      '$ ceph-deploy osd prepare ceph-node2:/dev/sdb --zap\n$ rbd map pool-name --id admin',
      '$ ssh ceph-node2 -l root\n$ ceph-deploy admin ceph-node2 --overwrite-conf',
    ]);
    expect(found).toContain('ceph-deploy');
    expect(found).not.toContain('ceph-node2');
    expect(found).not.toContain('pool-name');
  });

  it('counts a passage copied into several notes as one use', () => {
    const passage = 'objects: 对象模型，封装了所有实体对象的CURD操作，相对直接调用db的model更安全。';
    expect(discover([passage, `前言\n${passage}`, `${passage}\n后记`])).not.toContain('CURD');
    expect(discover(['CRUD 接口很简单。', '实现 CRUD 操作', '所有的 CRUD 都走 API'])).toContain('CRUD');
  });

  it('adds an English noun phrase that recurs in two notes in different sentences, unless it is generic', () => {
    const found = discover([
      'Every central office becomes a small datacenter for the operator network.\nThere are different versions of the same service here.',
      'The operator rebuilds the central office with commodity servers and switches.\nWe keep different versions of the code in every branch.',
    ]);
    expect(found).toContain('central office');
    expect(found.some((name) => name.includes('different'))).toBe(false);
  });
});

describe('the bundled notes', () => {
  it('rank no stopword and no generic word among their 50 top concepts', async () => {
    const read = await readNoteFiles('notes', 20 * 1024 * 1024);
    const { lexicon: bundled } = await loadLexicon('notes');
    const { graph } = extractGraph({ files: read.files, lexicon: bundled });
    const top = [...graph.concepts].sort((a, b) => b.rank - a.rank).slice(0, 50);
    expect(top).toHaveLength(50);
    for (const concept of top) {
      const words = concept.name.toLowerCase().split(/[\s-]+/);
      expect(bundled.stopwords.has(concept.name.toLowerCase()) || words.every((word) => bundled.stopwords.has(word)), concept.name).toBe(false);
    }
    expect(top.map((concept) => concept.name)).not.toContain('compiler');
  });
});
