import type { Filter, Sort } from 'mongodb';
import type { FindQuery, WhereFilter } from '@relapse-watch/read-store-core';
import { dataPath, type StoredDocument } from './mongo-schema';

/**
 * The filter over live documents meeting every (checked) condition. Only equalities (one, or
 * `$in` of a list), which MongoDB serves from the indexes `ensureIndex` makes (FerretDB 1.x
 * filters them in Go over the whole collection whatever the filter); MongoDB equality, in
 * `$in` too, already matches by BSON type as the port asks (`true` is not `1`, `'1'` is not
 * `1`) and lets `null` match a missing field.
 */
export function liveFilter(where: WhereFilter): Filter<StoredDocument> {
  const filter: Record<string, unknown> = { deleted: false };
  for (const [path, value] of Object.entries(where))
    filter[dataPath(path)] = typeof value === 'object' && value !== null ? { $in: [...value.in] } : value;
  return filter as Filter<StoredDocument>;
}

/**
 * The sort of a (checked) query: its keys, then `_id` ascending, so ties always break by
 * id and paging with skip is stable. Binary string comparison (no collation) orders
 * UTF-8 by code point, and null and missing fields sort first ascending, as the port says.
 */
export function sortOf(query: FindQuery): Sort {
  const sort: [string, 1 | -1][] = (query.sort ?? []).map((key) => [
    dataPath(key.field),
    key.direction === 'desc' ? -1 : 1,
  ]);
  sort.push(['_id', 1]);
  return sort;
}
