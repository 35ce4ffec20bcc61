import { isAbsolute, resolve } from 'node:path';
import { DomainError } from '@relapse-watch/domain-kernel';

/**
 * Default of `--event-store`: the embedded event store under the runtime's default DATA_DIR,
 * the file the service runtime opens when EVENT_STORE_URL is not set (`sqlite:./data/events.db`).
 */
export const DEFAULT_EVENT_STORE_URL = 'sqlite:./data/events.db';

/**
 * The SQLite file of an `--event-store` URL, written the way EVENT_STORE_URL is
 * (libs/service-runtime): `sqlite:<path>` relative to `cwd`, or `sqlite:///abs/path`. The
 * bulk import runs embedded only so far: a `postgres://` or `kurrentdb://` store is refused.
 * @throws DomainError `cli.event-store`.
 */
export function eventStorePathOf(url: string, cwd: string): string {
  const refuse = (zh: string, en: string) => new DomainError({ code: 'cli.event-store', field: 'eventStore', message: `--event-store ${zh} / ${en}` });
  if (/^(postgres(ql)?|kurrentdb|esdb)(\+discover)?:/i.test(url)) throw refuse('目前只支持嵌入式 sqlite:<路径>', 'supports only the embedded sqlite:<path> so far');
  if (!url.startsWith('sqlite:')) throw refuse('应为 sqlite:<路径>', 'must be sqlite:<path>');
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path.length === 0 || path.includes('\0') || path === ':memory:') throw refuse('须指定数据库文件', 'must name a file');
  return isAbsolute(path) ? path : resolve(cwd, path);
}
