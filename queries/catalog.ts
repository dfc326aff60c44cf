import type { SchemaResponse } from '../common/contract.js';
import type { Database } from './database.js';

/** Labels, relationship types and property keys in use, for the Cypher editor's completion. */
export async function readCatalog(db: Database): Promise<SchemaResponse> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
       CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS relationshipTypes }
       CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS propertyKeys }
       RETURN labels, relationshipTypes, propertyKeys`,
    );
    const record = result.records[0];
    const sorted = (key: string): string[] => [...((record?.get(key) as string[] | undefined) ?? [])].sort();
    return { labels: sorted('labels'), relationshipTypes: sorted('relationshipTypes'), propertyKeys: sorted('propertyKeys') };
  });
}
