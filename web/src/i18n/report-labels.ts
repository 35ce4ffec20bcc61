import type { Language } from './messages';

type Labels = Readonly<Record<string, readonly [zh: string, en: string]>>;

/**
 * Names of the codes the reports break down by, worded as the contracts' label tables and
 * DOMAIN.md word them. A code without a name (a province's own risk type, a rule added later)
 * shows as itself.
 */
export const REPORT_LABELS = {
  method: {
    'household-visit': ['入户走访', 'Household visit'],
    'online-communication': ['线上沟通', 'Online communication'],
    'group-assessment': ['群众评议', 'Villagers’ group assessment'],
  },
  category: {
    'unstable-poverty-alleviated': ['脱贫不稳定户', 'Unstable poverty-alleviated'],
    'marginal-prone-to-poverty': ['边缘易致贫户', 'Marginal, prone to poverty'],
    'sudden-severe-hardship': ['突发严重困难户', 'Sudden severe hardship'],
  },
  leadSource: {
    'self-application': ['农户自主申报', 'Self-application'],
    'cadre-inspection': ['基层干部排查', 'Cadre inspection'],
    'department-warning': ['部门筛查预警', 'Department warning'],
    'concentrated-inspection': ['集中排查', 'Concentrated inspection'],
  },
  riskType: {
    illness: ['因病', 'Illness'],
    'schooling-cost': ['因学', 'Schooling cost'],
    disability: ['因残', 'Disability'],
    'natural-disaster': ['因自然灾害', 'Natural disaster'],
    accident: ['因意外事故', 'Accident'],
    'failed-industry-project': ['因产业项目失败', 'Failed industry project'],
    'unstable-work': ['因务工就业不稳', 'Unstable work'],
    'lack-of-labour': ['缺劳动力', 'Lack of labour'],
    'housing-insecure': ['住房安全问题', 'Housing insecure'],
    'drinking-water-insecure': ['饮水安全问题', 'Drinking water insecure'],
    'education-not-secured': ['义务教育保障问题', 'Education not secured'],
    'medical-not-secured': ['基本医疗保障问题', 'Medical care not secured'],
    other: ['其他', 'Other'],
  },
  measure: {
    industry: ['产业帮扶', 'Industry'],
    employment: ['就业帮扶', 'Employment'],
    health: ['健康帮扶', 'Health'],
    education: ['教育帮扶', 'Education'],
    'social-assistance': ['社会救助兜底', 'Social assistance'],
    housing: ['住房安全', 'Housing'],
    'drinking-water': ['饮水安全', 'Drinking water'],
    other: ['其他', 'Other'],
  },
  duration: {
    'up-to-1y': ['一年以内', 'Up to 1 year'],
    '1-2y': ['一至两年', '1–2 years'],
    'over-2y': ['两年以上', 'Over 2 years'],
  },
  line: {
    'monitoring-threshold': ['监测范围（标准）', 'Monitoring threshold'],
    'inspection-filter': ['排查筛选线', 'Inspection filter line'],
  },
  area: {
    'relapse-risk': ['返贫致贫风险', 'Risk of relapse or onset'],
    income: ['收入情况', 'Income'],
    'assistance-measures': ['帮扶措施落实', 'Assistance measures in place'],
    'elimination-stability': ['风险消除稳定性', 'Stability of elimination'],
    'latent-risks': ['重大风险隐患', 'Major latent risks'],
    'data-quality': ['数据质量', 'Data quality'],
    'policy-awareness': ['政策知晓', 'Policy awareness'],
  },
  keyRegionKind: {
    'priority-assistance-county': ['乡村振兴重点帮扶县', 'Priority assistance county'],
    'centralized-resettlement-area': ['集中安置区', 'Centralized resettlement area'],
    'heavy-consolidation-task': ['巩固任务较重地区', 'Heavy consolidation task'],
    'major-natural-disaster': ['重大自然灾害地区', 'Major natural disaster'],
    'marked-fall-in-new-monitoring': ['新识别监测对象明显下降地区', 'Marked fall in new monitoring subjects'],
    'heavy-rectification-task': ['整改任务较重地区', 'Heavy rectification task'],
  },
  tier: {
    province: ['省', 'Province'],
    city: ['市（州）', 'City'],
    county: ['县（市、区）', 'County'],
    township: ['乡（镇、街道）', 'Township'],
    village: ['村（社区）', 'Village'],
  },
} as const satisfies Readonly<Record<string, Labels>>;

/** The name of `code` in the list, in the reader's language; the code itself when unnamed. */
export function reportLabel(list: keyof typeof REPORT_LABELS, code: string, language: Language): string {
  const names = (REPORT_LABELS[list] as Labels)[code];
  if (names === undefined) return code;
  return language === 'zh-CN' ? names[0] : names[1];
}
