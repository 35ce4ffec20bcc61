/**
 * A team as the inspection's `InspectionTeamFormed.v1` / `InspectionTeamChanged.v1` carry it:
 * the whole team after the event (libs/contracts/src/inspection). Written here against the shape
 * of design-11.md until the contracts land; only the fields the gateway reads.
 */
export interface InspectionTeamMessage {
  readonly campaignId: string;
  readonly teamId: string;
  readonly townshipCode: string | null;
  readonly villageCodes: readonly string[];
  readonly members: readonly { readonly userId: string; readonly role: string }[];
  readonly disbanded: boolean;
}

/** The integration event types the gateway consumes from the inspection. */
export const INSPECTION_TEAM_EVENT_TYPES = {
  formed: 'cn.relapsewatch.inspection.InspectionTeamFormed.v1',
  changed: 'cn.relapsewatch.inspection.InspectionTeamChanged.v1',
} as const;
