import neo4j from 'neo4j-driver';

/** A Neo4j Integer as a JS number when it is safe, otherwise as its decimal string. */
export function integerToJson(value: unknown): number | string {
  if (neo4j.isInt(value)) {
    const integer = value as ReturnType<typeof neo4j.int>;
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value as number;
}

/** Reads a count or other integer that is known to be small. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const converted = integerToJson(value);
  return typeof converted === 'number' ? converted : Number(converted);
}

/** A JS number as a Cypher integer: the driver sends plain numbers as floats, which LIMIT and SKIP refuse. */
export function cypherInt(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}
