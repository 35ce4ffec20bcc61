// The risk-type reference data lives in the kernel since the assistance service reads the same
// labels from its caseload sheet; the registry's domain keeps importing it from here.
export {
  NATIONAL_RISK_TYPES,
  RISK_TYPE_CODE_MAX_LENGTH,
  RISK_TYPE_CODE_PATTERN,
  RISK_TYPE_LOCAL_CODE_PATTERN,
  isNationalRiskType,
  isRiskTypeCode,
  provinceRiskTypeCode,
  riskTypeCodeOf,
  riskTypesFor,
  type RiskType,
  type RiskTypeCode,
} from '@relapse-watch/domain-kernel';
