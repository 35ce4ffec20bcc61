import type { Clock } from '@relapse-watch/domain-kernel';
import { handleCommand, type CommandContext, type CommandResult } from '@relapse-watch/event-store-core';
import type {
  AddMember,
  HouseholdCommand,
  TodayFact,
  Record3Plus1Status,
  RecordIncome,
  RecordRigidExpenditure,
  RegisterHousehold,
  RemoveMember,
  ReportRiskEvent,
  SetFlags,
  SetStatus,
  UpdateMember,
} from '../domain/household/household.commands';
import type { DesignateKeyRegion } from '../domain/province-policy/province-policy.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import { divisionError } from '../divisions/division.errors';
import { addMember, type RegistryHandlerDeps } from './add-member.handler';
import { removeMember, updateMember } from './change-member.handler';
import { erasePersonalData, type ErasureResult, type PersonalDataEraser } from './erase-personal-data.handler';
import { householdPolicyFacts, type HouseholdPolicyFacts } from './policy-facts';
import { handleProvincePolicyCommand, type ProvincePolicyRequest } from './province-policy.handler';
import { registerHousehold } from './register-household.handler';
import { actorOfCaller, authorizeCaller } from '@relapse-watch/access';
import { createdIdFor, householdIdFor, provincePolicyScope } from './registry-ids';

// The tenant of a change to a household that does not exist; the decider refuses it unwritten.
const UNPLACED = '000000000000';

/** What the registry looks up in reference data before deciding (the deciders cannot). */
export interface RegistryLookups {
  /** Whether a 12-digit code is a unit of a loaded province (villages, counties…). */
  isKnownDivision(code: string): boolean;
  /** Whether a resident ID's first six digits name a division of registration (since 1980). */
  isKnownRegistrationPrefix(prefix: string): boolean;
  /** Whether a village-tier unit is an urban residents' committee (居委会); undefined when unknown. */
  isUrbanResidentsCommittee?(villageCode: string): boolean | undefined;
}

/** Dependencies of {@link RegistryCommands}. */
export interface RegistryCommandDeps extends RegistryHandlerDeps {
  readonly lookups: RegistryLookups;
  /** The time and the officials' "today" for date rules (the configured time zone; fixed in tests). */
  readonly clock: Clock;
  /** Destroys households' data keys; without it, erasures are refused (`privacy.not-configured`). */
  readonly personalData?: PersonalDataEraser;
}

type HouseholdResult = CommandResult<HouseholdEvent, HouseholdState>;
/** The result of a command that creates something, with the id it was given (the caller's or a derived one). */
export type Created<R> = R & { readonly createdId: string };
/**
 * A command context before the registry places it (service-runtime's): the tenant division of a
 * change is the household's village (or the policy's province). A bulk import passes `now` for the run.
 */
export type { RequestContext } from '@relapse-watch/service-runtime';
import type { RequestContext } from '@relapse-watch/service-runtime';
/** A command's data as a request brings it; the registry adds the facts. */
type DataOf<C extends HouseholdCommand> = C['data'];

/**
 * The registry's use cases, free of HTTP and NestJS: each builds the command with the facts
 * it looks up (today, whether a division is known), then runs it through the handler that keeps
 * its cross-stream rule (reservations). The HTTP controllers and the bulk import both call these.
 */
export class RegistryCommands {
  constructor(private readonly deps: RegistryCommandDeps) {}

  /** Registers a household; its id is derived from (village, number) unless the caller gave one. */
  register(
    data: Omit<DataOf<RegisterHousehold>, 'householdId'> & { readonly householdId?: string },
    ctx: RequestContext,
  ): Promise<HouseholdResult> {
    authorizeCaller(ctx.caller, 'registry.write', data.villageCode, 'villageCode');
    if (!this.deps.lookups.isKnownDivision(data.villageCode) && /^\d{12}$/.test(data.villageCode))
      throw divisionError('division.unknown', 'villageCode');
    const householdId = data.householdId ?? householdIdFor(data.villageCode, data.householdNumber);
    const placed = this.at(ctx, data.villageCode);
    const command: RegisterHousehold = {
      type: 'RegisterHousehold',
      data: { ...data, householdId },
      facts: { ...this.facts(placed), householdNumberInUse: false },
    };
    return registerHousehold(this.deps.store, command, placed);
  }

