import type { Database } from '../../queries/database.js';

/**
 * Small graphs in the ingest's model, written into the real Neo4j under a unique id prefix so each test file
 * owns its data. Keys are short names; `ids.concept(key)` etc. give the stored ids.
 */
export interface FixtureConcept {
  key: string;
  name: string;
  kind?: string;
  aliases?: string[];
  rank?: number;
  community?: number;
}

export interface FixtureNote {
  key: string;
  source: string;
  title: string;
  text: string;
  lineStart: number;
  lineEnd?: number;
  date?: string | null;
  lang?: string;
  /** Concept keys; spans are found by searching the note text for the concept's name and aliases. */
  mentions?: string[];
  tags?: string[];
}

export interface FixtureRelation {
  from: string;
  to: string;
  /** CO_OCCURS or a typed relation (USES, PART_OF, …). */
  type: string;
  weight?: number;
  evidence?: string;
  note?: string;
}

export interface FixtureSpec {
  sources?: { key: string; path: string; title?: string }[];
  concepts: FixtureConcept[];
  notes?: FixtureNote[];
  relations?: FixtureRelation[];
}

export interface FixtureGraph {
  prefix: string;
  concept(key: string): string;
  note(key: string): string;
  source(key: string): string;
  remove(): Promise<void>;
}

