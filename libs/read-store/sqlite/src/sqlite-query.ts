import type { SQLInputValue } from 'node:sqlite';
import type { AnyOf, FieldValue, FindQuery, WhereFilter } from '@relapse-watch/read-store-core';
import { collectionTable, fieldExpression, fieldType } from './schema';

/** SQL text plus its parameters. The text depends only on the query's shape, so it can be cached. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: SQLInputValue[];
}

/**
 * One equality condition. The JSON type is checked as well as the value, so `true` does
 * not match 1 (json_extract gives 1 for both) and a string does not match an object's
 * JSON text. `null` matches JSON null and a missing field, as MongoDB's equality does.
 */
function condition(path: string, value: FieldValue): SqlQuery {
  const expr = fieldExpression(path);
  if (value === null) return { sql: `${expr} IS NULL`, params: [] };
  if (typeof value === 'boolean')
    return { sql: `${expr} = ? AND ${fieldType(path)} = ?`, params: [value ? 1 : 0, String(value)] };
  if (typeof value === 'number')
    return { sql: `${expr} = ? AND ${fieldType(path)} IN ('integer', 'real')`, params: [value] };
  return { sql: `${expr} = ? AND ${fieldType(path)} = 'text'`, params: [value] };
}

/** Any of the equalities; an empty list is false. */
function anyOf(path: string, values: readonly FieldValue[]): SqlQuery {
  if (values.length === 0) return { sql: '0', params: [] };
  const each = values.map((value) => condition(path, value));
  return { sql: `(${each.map((c) => `(${c.sql})`).join(' OR ')})`, params: each.flatMap((c) => c.params) };
}

/** The WHERE clause over live documents matching every condition. */
export function whereClause(where: WhereFilter): SqlQuery {
  const parts = ['data IS NOT NULL'];
  const params: SQLInputValue[] = [];
  for (const [path, value] of Object.entries(where)) {
    const c = isAnyOf(value) ? anyOf(path, value.in) : condition(path, value);
    parts.push(c.sql);
    params.push(...c.params);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** SELECT id, position, data for a checked query; ties broken by id so paging is stable. */
export function findSql(collection: string, query: FindQuery & { readonly where: WhereFilter }): SqlQuery {
  const where = whereClause(query.where);
  const order = (query.sort ?? []).map(
    (key) => `${fieldExpression(key.field)} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`,
  );
  order.push('id ASC');
  return {
    sql: `SELECT id, position, data FROM ${collectionTable(collection)} ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    params: [...where.params, query.limit ?? -1, query.offset ?? 0],
  };
}

/** SELECT count(*) for a checked filter. */
export function countSql(collection: string, where: WhereFilter): SqlQuery {
  const clause = whereClause(where);
  return { sql: `SELECT count(*) FROM ${collectionTable(collection)} ${clause.sql}`, params: clause.params };
}

function isAnyOf(value: FieldValue | AnyOf): value is AnyOf {
  return typeof value === 'object' && value !== null;
}
