import { assertNever } from '@relapse-watch/domain-kernel';
import type { SeededRandom } from './seeded-random';

// Name lists for synthetic people. Surname weights follow the order of the Ministry of Public
// Security's 2020 household-register ranking (王, 李, 张, 刘, 陈 … ), rounded; Sichuan's own
// frequent surnames (何, 罗, 邓, 曾, 蒋, 谢 …) are weighted up. Given names are one or two
// characters from lists typical of rural birth cohorts. Ethnic Tibetan (Aba 5132, Ganzi 5133)
// and Yi (Liangshan 5134) villages get names of their own, written in Chinese script as the
// household register writes them.

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 71],
  ['张', 66],
  ['刘', 55],
  ['陈', 54],
  ['杨', 38],
  ['黄', 25],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 14],
  ['林', 9],
  ['罗', 14],
  ['高', 9],
  ['郑', 7],
  ['梁', 7],
  ['谢', 9],
  ['宋', 6],
  ['唐', 9],
  ['许', 6],
  ['韩', 5],
  ['邓', 10],
  ['冯', 5],
  ['曹', 5],
  ['彭', 8],
  ['曾', 8],
  ['肖', 6],
  ['田', 5],
  ['董', 4],
  ['袁', 5],
  ['潘', 3],
  ['蒋', 7],
  ['蔡', 3],
  ['余', 6],
  ['杜', 4],
  ['叶', 3],
  ['程', 3],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 4],
  ['卢', 3],
  ['姚', 3],
  ['沈', 2],
  ['钟', 3],
  ['姜', 2],
  ['崔', 2],
  ['谭', 3],
  ['陆', 2],
  ['范', 2],
  ['汪', 2],
  ['廖', 5],
  ['石', 2],
  ['贾', 2],
  ['韦', 1],
  ['夏', 2],
  ['付', 3],
  ['方', 2],
  ['邹', 2],
  ['熊', 3],
  ['白', 1],
  ['孟', 1],
  ['秦', 1],
  ['邱', 2],
  ['侯', 1],
  ['江', 2],
  ['尹', 1],
  ['薛', 1],
  ['闫', 1],
  ['段', 1],
  ['雷', 2],
  ['龙', 1],
  ['黎', 1],
  ['文', 2],
  ['牟', 1],
  ['苟', 1],
  ['向', 1],
  ['敬', 1],
];

const MALE_CHARACTERS = [
  '伟',
  '强',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '斌',
  '超',
  '刚',
  '平',
  '辉',
  '建',
  '国',
  '华',
  '林',
  '波',
  '文',
  '俊',
  '峰',
  '志',
  '德',
  '福',
  '贵',
  '成',
  '富',
  '海',
  '春',
  '兵',
  '洪',
  '家',
  '永',
  '红',
  '光',
  '金',
  '宇',
  '浩',
  '鹏',
  '鑫',
  '磊',
  '宏',
  '东',
  '玉',
  '忠',
  '祥',
  '学',
  '仁',
  '安',
  '川',
  '蜀',
  '云',
  '江',
  '亮',
  '龙',
  '飞',
  '星',
  '博',
  '睿',
  '轩',
  '泽',
];

const FEMALE_CHARACTERS = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '秀',
  '英',
  '华',
  '兰',
  '玲',
  '梅',
  '琴',
  '燕',
  '萍',
  '红',
  '玉',
  '凤',
  '莉',
  '婷',
  '雪',
  '慧',
  '珍',
  '桂',
  '群',
  '清',
  '春',
  '菊',
  '琼',
  '蓉',
  '容',
  '淑',
  '云',
  '欣',
  '怡',
  '涵',
  '雨',
  '萱',
  '佳',
  '悦',
  '诗',
  '梦',
  '晓',
  '丹',
  '彩',
  '银',
  '翠',
  '莲',
];

/** Tibetan personal names (no surname); people often carry two such names. */
const TIBETAN_NAMES = [
  '扎西',
  '卓玛',
  '次仁',
  '拉姆',
  '多吉',
  '央金',
  '格桑',
  '措姆',
  '泽仁',
  '曲珍',
  '尼玛',
  '达瓦',
  '白玛',
  '洛绒',
  '降措',
  '呷玛',
  '仁青',
  '志玛',
  '德吉',
  '益西',
];
const TIBETAN_FEMALE = new Set(['卓玛', '拉姆', '央金', '措姆', '曲珍', '德吉', '志玛', '白玛']);

/** Yi names as registered in Chinese script: a clan name then a personal name. */
const YI_CLANS = [
  '阿苦',
  '吉克',
  '沙马',
  '阿约',
  '马海',
  '俄木',
  '吉伍',
  '曲比',
  '阿的',
  '海来',
  '勒格',
  '日火',
  '瓦其',
  '木乃',
  '吉木',
];
const YI_MALE = ['拉且', '木呷', '伍各', '尔古', '约哈', '日达', '拉哈', '阿牛', '石布', '格哈'];
const YI_FEMALE = ['阿芝', '阿呷', '石妞', '么妞', '拉莫', '日嫫', '依作', '阿果', '尔作', '曲木'];

/** Which naming tradition a village's people follow, by prefecture (the first four digits of its code). */
export type NamingTradition = 'han' | 'tibetan' | 'yi';

/** The tradition of most people in a prefecture: Aba and Ganzi Tibetan, Liangshan Yi (mixed villages are not modelled). */
export function namingTraditionOf(villageCode: string): NamingTradition {
  const prefecture = villageCode.slice(0, 4);
  if (prefecture === '5132' || prefecture === '5133') return 'tibetan';
  if (prefecture === '5134') return 'yi';
  return 'han';
}

/** A Han surname, by frequency. */
export function surname(random: SeededRandom): string {
  return random.weighted(SURNAMES);
}

/**
 * A full name. `familyName` is the surname (Han) or clan name (Yi) the person inherits; Tibetan
 * names carry none.
 */
export function fullName(
  random: SeededRandom,
  tradition: NamingTradition,
  sex: 'male' | 'female',
  familyName: string,
): string {
  switch (tradition) {
    case 'tibetan': {
      const pool = TIBETAN_NAMES.filter((name) => TIBETAN_FEMALE.has(name) === (sex === 'female'));
      return random.chance(0.6)
        ? random.pick(pool)
        : `${random.pick(TIBETAN_NAMES.filter((n) => !TIBETAN_FEMALE.has(n)))}${random.pick(pool)}`;
    }
    case 'yi':
      return `${familyName}${random.pick(sex === 'male' ? YI_MALE : YI_FEMALE)}`;
    case 'han': {
      const characters = sex === 'male' ? MALE_CHARACTERS : FEMALE_CHARACTERS;
      const given = random.chance(0.75)
        ? `${random.pick(characters)}${random.pick(characters)}`
        : random.pick(characters);
      return `${familyName}${given}`;
    }
    default:
      return assertNever(tradition, 'naming tradition');
  }
}

/** The family name a new household's head carries in this tradition. */
export function familyNameFor(random: SeededRandom, tradition: NamingTradition): string {
  if (tradition === 'yi') return random.pick(YI_CLANS);
  if (tradition === 'tibetan') return '';
  return surname(random);
}
