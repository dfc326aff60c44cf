import type { z } from 'zod';
import { NotegraphError } from '../common/errors.js';

/** Validates request input with a zod schema; failures become BAD_REQUEST naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || where;
  throw new NotegraphError('BAD_REQUEST', `${where} ${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
}

export const parseQuery = <T extends z.ZodType>(schema: T, query: unknown) => parseInput(schema, query, 'query parameter');
export const parseParams = <T extends z.ZodType>(schema: T, params: unknown) => parseInput(schema, params, 'path parameter');
export const parseBody = <T extends z.ZodType>(schema: T, body: unknown) => parseInput(schema, body, 'body');
