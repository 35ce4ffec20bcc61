import type { PublicHolidaySchedule } from '../public-holiday-schedule';

/**
 * 2025, from 国办发明电〔2024〕12号 of 12 November 2024: the first year under the amended 全国年节及
 * 纪念日放假办法 (国务院令第798号, in force 1 January 2025), which adds New Year's Eve (除夕) and
 * 2 May as statutory days off. Hence the Spring Festival block starts on 除夕 (28 January, 腊月
 * 廿九) and runs 8 days, and Labour Day's 5 days need one make-up day instead of two.
 */
export const PUBLIC_HOLIDAYS_2025: PublicHolidaySchedule = {
  year: 2025,
  holidays: [
    // 元旦：1月1日（周三）放假1天，不调休.
    '2025-01-01',
    // 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天.
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
    // 清明节：4月4日（周五）至6日（周日）放假，共3天.
    '2025-04-04',
    '2025-04-05',
    '2025-04-06',
    // 劳动节：5月1日（周四）至5日（周一）放假调休，共5天.
    '2025-05-01',
    '2025-05-02',
    '2025-05-03',
    '2025-05-04',
    '2025-05-05',
    // 端午节：5月31日（周六）至6月2日（周一）放假，共3天.
    '2025-05-31',
    '2025-06-01',
    '2025-06-02',
    // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天 (中秋 is 6 October).
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  makeUpWorkingDays: [
    '2025-01-26', // Sunday, 春节
    '2025-02-08', // Saturday, 春节
    '2025-04-27', // Sunday, 劳动节
    '2025-09-28', // Sunday, 国庆节、中秋节
    '2025-10-11', // Saturday, 国庆节、中秋节
  ],
  source: {
    documentNumber: '国办发明电〔2024〕12号',
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issuedOn: '2024-11-12',
  },
};
