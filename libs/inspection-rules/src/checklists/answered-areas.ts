import { INSPECTION_AREAS, type Checklist, type InspectionArea } from '../checklist';
import type { LatestAnswers } from '../findings';

/**
 * The areas (in checklist order) whose required questions all have an answer among the latest
 * answers of the round; completion needs all seven (design 11).
 */
export function answeredAreas(checklist: Checklist, latestAnswers: LatestAnswers): InspectionArea[] {
  const answered: InspectionArea[] = [];
  for (const area of INSPECTION_AREAS) {
    const answers = latestAnswers[area];
    if (answers === undefined) continue;
    if (checklist.areas[area].every((question) => !question.required || answers[question.id] !== undefined))
      answered.push(area);
  }
  return answered;
}
