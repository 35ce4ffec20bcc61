import { PersonalDataError } from './errors';
import type { KeyErasure, WrappedDataKey } from './key-store.port';

const SUBJECT_ID = /^[\x21-\x7e]{1,200}$/;
const WRAPPED_BYTES = 12 + 32 + 16;

/** What every adapter checks before it writes, so all refuse the same input with the same code. */
export function checkWrappedKeys(keys: readonly WrappedDataKey[]): void {
  for (const [i, k] of keys.entries()) {
    if (
      !SUBJECT_ID.test(k?.subjectId ?? '') ||
      typeof k.masterKeyId !== 'string' ||
      k.masterKeyId === '' ||
      !(k.wrapped instanceof Uint8Array) ||
      k.wrapped.length !== WRAPPED_BYTES ||
      typeof k.createdAt !== 'string' ||
      Number.isNaN(Date.parse(k.createdAt))
    ) {
      throw new PersonalDataError('key-store.input', `第 ${i + 1} 个数据密钥不完整 / data key ${i + 1} is malformed`);
    }
  }
}

/** Checks a subject id list and an erasure the same way in every adapter. */
export function checkSubjectIds(subjectIds: readonly string[]): void {
  if (!subjectIds.every((id) => SUBJECT_ID.test(id ?? ''))) {
    throw new PersonalDataError('key-store.input', '主体标识格式错误 / subject id malformed');
  }
}

export function checkErasure(erasure: KeyErasure): void {
  checkSubjectIds([erasure?.subjectId]);
  if (
    typeof erasure.reason !== 'string' ||
    erasure.reason.trim() === '' ||
    Number.isNaN(Date.parse(erasure.erasedAt)) ||
    typeof erasure.erasedBy?.userId !== 'string' ||
    erasure.erasedBy.userId === '' ||
    typeof erasure.erasedBy.role !== 'string' ||
    erasure.erasedBy.role === ''
  ) {
    throw new PersonalDataError(
      'key-store.input',
      '删除须写明原因、时间和操作人 / an erasure needs a reason, a time and who did it',
    );
  }
}
