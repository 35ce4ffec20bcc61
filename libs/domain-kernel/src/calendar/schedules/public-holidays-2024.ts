import type { PublicHolidaySchedule } from '../public-holiday-schedule';

/**
 * 2024, from 国办发明电〔2023〕7号 of 25 October 2023, still under the 2013 holiday rules: New
 * Year's Eve (除夕, 9 February) is a working day that the notice only encourages employers to give
 * off, so it is not listed.
 */
export const PUBLIC_HOLIDAYS_2024: PublicHolidaySchedule = {
  year: 2024,
  holidays: [
    // 元旦：1月1日放假，与周末连休 (30–31 December 2023 are an ordinary weekend).
    '2024-01-01',
    // 春节：2月10日至17日放假调休，共8天.
    '2024-02-10',
    '2024-02-11',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-02-15',
    '2024-02-16',
    '2024-02-17',
    // 清明节：4月4日至6日放假调休，共3天.
    '2024-04-04',
    '2024-04-05',
    '2024-04-06',
    // 劳动节：5月1日至5日放假调休，共5天.
    '2024-05-01',
    '2024-05-02',
    '2024-05-03',
    '2024-05-04',
    '2024-05-05',
    // 端午节：6月10日放假，与周末连休 (8–9 June are an ordinary weekend).
    '2024-06-10',
    // 中秋节：9月15日至17日放假调休，共3天.
    '2024-09-15',
    '2024-09-16',
    '2024-09-17',
    // 国庆节：10月1日至7日放假调休，共7天.
    '2024-10-01',
    '2024-10-02',
    '2024-10-03',
    '2024-10-04',
    '2024-10-05',
    '2024-10-06',
    '2024-10-07',
  ],
  makeUpWorkingDays: [
    '2024-02-04', // Sunday, 春节
    '2024-02-18', // Sunday, 春节
    '2024-04-07', // Sunday, 清明节
    '2024-04-28', // Sunday, 劳动节
    '2024-05-11', // Saturday, 劳动节
    '2024-09-14', // Saturday, 中秋节
    '2024-09-29', // Sunday, 国庆节
    '2024-10-12', // Saturday, 国庆节
  ],
  source: {
    documentNumber: '国办发明电〔2023〕7号',
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    issuedOn: '2023-10-25',
  },
};
