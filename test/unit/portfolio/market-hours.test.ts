import { describe, expect, it } from 'vitest';
import { marketStatus, usMarketEarlyCloses, usMarketHolidays } from '../../../lib/portfolio/index.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('US market hours', () => {
  it.each([
    // Winter (EST, UTC-5): 09:30 = 14:30Z, 16:00 = 21:00Z
    ['just before the winter open', '2026-01-06T14:29:59Z', 'closed'],
    ['at the winter open', '2026-01-06T14:30:00Z', 'open'],
    ['just before the winter close', '2026-01-06T20:59:59Z', 'open'],
    ['at the winter close', '2026-01-06T21:00:00Z', 'closed'],
    // Summer (EDT, UTC-4): 09:30 = 13:30Z, 16:00 = 20:00Z
    ['at the summer open', '2026-06-10T13:30:00Z', 'open'],
    ['an hour after the summer close', '2026-06-10T21:00:00Z', 'closed'],
    // The Monday after DST starts (2026-03-08) opens at 13:30Z, the Friday before at 14:30Z
    ['Friday before DST, 13:30Z', '2026-03-06T13:30:00Z', 'closed'],
    ['Monday after DST, 13:30Z', '2026-03-09T13:30:00Z', 'open'],
    // The Monday after DST ends (2026-11-01) opens at 14:30Z again
    ['Monday after DST ends, 13:30Z', '2026-11-02T13:30:00Z', 'closed'],
    ['Monday after DST ends, 14:30Z', '2026-11-02T14:30:00Z', 'open'],
    ['Saturday noon', '2026-01-10T17:00:00Z', 'weekend'],
    ['Sunday evening in New York (Monday in UTC)', '2026-01-12T02:00:00Z', 'weekend'],
  ])('%s is %s', (_, instant, status) => {
    expect(marketStatus(at(instant)).status).toBe(status);
  });

  it.each([
    ["New Year's Day", '2026-01-01T15:00:00Z'],
    ['Martin Luther King Jr. Day', '2026-01-19T15:00:00Z'],
    ["Washington's Birthday", '2026-02-16T15:00:00Z'],
    ['Good Friday', '2026-04-03T15:00:00Z'],
    ['Memorial Day', '2026-05-25T15:00:00Z'],
    ['Juneteenth', '2026-06-19T15:00:00Z'],
    ['Independence Day', '2026-07-03T15:00:00Z'], // July 4 is a Saturday: observed Friday
    ['Labor Day', '2026-09-07T15:00:00Z'],
    ['Thanksgiving Day', '2026-11-26T15:00:00Z'],
    ['Christmas Day', '2026-12-25T15:00:00Z'],
    ['Juneteenth', '2027-06-18T15:00:00Z'], // a Saturday in 2027: observed Friday
    ['Independence Day', '2027-07-05T15:00:00Z'], // a Sunday in 2027: observed Monday
    ['Christmas Day', '2027-12-24T15:00:00Z'],
    ['National Day of Mourning for President Carter', '2025-01-09T15:00:00Z'],
  ])('%s closes the market (%s)', (name, instant) => {
    expect(marketStatus(at(instant))).toMatchObject({ status: 'holiday', holiday: name });
  });

  it('keeps the Friday before a Saturday New Year open (2027-12-31)', () => {
    expect(marketStatus(at('2027-12-31T15:00:00Z')).status).toBe('open');
    expect(usMarketHolidays(2028).has('2027-12-31')).toBe(false);
    expect([...usMarketHolidays(2028).values()]).not.toContain("New Year's Day");
  });

  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-09',
        '2025-01-20',
        '2025-02-17',
        '2025-04-18',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
    ],
    [
      2027,
      ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
    ],
    [2028, ['2028-01-17', '2028-02-21', '2028-04-14', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-11-23', '2028-12-25']],
  ])('lists the %s exchange holidays', (year, dates) => {
    expect([...usMarketHolidays(year).keys()].sort()).toEqual(dates);
  });

  it.each([
    [2025, ['2025-07-03', '2025-11-28', '2025-12-24']],
    [2026, ['2026-11-27', '2026-12-24']],
    [2027, ['2027-11-26']],
    [2028, ['2028-07-03', '2028-11-24']],
  ])('lists the %s early closes', (year, dates) => {
    expect([...usMarketEarlyCloses(year)].sort()).toEqual(dates);
  });

  it('closes at 13:00 New York time on the day after Thanksgiving', () => {
    expect(marketStatus(at('2026-11-27T17:59:00Z'))).toMatchObject({ status: 'open', closesAt: at('2026-11-27T18:00:00Z'), earlyClose: true });
    expect(marketStatus(at('2026-11-27T18:00:00Z'))).toMatchObject({ status: 'closed', earlyClose: true });
  });

  it.each([
    ['before the open: the same morning', '2026-01-06T12:00:00Z', '2026-01-06T14:30:00.000Z'],
    ['after the close: the next morning', '2026-01-06T22:00:00Z', '2026-01-07T14:30:00.000Z'],
    ['Friday evening: Monday', '2026-01-09T22:00:00Z', '2026-01-12T14:30:00.000Z'],
    ['Thursday before Good Friday: Monday', '2026-04-02T21:00:00Z', '2026-04-06T13:30:00.000Z'],
    ['Independence Day weekend: Monday', '2026-07-03T15:00:00Z', '2026-07-06T13:30:00.000Z'],
    ['over the DST switch: Monday in summer time', '2026-03-06T22:00:00Z', '2026-03-09T13:30:00.000Z'],
  ])('gives the next open %s', (_, instant, expected) => {
    expect(iso(marketStatus(at(instant)).nextOpen)).toBe(expected);
  });

  it('has no next open while open', () => {
    expect(marketStatus(at('2026-01-06T15:00:00Z')).nextOpen).toBeNull();
  });
});
