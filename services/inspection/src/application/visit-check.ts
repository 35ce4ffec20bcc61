import type { Findings } from '@relapse-watch/inspection-rules';
import { FindingsInvalid } from './inspection-application.errors';
import {
  checklistOf,
  place,
  type HouseholdInspectionDeps,
  type InspectionAddress,
  type InspectionRequestContext,
} from './household-inspection.placement';

/** What a visit check answers when the visit would be taken: no problem. */
export interface VisitCheckResult {
  readonly problems: readonly [];
}

/**
 * Checks a visit before the field app sends it — offline drafts are checked when the inspector is
 * back in signal — exactly as recording it would, and writes nothing: the caller may record
 * visits for the household, the household and the campaign exist, and the findings fit the
 * campaign's checklist. The domain rules that depend on the round (a key-group household's
 * household visit) are the recording's, not the check's: they read the stream.
 */
export class VisitCheck {
  constructor(private readonly deps: HouseholdInspectionDeps) {}

  /**
   * @throws DomainError `access.*` (403), `household.not-known` / `campaign.not-found` (404),
   *   `inspection.household-outside-campaign` (422), FindingsInvalid (400, every problem)
   */
  async check(
    address: InspectionAddress,
    findings: Findings,
    ctx: InspectionRequestContext,
  ): Promise<VisitCheckResult> {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    const [first, ...rest] = this.deps.rules.validateFindings(checklistOf(this.deps.rules, placed.campaign), findings);
    if (first !== undefined) throw new FindingsInvalid([first, ...rest]);
    return { problems: [] };
  }
}
