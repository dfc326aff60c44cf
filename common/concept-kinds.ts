/** The kinds a concept can have; ingest validates the lexicon against this list, the client draws a shape per kind. */
export const conceptKinds = [
  'project',
  'component',
  'protocol',
  'concept',
  'tool',
  'command',
  'language',
  'organization',
  'format',
] as const;

export type ConceptKind = (typeof conceptKinds)[number];
