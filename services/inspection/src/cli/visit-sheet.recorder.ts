import { randomUUID } from 'node:crypto';
import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import { OPERATOR } from '@relapse-watch/access';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import type { SheetVisit } from '../import/visit-row.parser';
import type { VisitSheetRecorder } from '../import/visit-sheet.import';

/**
 * The visit sheet's rows through the inspection's own use case (`recordVisit`: checklist, key
 * groups and regions, the rules' suggestions, completion), as the operator at the command line.
 * A row names its household by id or by village and household number (looked up in the
 * inspection's view of households). A rule's refusal becomes the row's problems; anything else
 * (a store failing) stops the import.
 */
export function visitSheetRecorder(
  campaignId: string,
  commands: HouseholdInspectionCommands,
  households: HouseholdFactsQueries,
): VisitSheetRecorder {
  const correlationId = randomUUID();
  return {
    async record(visit: SheetVisit, context): Promise<readonly DomainProblem[]> {
      const householdId =
        'householdId' in visit.household
          ? visit.household.householdId
          : await households.idByNumber(visit.household.villageCode, visit.household.householdNumber);
      if (householdId === null)
        return [
          {
            code: 'household.not-known',
            field: 'householdNumber',
            message:
              '排查服务尚不知道该村的这个户编号 / The inspection knows no household of this number in the village',
          },
        ];
      const { method, contactedOn, findings, complete } = visit;
      try {
        await commands.recordVisit(
          { campaignId, householdId },
          { method, contactedOn, findings, complete },
          { caller: OPERATOR, idempotencyKey: context.idempotencyKey, correlationId },
        );
        return [];
      } catch (error) {
        if (error instanceof DomainError) return error.problems;
        throw error;
      }
    },
  };
}
