import type { Language } from './messages';

type Labels = Readonly<Record<string, readonly [zh: string, en: string]>>;

/** The rules that raise data-quality issues and rectification items (libs/inspection-rules' rule sets). */
export const RULE_LABELS: Labels = {
  'data-quality.per-capita-recompute': ['人均纯收入复算不符', 'per-capita income does not recompute'],
  'data-quality.rural-in-urban-committee': ['农村户在居委会', 'rural household in an urban committee'],
  'data-quality.lost-labour-without-health-record': ['丧失劳动力但无健康记录', 'lost labour without a health record'],
  'data-quality.eliminated-but-insecure': ['已消除风险但“三保障”未落实', 'eliminated but 3+1 not secured'],
  'data-quality.dropout-vs-education': ['辍学与义务教育有保障矛盾', 'drop-out contradicts education secured'],
  'data-quality.education-contradicted': ['义务教育保障与实际不符', 'education secured contradicted'],
  'data-quality.schooling-age': ['年龄与在校情况不符', 'age and schooling disagree'],
  'data-quality.housing-vs-grade': ['住房安全与等级不符', 'housing safety contradicts its grade'],
  'data-quality.water-vs-record': ['饮水安全与记录不符', 'drinking water contradicts the record'],
  'data-quality.insurance-vs-record': ['参保情况与记录不符', 'insurance contradicts the record'],
  'data-quality.members-count': ['在家人口与档案不符', 'members present differ from the record'],
  'data-quality.record-mismatch': ['档案与实际不符', 'record does not match reality'],
  'rectification.assistance-measures': ['帮扶措施未落实', 'assistance measures not in place'],
  'rectification.elimination-stability': ['风险消除不稳定', 'risk elimination not stable'],
  'rectification.housing': ['住房安全隐患', 'unsafe housing'],
  'rectification.drinking-water': ['饮水安全隐患', 'unsafe drinking water'],
  'rectification.education': ['适龄儿童辍学', 'child dropped out of school'],
  'rectification.medical-insurance': ['未全员参保', 'not everyone insured'],
  'rectification.data-quality': ['数据质量整改', 'data-quality rectification'],
  'rectification.policy-awareness': ['政策宣传不到位', 'policy leaflets not received'],
};

/** The seven inspection areas. */
export const AREA_LABELS: Labels = {
  'relapse-risk': ['返贫致贫风险', 'relapse risk'],
  income: ['收入情况', 'income'],
  'assistance-measures': ['帮扶措施落实', 'assistance measures'],
  'elimination-stability': ['风险消除稳定性', 'elimination stability'],
  'latent-risks': ['重大风险隐患', 'latent risks'],
  'data-quality': ['数据质量', 'data quality'],
  'policy-awareness': ['政策知晓', 'policy awareness'],
};

/** The rules of one kind, for the filter. */
export function rulesOf(kind: 'data-quality' | 'rectification'): string[] {
  return Object.keys(RULE_LABELS).filter((id) => id.startsWith(`${kind}.`));
}

/** The label of a coded value in the reader's language; the code itself when it has none. */
export function labelOf(labels: Labels, code: string | null, language: Language): string {
  if (code === null) return '—';
  const label = labels[code];
  return label === undefined ? code : label[language === 'zh-CN' ? 0 : 1];
}

/** The units rectification items are owned by (the rule sets' `ownerUnit`). */
export const OWNER_LABELS: Labels = {
  village: ['村', 'village'],
  township: ['乡镇', 'township'],
  'county-rural-revitalization': ['县乡村振兴局', 'county rural revitalization bureau'],
  'county-housing': ['县住建局', 'county housing bureau'],
  'county-water': ['县水利局', 'county water bureau'],
  'county-education': ['县教育局', 'county education bureau'],
  'county-medical-insurance': ['县医保局', 'county medical insurance bureau'],
};
