import { handleCommand, uuidV5 } from '@relapse-watch/event-store-core';
import type { RecordCorrectionSent } from '../domain/household-inspection/household-inspection.commands';
import { householdInspectionDecider } from '../domain/household-inspection/household-inspection.decider';
import type { CorrectionAnswer } from '../domain/household-inspection/household-inspection.events';
import {
  place,
  type HouseholdInspectionDeps,
  type InspectionAddress,
  type InspectionRequestContext,
} from './household-inspection.placement';

/** The registry commands a visit may correct, each the registry's own route on the household. */
export const CORRECTION_KINDS = ['three-plus-one', 'flags', 'status', 'member'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/**
 * A correction of household facts found in the field: the body of the registry's own command
 * (checked by the registry, never by the inspection), and the member for `member`.
 */
export interface FieldCorrection {
  readonly kind: CorrectionKind;
  readonly memberId?: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** How a correction is sent: as the official (their token, so their own rights apply), under the request's correlation. */
export interface CorrectionRequest {
  readonly bearerToken: string;
  readonly correlationId: string;
  /** The inspection event the correction follows from (the contact that found it). */
  readonly causationId: string;
  /** Makes a re-sent correction write nothing twice in the registry. */
  readonly idempotencyKey: string;
}

/**
 * Port: the registry's HTTP API, where corrections go as its own commands. Resolves with the
 * registry's answer (accepted with its position, or refused with its status and code); rejects
 * when the registry cannot be reached or fails (5xx), so nothing is recorded and a re-send retries.
 */
export interface RegistryCorrections {
  send(householdId: string, correction: FieldCorrection, request: CorrectionRequest): Promise<CorrectionAnswer>;
}

/** What became of one correction of a visit. */
export type CorrectionOutcome = { readonly correctionId: string; readonly kind: CorrectionKind } & (
  CorrectionAnswer | { readonly outcome: 'not-sent'; readonly code: string }
);

// Fixed namespace: a re-sent visit names its corrections again, so each is sent and recorded once.
const CORRECTION_NAMESPACE = '3b2a1908-f7e6-4d5c-8b4a-392817161514';

/**
 * Sends a visit's corrections to the registry as its own commands and records each answer in the
 * inspection's stream (`HouseholdCorrectionSent`); the registry's facts change only there. One
 * already recorded (a re-sent visit) is not sent again.
 */
export class FieldCorrections {
  constructor(private readonly deps: HouseholdInspectionDeps & { readonly registry: RegistryCorrections }) {}

  async send(
    address: InspectionAddress,
    contactId: string,
    corrections: readonly FieldCorrection[],
    ctx: InspectionRequestContext,
    bearerToken: string | undefined,
  ): Promise<readonly CorrectionOutcome[]> {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    const { contactEventId, recorded } = await this.contactOf(placed.streamId, contactId);
    const outcomes: CorrectionOutcome[] = [];
    for (const [index, correction] of corrections.entries()) {
      const correctionId = uuidV5(`${placed.streamId}\n${contactId}\n${index}`, CORRECTION_NAMESPACE);
      const kind = correction.kind;
      const earlier = recorded.get(correctionId);
      if (earlier !== undefined) {
        outcomes.push({ correctionId, kind, ...earlier });
        continue;
      }
      if (bearerToken === undefined || contactEventId === null) {
        outcomes.push({ correctionId, kind, outcome: 'not-sent', code: 'correction.no-credentials' });
        continue;
      }
      const request = {
        bearerToken,
        correlationId: ctx.correlationId,
        causationId: contactEventId,
        idempotencyKey: `inspection-correction-${correctionId}`,
      };
      const answer = await this.deps.registry.send(address.householdId, correction, request).catch(() => null);
      if (answer === null) {
        outcomes.push({ correctionId, kind, outcome: 'not-sent', code: 'correction.registry-unavailable' });
        continue;
      }
      const command: RecordCorrectionSent = {
        type: 'RecordCorrectionSent',
        data: { correctionId, contactId, kind, answer },
        facts: placed.facts,
      };
      const { idempotencyKey: _key, expectedRevision: _revision, ...context } = placed.context;
      await handleCommand(this.deps.store, placed.streamId, householdInspectionDecider, command, {
        ...context,
        causationId: contactEventId,
      });
      outcomes.push({ correctionId, kind, ...answer });
    }
    return outcomes;
  }

  /** The stored id of the contact's event (the corrections' causation) and the corrections already answered. */
  private async contactOf(streamId: string, contactId: string) {
    let contactEventId: string | null = null;
    const recorded = new Map<string, CorrectionAnswer>();
    for await (const event of this.deps.store.readStream(streamId)) {
      const data = event.data as { contactId?: string; correctionId?: string; answer?: CorrectionAnswer };
      if (event.type === 'HouseholdContactRecorded' && data.contactId === contactId) contactEventId = event.id;
      if (event.type === 'HouseholdCorrectionSent' && data.correctionId !== undefined && data.answer !== undefined)
        recorded.set(data.correctionId, data.answer);
    }
    return { contactEventId, recorded };
  }
}
