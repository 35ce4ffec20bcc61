export * from './domain/household/household.values';
export * from './domain/household/member.values';
export * from './domain/household/household.commands';
export * from './domain/household/household.events';
export { HOUSEHOLD_RULE_MESSAGES, type HouseholdRuleCode } from './domain/household/household.errors';
export type { HouseholdMember, HouseholdState, IncomeRecord, RegisteredHousehold, RigidExpenditureRecord, RiskEventRecord } from './domain/household/household.state';
export * from './domain/household/household.decider';
