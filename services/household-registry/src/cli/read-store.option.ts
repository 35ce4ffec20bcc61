import { isAbsolute, resolve } from 'node:path';
import { DomainError } from '@relapse-watch/domain-kernel';

/** Default of `--read-store`: the embedded read store under the runtime's default DATA_DIR (./data). */
export const DEFAULT_READ_STORE_URL = 'sqlite:./data/read.db';

/**
 * The SQLite file of a `--read-store` URL, written the way READ_STORE_URL is
 * (libs/service-runtime): `sqlite:<path>` with a relative path taken from `cwd`, or
 * `sqlite:///abs/path`. Other stores are refused until the CLI moves to the runtime config.
 * @throws DomainError `cli.read-store`.
 */
export function sqlitePathOf(url: string, cwd: string): string {
  const refuse = (zh: string, en: string) =>
    new DomainError({ code: 'cli.read-store', field: 'readStore', message: `--read-store ${zh} / ${en}` });
  if (/^mongodb(\+srv)?:/i.test(url)) throw refuse('目前只支持 sqlite:<路径>', 'supports only sqlite:<path> so far');
  if (!url.startsWith('sqlite:')) throw refuse('应为 sqlite:<路径>', 'must be sqlite:<path>');
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path.length === 0 || path.includes('\0')) throw refuse('缺少数据库文件路径', 'must name a file');
  return path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path);
}