  /** Adds a member; the member id is derived from the idempotency key when there is one. */
  async addMember(
    householdId: string,
    data: Omit<DataOf<AddMember>, 'memberId'> & { readonly memberId?: string },
    ctx: RequestContext,
  ): Promise<Created<HouseholdResult>> {
    const memberId = data.memberId ?? createdIdFor(`member\n${householdId}`, ctx.idempotencyKey);
    const placed = await this.placed(householdId, ctx);
    const command: AddMember = {
      type: 'AddMember',
      data: { ...data, memberId },
      facts: await this.memberFacts(data.personal.residentId, placed),
    };
    const result = await addMember(this.deps, householdId, command, placed);
    return { ...result, createdId: memberId };
  }

  async updateMember(householdId: string, data: DataOf<UpdateMember>, ctx: RequestContext): Promise<HouseholdResult> {
    const placed = await this.placed(householdId, ctx);
    const command: UpdateMember = {
      type: 'UpdateMember',
      data,
      facts: await this.memberFacts(data.personal.residentId, placed),
    };
    return updateMember(this.deps, householdId, command, placed);
  }

  async removeMember(householdId: string, data: DataOf<RemoveMember>, ctx: RequestContext): Promise<HouseholdResult> {
    const placed = await this.placed(householdId, ctx);
    const { perCapitaDivisorRule } = await this.policyFacts(placed);
    const facts = { ...this.facts(placed), perCapitaDivisorRule };
    return removeMember(this.deps, householdId, { type: 'RemoveMember', data, facts }, placed);
  }

  recordIncome(householdId: string, data: DataOf<RecordIncome>, ctx: RequestContext): Promise<HouseholdResult> {
    return this.run(householdId, ctx, async (facts, placed) => ({
      type: 'RecordIncome',
      data,
      facts: { ...facts, perCapitaDivisorRule: (await this.policyFacts(placed)).perCapitaDivisorRule },
    }));
  }

  recordRigidExpenditure(
    householdId: string,
    data: DataOf<RecordRigidExpenditure>,
    ctx: RequestContext,
  ): Promise<HouseholdResult> {
    return this.run(householdId, ctx, (facts) => ({ type: 'RecordRigidExpenditure', data, facts }));
  }

  /** Reports a risk event of a type the province knows; its id is derived from the idempotency key when there is one. */
  async reportRiskEvent(
    householdId: string,
    data: Omit<DataOf<ReportRiskEvent>, 'riskEventId'> & { readonly riskEventId?: string },
    ctx: RequestContext,
  ): Promise<Created<HouseholdResult>> {
    const riskEventId = data.riskEventId ?? createdIdFor(`risk-event\n${householdId}`, ctx.idempotencyKey);
    const result = await this.run(householdId, ctx, async (facts, placed) => {
      const { riskTypes } = await this.policyFacts(placed);
      const riskTypeKnown = riskTypes.some((t) => t.code === data.kind);
      return { type: 'ReportRiskEvent', data: { ...data, riskEventId }, facts: { ...facts, riskTypeKnown } };
    });
    return { ...result, createdId: riskEventId };
  }

  record3Plus1Status(
    householdId: string,
    data: DataOf<Record3Plus1Status>,
    ctx: RequestContext,
  ): Promise<HouseholdResult> {
    return this.run(householdId, ctx, (facts) => ({ type: 'Record3Plus1Status', data, facts }));
  }

  setStatus(householdId: string, data: DataOf<SetStatus>, ctx: RequestContext): Promise<HouseholdResult> {
    return this.run(householdId, ctx, (facts) => ({ type: 'SetStatus', data, facts }));
  }

  setFlags(householdId: string, data: DataOf<SetFlags>, ctx: RequestContext): Promise<HouseholdResult> {
    return this.run(householdId, ctx, (facts) => ({ type: 'SetFlags', data, facts }));
  }

  /** A province policy command (thresholds, key regions). */
  policy(request: ProvincePolicyRequest, ctx: RequestContext) {
    const provinceUnit = request.data.provinceCode.padEnd(12, '0');
    authorizeCaller(ctx.caller, 'policy.write', provinceUnit, 'provinceCode');
    const placed = this.at(ctx, provinceUnit);
    return handleProvincePolicyCommand(
      { store: this.deps.store, isKnownDivision: (code) => this.deps.lookups.isKnownDivision(code) },
      request,
      placed,
    );
  }

