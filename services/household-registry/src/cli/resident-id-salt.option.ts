import { DomainError } from '@relapse-watch/domain-kernel';

/**
 * The salt of resident-ID hashes in embedded development mode when RESIDENT_ID_SALT is not set.
 * Public, so it protects nothing: every deployment sets its own secret, and changing the salt
 * re-keys every person reservation (import into a store with the salt it was built with).
 */
export const DEVELOPMENT_RESIDENT_ID_SALT = 'relapse-watch-embedded-development-salt';

/**
 * The salt for `residentIdHash`: `--resident-id-salt`, else RESIDENT_ID_SALT, else the
 * development default (with a warning through `warn`). The CLI's one place for this setting.
 * @throws DomainError `cli.resident-id-salt` for a salt shorter than the kernel accepts.
 */
export function residentIdSaltOf(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void,
): string {
  const salt = option ?? env.RESIDENT_ID_SALT;
  if (salt === undefined || salt === '') {
    warn(
      '注意 / note: 未设置 RESIDENT_ID_SALT，使用开发用默认盐值 / RESIDENT_ID_SALT is not set; using the development default salt',
    );
    return DEVELOPMENT_RESIDENT_ID_SALT;
  }
  if (salt.length < 16) {
    throw new DomainError({
      code: 'cli.resident-id-salt',
      field: 'residentIdSalt',
      message: 'RESIDENT_ID_SALT 至少16个字符 / RESIDENT_ID_SALT must have at least 16 characters',
    });
  }
  return salt;
}
