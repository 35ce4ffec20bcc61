import {
  INSPECTION_AREAS,
  type AreaFindings,
  type Findings,
  type InspectionArea,
} from '@relapse-watch/inspection-rules';
import type { AreaFindingsDto, FindingsDto } from './findings.dto';

/** The findings of a request as plain data, each field copied so nothing unexpected reaches an event. */
export function findingsOf(dto: FindingsDto): Findings {
  const findings: Partial<Record<InspectionArea, AreaFindings>> = {};
  for (const area of INSPECTION_AREAS) {
    const found: AreaFindingsDto | undefined = dto[area];
    if (found === undefined) continue;
    findings[area] = { answers: { ...found.answers }, note: found.note ?? null, evidence: [...(found.evidence ?? [])] };
  }
  return findings;
}