  /** Designates a key region; its id is derived from the idempotency key when the caller gave none. */
  async designateKeyRegion(
    data: Omit<DesignateKeyRegion['data'], 'regionId'> & { readonly regionId?: string },
    ctx: RequestContext,
  ) {
    const scope = `key-region\n${provincePolicyScope(data.provinceCode, data.year)}`;
    const regionId = data.regionId ?? createdIdFor(scope, ctx.idempotencyKey);
    const result = await this.policy({ type: 'DesignateKeyRegion', data: { ...data, regionId } }, ctx);
    return { ...result, createdId: regionId };
  }

  /** Runs a command built with the facts of the household's village (the warnings read them too). */
  private async run(
    householdId: string,
    ctx: RequestContext,
    command: (facts: TodayFact, placed: CommandContext) => HouseholdCommand | Promise<HouseholdCommand>,
  ): Promise<HouseholdResult> {
    const placed = await this.placed(householdId, ctx);
    return handleCommand(
      this.deps.store,
      householdStreamId(householdId),
      householdDecider,
      await command(this.facts(placed), placed),
      placed,
    );
  }

  /** Erases the household's personal data: the event in its stream, then its data key destroyed. */
  async erasePersonalData(householdId: string, reason: string, ctx: RequestContext): Promise<ErasureResult> {
    const eraser = this.deps.personalData;
    if (eraser === undefined) throw new Error('privacy.not-configured: no key store to erase personal data in');
    const placed = await this.placed(householdId, ctx);
    return erasePersonalData({ store: this.deps.store, eraser }, householdId, reason, placed);
  }

  /**
   * The context in the household's village, once the caller is allowed to change households
   * there. An unregistered household is refused by the decider before anything is written (404
   * to whoever may write somewhere: its id says nothing of a place to check).
   */
  private async placed(householdId: string, ctx: RequestContext): Promise<CommandContext> {
    for await (const first of this.deps.store.readStream(householdStreamId(householdId), { maxCount: 1 })) {
      const villageCode = (first.data as { villageCode: string }).villageCode;
      authorizeCaller(ctx.caller, 'registry.write', villageCode, 'householdId');
      return this.at(ctx, villageCode);
    }
    authorizeCaller(ctx.caller, 'registry.write', undefined, 'householdId');
    return this.at(ctx, UNPLACED);
  }

  /** The command context of the request in `divisionCode`, its actor the caller. */
  private at(ctx: RequestContext, divisionCode: string): CommandContext {
    const { caller: _caller, ...rest } = ctx;
    return { ...rest, now: this.nowOf(ctx), actor: actorOfCaller(ctx.caller), divisionCode };
  }

  private async memberFacts(residentId: string, placed: CommandContext) {
    return {
      ...this.facts(placed),
      registrationDivisionKnown: this.deps.lookups.isKnownRegistrationPrefix(residentId.slice(0, 6)),
      perCapitaDivisorRule: (await this.policyFacts(placed)).perCapitaDivisorRule,
    };
  }

  /** The policy of the household's province today; an unplaced (unregistered) household gets the defaults, and is refused anyway. */
  private policyFacts(placed: CommandContext): Promise<HouseholdPolicyFacts> {
    return householdPolicyFacts(this.deps.store, placed.divisionCode.slice(0, 2), this.today(placed));
  }

  /** Today and, when the division tree says, whether the household's village (the context's division) is a 居委会. */
  private facts(ctx: CommandContext): TodayFact {
    const urban = this.deps.lookups.isUrbanResidentsCommittee?.(ctx.divisionCode);
    return { today: this.today(ctx), ...(urban === undefined ? {} : { villageIsUrbanCommittee: urban }) };
  }

  private today(ctx: RequestContext | CommandContext) {
    return this.deps.clock.dateAt(this.nowOf(ctx));
  }

  // One instant per request: "today" and the events' `occurredAt` must not straddle midnight.
  private readonly instants = new WeakMap<RequestContext | CommandContext, Date>();
  private nowOf(ctx: RequestContext | CommandContext): Date {
    if (ctx.now !== undefined) return ctx.now;
    const now = this.instants.get(ctx) ?? this.deps.clock.now();
    this.instants.set(ctx, now);
    return now;
  }
}
