import { isResidentIdNumberCell } from './resident-id-cell';

describe('isResidentIdNumberCell: what Excel leaves of an ID typed into a number cell', () => {
  it.each([
    ['a cell the workbook holds as a number', '510132198001011200', true],
    ['scientific notation, as General format shows it', '5.10132E+17', false],
    ['scientific notation in lower case', '5.101321980e+17', false],
    ['18 digits ending in 000 that are no valid ID', '510132198001011000', false],
  ])('flags %s', (_, value, heldAsNumber) => {
    expect(isResidentIdNumberCell(value, heldAsNumber, () => false)).toBe(true);
  });

  it.each([
    ['a valid ID that happens to end in 000', '510132198001011000', () => true],
    ['an ID with another wrong check character', '51013219800101123X', () => false],
    ['text that is no number at all', 'abc', () => false],
  ])('does not flag %s', (_, value, valid) => {
    expect(isResidentIdNumberCell(value, false, valid)).toBe(false);
  });
});
