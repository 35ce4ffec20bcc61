/** A member's relation to the head of household (与户主关系), as on the household register. */
export type RelationToHead =
  | 'head'
  | 'spouse'
  | 'child'
  | 'child-in-law'
  | 'grandchild'
  | 'parent'
  | 'parent-in-law'
  | 'grandparent'
  | 'sibling'
  | 'other-relative'
  | 'other';

/** Disability grade on the disability certificate, 1 most severe (GB/T 26341-2010 一级–四级). */
export type DisabilityGrade = 1 | 2 | 3 | 4;

/** Health (健康状况): healthy, chronic illness, serious illness, or disabled with a grade. */
export type Health =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'chronic-illness' }
  | { readonly kind: 'serious-illness' }
  | { readonly kind: 'disabled'; readonly grade: DisabilityGrade };

/**
 * Labour capacity (劳动技能) as the national monitoring system records it: skilled (技能劳动力),
 * ordinary (普通劳动力), weak or half (弱劳动力或半劳动力), lost to illness or disability
 * (丧失劳动力), none because of age or schooling (无劳动力). "Has labour capacity" decides
 * between development and social-security assistance (DOMAIN.md "Assistance").
 */
export type LabourCapacity = 'skilled' | 'ordinary' | 'weak' | 'lost' | 'none';

/** Where a member works (务工地点). */
export type WorkPlace = 'within-county' | 'outside-county-within-province' | 'outside-province';

/** Employment and its stability; "unstable work" is a risk type of its own (DOMAIN.md). */
export type Employment =
  | { readonly status: 'not-employed' }
  | { readonly status: 'employed'; readonly place: WorkPlace; readonly stability: 'stable' | 'unstable' };

/** Schooling stage (在校生状况); `dropped-out` is what the compulsory-education guarantee watches. */
export type SchoolingStage =
  | 'pre-school'
  | 'primary'
  | 'junior-secondary'
  | 'senior-secondary'
  | 'secondary-vocational'
  | 'higher-vocational'
  | 'undergraduate-or-above'
  | 'dropped-out'
  | 'not-in-school';

/**
 * Personal data of a member. PERSONAL DATA: the privacy issue encrypts exactly this object in
 * every event (crypto-shredding, DESIGN.md "Event sourcing"); nothing personal lives elsewhere.
 */
export interface MemberPersonal {
  readonly name: string;
  /** The 18-character resident ID number, normalised (upper-case `X`). */
  readonly residentId: string;
  /** Only in the state and read models, once the household's personal data was erased (see {@link ERASED_MEMBER_PERSONAL}). */
  readonly erased?: true;
}

/**
 * What a stored event's `personal` part reads as once the household's data key was destroyed
 * (the sealing event store gives it in place of the value; `erasedAt` is the key store's time).
 */
export interface ErasedPersonalData {
  readonly $erased: true;
  readonly erasedAt: string;
}

/** Whether an event's `personal` part was erased. */
export function isErasedPersonalData(value: unknown): value is ErasedPersonalData {
  return typeof value === 'object' && value !== null && (value as { $erased?: unknown }).$erased === true;
}

/**
 * A member whose personal data was erased, as the state and every read model show them (name and
 * number read 已删除 / erased): the same value however the erasure is met (the erasure event, or an
 * event read after the key was destroyed), so a rebuild gives the same documents. Never in an event.
 */
export const ERASED_MEMBER_PERSONAL: MemberPersonal = {
  name: '已删除 / erased',
  residentId: '已删除 / erased',
  erased: true,
};

/** A member's personal data as the state holds it: the value, or {@link ERASED_MEMBER_PERSONAL}. */
export type MemberPersonalState = MemberPersonal;

/** The member's resident ID, or null once erased. */
export function residentIdOf(personal: MemberPersonalState): string | null {
  return personal.erased === true ? null : personal.residentId;
}

/** A member's facts that are not personal identifiers. */
export interface MemberProfile {
  readonly relationToHead: RelationToHead;
  readonly health: Health;
  readonly labourCapacity: LabourCapacity;
  readonly employment: Employment;
  readonly schooling: SchoolingStage;
  readonly medicalInsuranceEnrolled: boolean;
  /**
   * Lives in the household (常住). Per-capita net income counts every member by default, members
   * working away included; only where the province's divisor rule is `resident-members` does this decide.
   */
  readonly livesInHousehold: boolean;
}

/** Why a member left the household. */
export type MemberRemovalReason = 'deceased' | 'moved-out' | 'married-out' | 'registration-error' | 'other';
