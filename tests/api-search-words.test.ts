import { describe, expect, it } from 'vitest';
import { buildFuzzyLuceneQuery, typoDistance } from '../queries/lucene-query.js';
import { describeSharedNeighbour, explainRelated } from '../queries/related.js';
import { closestName, toConceptHit } from '../server/use-cases/search.js';

const concept = { id: 'kubernetes', name: 'Kubernetes', kind: 'project', aliases: ['k8s'], mentions: 1, rank: 0.5, community: 1 };

describe('typo-tolerant concept search', () => {
  it('allows one edit from 4 letters and two from 8, none below', () => {
    expect([typoDistance('osd'), typoDistance('nova'), typoDistance('kubernets')]).toEqual([0, 1, 2]);
  });

  it('builds a fuzzy query only when a word can hold a typo, and never for Chinese', () => {
    expect(buildFuzzyLuceneQuery('kubernets')).toBe('kubernets~2');
    expect(buildFuzzyLuceneQuery('placment group')).toBe('placment~2 AND group~1');
    expect(buildFuzzyLuceneQuery('pg')).toBeNull();
    expect(buildFuzzyLuceneQuery('归置组')).toBeNull();
  });

  it('keeps a fuzzy candidate only when a whole name or alias is within the distance, ranked as a typo', () => {
    expect(closestName(['Kubernetes', 'k8s'], 'kubernets')).toEqual({ name: 'Kubernetes', edits: 1 });
    expect(toConceptHit({ concept, textScore: 0, fuzzy: true }, 'kubernets')).toMatchObject({ match: 'fuzzy', matched: 'Kubernetes' });
    expect(toConceptHit({ concept, textScore: 0, fuzzy: true }, 'kubectl')).toBeNull();
    const exact = toConceptHit({ concept, textScore: 0.2, fuzzy: false }, 'k8s')!;
    const typo = toConceptHit({ concept, textScore: 0, fuzzy: true }, 'kubernets')!;
    expect(exact.score).toBeGreaterThan(typo.score);
  });
});

describe('related topics in words', () => {
  it('says what both topics have the same relation with, from the relation table', () => {
    expect(describeSharedNeighbour({ id: 'rabbitmq', name: 'RabbitMQ', type: 'USES', direction: 'out' })).toBe('each uses RabbitMQ');
    expect(describeSharedNeighbour({ id: 'nova', name: 'Nova', type: 'USES', direction: 'in' })).toBe('Nova uses both');
    expect(describeSharedNeighbour({ id: 'rados', name: 'RADOS', type: 'IS_A', direction: 'in' })).toBe('RADOS is both');
    expect(explainRelated(3, [{ id: 'openstack', name: 'OpenStack', type: 'PART_OF', direction: 'out' }])).toBe('3 shared notes; each is part of OpenStack');
    expect(explainRelated(1, [])).toBe('1 shared note');
  });
});
