import type { Language } from './messages';

type Labels = Readonly<Record<string, readonly [zh: string, en: string]>>;

/** Names of the register's coded values, as the national monitoring system words them. */
export const HOUSEHOLD_LABELS = {
  relation: {
    head: ['户主', 'head'],
    spouse: ['配偶', 'spouse'],
    child: ['子女', 'child'],
    'child-in-law': ['儿媳/女婿', 'child-in-law'],
    grandchild: ['孙辈', 'grandchild'],
    parent: ['父母', 'parent'],
    'parent-in-law': ['公婆/岳父母', 'parent-in-law'],
    grandparent: ['祖父母', 'grandparent'],
    sibling: ['兄弟姐妹', 'sibling'],
    'other-relative': ['其他亲属', 'other relative'],
    other: ['其他', 'other'],
  },
  health: {
    healthy: ['健康', 'healthy'],
    'chronic-illness': ['长期慢性病', 'chronic illness'],
    'serious-illness': ['大病', 'serious illness'],
    disabled: ['残疾', 'disabled'],
  },
  labour: {
    skilled: ['技能劳动力', 'skilled'],
    ordinary: ['普通劳动力', 'ordinary'],
    weak: ['弱劳动力或半劳动力', 'weak or half'],
    lost: ['丧失劳动力', 'lost'],
    none: ['无劳动力', 'none'],
  },
  employment: {
    'not-employed': ['未务工', 'not employed'],
    'within-county': ['县内务工', 'works within the county'],
    'outside-county-within-province': ['省内县外务工', 'works in the province, outside the county'],
    'outside-province': ['省外务工', 'works outside the province'],
    stable: ['稳定', 'stable'],
    unstable: ['不稳定', 'unstable'],
  },
  schooling: {
    'pre-school': ['学前教育', 'pre-school'],
    primary: ['小学', 'primary'],
    'junior-secondary': ['初中', 'junior secondary'],
    'senior-secondary': ['高中', 'senior secondary'],
    'secondary-vocational': ['中职', 'secondary vocational'],
    'higher-vocational': ['高职', 'higher vocational'],
    'undergraduate-or-above': ['本科及以上', 'undergraduate or above'],
    'dropped-out': ['辍学', 'dropped out'],
    'not-in-school': ['非在校生', 'not in school'],
  },
} as const satisfies Readonly<Record<string, Labels>>;

/** A group of {@link HOUSEHOLD_LABELS}. */
export type LabelGroup = keyof typeof HOUSEHOLD_LABELS;

/** The name of a coded value; the code itself when a newer API sends one we do not know yet. */
export function labelOf(group: LabelGroup, code: string, language: Language): string {
  const names = (HOUSEHOLD_LABELS[group] as Labels)[code];
  if (names === undefined) return code;
  return language === 'zh-CN' ? names[0] : names[1];
}
