import { DomainError } from '@relapse-watch/domain-kernel';
import type { Checklist } from '../checklist';
import { CHECKLIST_2024_1 } from './checklist-2024-1';

const CHECKLISTS: ReadonlyMap<string, Checklist> = new Map([[CHECKLIST_2024_1.version, CHECKLIST_2024_1]]);

/** The checklist versions a campaign may name, oldest first. */
export const CHECKLIST_VERSIONS: readonly string[] = [...CHECKLISTS.keys()];

/**
 * The checklist of a version. A campaign names its version at launch and keeps it, so an
 * inspection is always read against the questions it was asked with.
 * @throws DomainError `checklist.unknown-version` (field `checklistVersion`) for a version not shipped.
 */
export function checklistOf(version: string): Checklist {
  const checklist = CHECKLISTS.get(version);
  if (checklist !== undefined) return checklist;
  throw new DomainError({
    code: 'checklist.unknown-version',
    field: 'checklistVersion',
    message: `没有此版本的排查表，可用版本：${CHECKLIST_VERSIONS.join('、')} / No checklist of this version; available: ${CHECKLIST_VERSIONS.join(', ')}`,
  });
}