/** Flat [start, end, …] offsets of every case-insensitive occurrence of the names in text. */
export function spansOf(text: string, names: string[]): number[] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const name of names.filter(Boolean)) {
    const needle = name.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) spans.push([at, at + needle.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged.flat();
}

export async function writeFixtureGraph(db: Database, prefix: string, spec: FixtureSpec): Promise<FixtureGraph> {
  const id = (kind: string) => (key: string) => `${prefix}:${kind}:${key}`;
  const graph: FixtureGraph = {
    prefix,
    concept: id('concept'),
    note: id('note'),
    source: id('source'),
    remove: () => db.write((tx) => tx.run('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.name STARTS WITH $prefix DETACH DELETE n', { prefix })).then(() => undefined),
  };
  const byKey = new Map(spec.concepts.map((concept) => [concept.key, concept]));
  const concepts = spec.concepts.map((concept) => ({
    id: graph.concept(concept.key),
    name: concept.name,
    kind: concept.kind ?? 'concept',
    aliases: concept.aliases ?? [],
    aliasText: (concept.aliases ?? []).join('\n'),
    rank: concept.rank ?? 0.1,
    community: concept.community ?? 0,
    mentions: (spec.notes ?? []).filter((note) => note.mentions?.includes(concept.key)).length,
  }));
  const sources = (spec.sources ?? []).map((source) => ({ id: graph.source(source.key), path: source.path, title: source.title ?? source.path }));
  const notes = (spec.notes ?? []).map((note) => ({
    id: graph.note(note.key),
    source: graph.source(note.source),
    props: {
      id: graph.note(note.key),
      title: note.title,
      text: note.text,
      lineStart: note.lineStart,
      lineEnd: note.lineEnd ?? note.lineStart + 1,
      date: note.date ?? null,
      lang: note.lang ?? 'en',
      sha256: `${prefix}-${note.key}`,
    },
    mentions: (note.mentions ?? []).map((key) => {
      const concept = byKey.get(key)!;
      const spans = spansOf(note.text, [concept.name, ...(concept.aliases ?? [])]);
      return { concept: graph.concept(key), spans, count: Math.max(1, spans.length / 2) };
    }),
    tags: (note.tags ?? []).map((tag) => `${prefix}-${tag}`),
  }));
  const relations = (spec.relations ?? []).map((relation) => ({
    from: graph.concept(relation.from),
    to: graph.concept(relation.to),
    type: relation.type,
    props: { weight: relation.weight ?? 1, evidence: relation.evidence ?? null, noteId: relation.note ? graph.note(relation.note) : null },
  }));
  await db.write(async (tx) => {
    await tx.run('UNWIND $sources AS s CREATE (:Source {id: s.id, path: s.path, title: s.title, format: "txt"})', { sources });
    await tx.run('UNWIND $concepts AS c CREATE (x:Concept) SET x = c', { concepts });
    await tx.run(
      `UNWIND $notes AS n
       MATCH (s:Source {id: n.source})
       CREATE (note:Note)-[:IN {lineStart: n.props.lineStart, lineEnd: n.props.lineEnd}]->(s) SET note = n.props
       WITH note, n
       CALL (note, n) {
         UNWIND n.mentions AS m MATCH (c:Concept {id: m.concept})
         CREATE (note)-[:MENTIONS {count: m.count, spans: m.spans}]->(c)
       }
       CALL (note, n) { UNWIND n.tags AS tag MERGE (t:Tag {name: tag}) CREATE (note)-[:TAGGED]->(t) }`,
      { notes },
    );
    // Relationship types cannot be parameters; group by type and write each group with its literal type.
    for (const type of new Set(relations.map((relation) => relation.type))) {
      if (!/^[A-Z_]+$/.test(type)) throw new Error(`bad relation type ${type}`);
      await tx.run(
        `UNWIND $rels AS r MATCH (a:Concept {id: r.from}), (b:Concept {id: r.to}) CREATE (a)-[rel:${type}]->(b) SET rel = r.props`,
        { rels: relations.filter((relation) => relation.type === type) },
      );
    }
  });
  return graph;
}

/**
 * A small two-topic graph: OpenStack components talking over RabbitMQ (English) and Ceph placement (Chinese),
 * plus one isolated concept. Communities are unique to the prefix, so /graph can be filtered to this fixture.
 */
export function sampleSpec(communityBase: number): FixtureSpec {
  const [openstack, ceph, alone] = [communityBase, communityBase + 1, communityBase + 2];
  return {
    sources: [
      { key: 'ops', path: 'openstack-notes.txt' },
      { key: 'ceph', path: 'ceph-笔记.txt' },
    ],
    concepts: [
      { key: 'nova', name: 'Nova', kind: 'component', aliases: ['nova-api', 'Nova API'], rank: 0.9, community: openstack },
      { key: 'neutron', name: 'Neutron', kind: 'component', aliases: ['neutron-server'], rank: 0.8, community: openstack },
      { key: 'keystone', name: 'Keystone', kind: 'component', rank: 0.7, community: openstack },
      { key: 'rabbit', name: 'RabbitMQ', kind: 'tool', aliases: ['rabbitmq-server'], rank: 0.6, community: openstack },
      { key: 'ceph', name: 'Ceph', kind: 'project', aliases: ['ceph集群'], rank: 0.85, community: ceph },
      { key: 'crush', name: 'CRUSH', kind: 'concept', aliases: ['CRUSH算法'], rank: 0.5, community: ceph },
      { key: 'pg', name: '归置组', kind: 'concept', aliases: ['placement group'], rank: 0.4, community: ceph },
      { key: 'osd', name: 'OSD', kind: 'component', rank: 0.45, community: ceph },
      { key: 'lonely', name: 'Lonelyterm', kind: 'concept', rank: 0.01, community: alone },
    ],
    notes: [
      { key: 'n1', source: 'ops', lineStart: 1, date: '2024-03-01', title: 'Nova messaging', text: 'Nova uses RabbitMQ to pass messages between nova-api and the scheduler.', mentions: ['nova', 'rabbit'], tags: ['openstack'] },
      { key: 'n2', source: 'ops', lineStart: 5, date: '2024-03-02', title: 'Neutron and Keystone', text: 'Neutron uses RabbitMQ too; Keystone issues the tokens that Nova and Neutron check.', mentions: ['neutron', 'rabbit', 'keystone', 'nova'] },
      { key: 'n3', source: 'ops', lineStart: 9, date: null, title: 'Keystone', text: 'Keystone is part of the OpenStack control plane.', mentions: ['keystone'] },
      { key: 'n4', source: 'ceph', lineStart: 1, lang: 'zh', title: 'CRUSH 与归置组', text: 'CRUSH 算法把对象映射到归置组，再映射到 OSD。', mentions: ['crush', 'pg', 'osd'] },
      { key: 'n5', source: 'ceph', lineStart: 4, lang: 'zh', title: 'Ceph 数据位置', text: 'Ceph 集群用 CRUSH 算法计算数据位置，不需要中心元数据服务。', mentions: ['ceph', 'crush'] },
    ],
    relations: [
      { from: 'nova', to: 'rabbit', type: 'USES', evidence: 'Nova uses RabbitMQ to pass messages between nova-api and the scheduler.', note: 'n1' },
      { from: 'neutron', to: 'rabbit', type: 'USES', evidence: 'Neutron uses RabbitMQ too', note: 'n2' },
      { from: 'crush', to: 'ceph', type: 'PART_OF', evidence: 'Ceph 集群用 CRUSH 算法计算数据位置', note: 'n5' },
      { from: 'nova', to: 'rabbit', type: 'CO_OCCURS', weight: 2 },
      { from: 'neutron', to: 'rabbit', type: 'CO_OCCURS', weight: 1 },
      { from: 'keystone', to: 'neutron', type: 'CO_OCCURS', weight: 1 },
      { from: 'keystone', to: 'nova', type: 'CO_OCCURS', weight: 1 },
      { from: 'nova', to: 'neutron', type: 'CO_OCCURS', weight: 1 },
      { from: 'crush', to: 'pg', type: 'CO_OCCURS', weight: 1 },
      { from: 'pg', to: 'osd', type: 'CO_OCCURS', weight: 1 },
      { from: 'crush', to: 'osd', type: 'CO_OCCURS', weight: 1 },
      { from: 'ceph', to: 'crush', type: 'CO_OCCURS', weight: 3 },
    ],
  };
}

/** A community number no other test data uses. */
export function uniqueCommunityBase(): number {
  return 1_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
}
