import type { Evidence } from '../suggestions';
import { addOnce, answerOf, findingEvidence, type EvaluationContext } from './evaluation-context';

/**
 * The evidence that "3+1" is not secured — from the registry's record or the round's answers to
 * the latent-risks questions — adding the matching risk types; null when everything is secured.
 */
export function threePlusOneEvidence(
  context: EvaluationContext,
  dangerousGrades: readonly string[],
  riskTypes: string[],
): Evidence[] | null {
  let evidence: Evidence[] | null = null;
  const add = (item: Evidence, riskType: string) => {
    evidence ??= [];
    evidence.push(item);
    addOnce(riskTypes, riskType);
  };
  const record = context.facts.threePlusOne;
  if (record !== null) {
    if (!record.foodAndClothingSecured) add({ fact: 'threePlusOne.foodAndClothingSecured', value: false }, 'other');
    if (!record.compulsoryEducationSecured)
      add({ fact: 'threePlusOne.compulsoryEducationSecured', value: false }, 'education-not-secured');
    if (!record.medicalInsuranceCovered)
      add({ fact: 'threePlusOne.medicalInsuranceCovered', value: false }, 'medical-not-secured');
    if (dangerousGrades.includes(record.housingGrade))
      add(
        { fact: 'threePlusOne.housingGrade', value: record.housingGrade, threshold: dangerousGrades.join(',') },
        'housing-insecure',
      );
    if (!record.drinkingWaterSafe)
      add({ fact: 'threePlusOne.drinkingWaterSafe', value: false }, 'drinking-water-insecure');
  }
  if (answerOf(context, 'latent-risks', 'housing-safe') === false)
    add(findingEvidence('latent-risks', 'housing-safe', false), 'housing-insecure');
  if (answerOf(context, 'latent-risks', 'drinking-water-safe') === false)
    add(findingEvidence('latent-risks', 'drinking-water-safe', false), 'drinking-water-insecure');
  if (answerOf(context, 'latent-risks', 'child-dropped-out') === true)
    add(findingEvidence('latent-risks', 'child-dropped-out', true), 'education-not-secured');
  if (answerOf(context, 'latent-risks', 'all-insured') === false)
    add(findingEvidence('latent-risks', 'all-insured', false), 'medical-not-secured');
  return evidence;
}
