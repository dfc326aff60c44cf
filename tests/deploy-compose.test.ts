import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as ComposeFile;
const pomVersion = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync('tools/neo4j/pom.xml', 'utf8'))?.[1];

describe('docker compose file', () => {
  const neo4j = compose.services.neo4j!;
  const app = compose.services.app!;

  it('runs the same Neo4j version as the bundled local Neo4j', () => {
    expect(pomVersion).toMatch(/^5\.26\.\d+$/);
    expect(neo4j.image).toMatch(new RegExp(`^neo4j:${pomVersion!.replaceAll('.', '\\.')}(-community)?$`));
  });

  it('checks Neo4j health with a tool the image has (wget or cypher-shell, not curl)', () => {
    const test = [neo4j.healthcheck?.test ?? []].flat().join(' ');
    expect(test).toMatch(/wget|cypher-shell/);
    expect(test).not.toMatch(/curl/);
  });

  it('takes NEO4J_AUTH from the environment with a default and keeps data in a named volume', () => {
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^\$\{NEO4J_AUTH:-neo4j\/.+\}$/);
    const volume = neo4j.volumes?.[0]?.split(':')[0];
    expect(volume && compose.volumes && volume in compose.volumes).toBe(true);
  });

  it('publishes Bolt and the explorer on loopback only', () => {
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(app.ports).toContain('127.0.0.1:8080:8080');
  });

  it('builds the app, waits for a healthy Neo4j and points it at the neo4j service', () => {
    expect(app.build).toBeDefined();
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(app.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
  });
});
