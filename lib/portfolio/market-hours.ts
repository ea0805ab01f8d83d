/**
 * US equity market calendar (NYSE; Nasdaq keeps the same days): regular session
 * 09:30-16:00 America/New_York, 13:00 on early-close days, closed on weekends and
 * exchange holidays. Holidays follow the exchange's rules (a Sunday holiday moves to
 * Monday, a Saturday one to Friday except New Year's Day), so any year works; one-off
 * closures are listed by date.
 */

export type MarketState = 'open' | 'closed' | 'weekend' | 'holiday';

export interface MarketStatus {
  status: MarketState;
  /** Epoch ms of the next session's open; null while the market is open. */
  nextOpen: number | null;
  /** Epoch ms of today's close while open, else null. */
  closesAt: number | null;
  /** The holiday's name on a holiday. */
  holiday?: string;
  /** True on a 13:00 early-close day (whatever the current state). */
  earlyClose: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Closures outside the yearly rules (national days of mourning). */
const SPECIAL_CLOSURES: Record<string, string> = {
  '2025-01-09': 'National Day of Mourning for President Carter',
};

/** UTC ms of the n-th (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return Date.UTC(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getTime() - ((lastDay.getUTCDay() - weekday + 7) % 7) * DAY;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as UTC ms. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** A fixed-date holiday's observed day: Saturday -> Friday (unless `noFriday`), Sunday -> Monday. */
function observed(date: number, noFriday = false): number | null {
  const weekday = new Date(date).getUTCDay();
  if (weekday === 6) return noFriday ? null : date - DAY;
  if (weekday === 0) return date + DAY;
  return date;
}

const isoDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** The exchange's full-day holidays of a year, keyed by ISO date. */
export function usMarketHolidays(year: number): Map<string, string> {
  const days: [number | null, string][] = [
    // A Saturday New Year's Day is not moved to the Friday that closes the prior year.
    [observed(Date.UTC(year, 0, 1), true), "New Year's Day"],
    [nthWeekday(year, 0, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 1, 1, 3), "Washington's Birthday"],
    [easter(year) - 2 * DAY, 'Good Friday'],
    [nthWeekday(year, 4, 1, -1), 'Memorial Day'],
    [observed(Date.UTC(year, 5, 19)), 'Juneteenth'],
    [observed(Date.UTC(year, 6, 4)), 'Independence Day'],
    [nthWeekday(year, 8, 1, 1), 'Labor Day'],
    [nthWeekday(year, 10, 4, 4), 'Thanksgiving Day'],
    [observed(Date.UTC(year, 11, 25)), 'Christmas Day'],
  ];
  const holidays = new Map<string, string>();
  for (const [date, name] of days) if (date !== null) holidays.set(isoDate(date), name);
  for (const [date, name] of Object.entries(SPECIAL_CLOSURES)) if (date.startsWith(`${year}-`)) holidays.set(date, name);
  return holidays;
}

/** Days the session ends at 13:00: July 3, the day after Thanksgiving, Christmas Eve (when trading days). */
export function usMarketEarlyCloses(year: number): Set<string> {
  const holidays = usMarketHolidays(year);
  const candidates = [Date.UTC(year, 6, 3), nthWeekday(year, 10, 4, 4) + DAY, Date.UTC(year, 11, 24)];
  return new Set(
    candidates
      .filter((d) => {
        const weekday = new Date(d).getUTCDay();
        return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate(d));
      })
      .map(isoDate),
  );
}

/** US daylight saving time: from the 2nd Sunday of March 02:00 EST to the 1st Sunday of November 02:00 EDT. */
function isNewYorkDst(instantMs: number): boolean {
  const year = new Date(instantMs).getUTCFullYear();
  const start = nthWeekday(year, 2, 0, 2) + 7 * HOUR;
  const end = nthWeekday(year, 10, 0, 1) + 6 * HOUR;
  return instantMs >= start && instantMs < end;
}

function newYorkOffsetMs(instantMs: number): number {
  return isNewYorkDst(instantMs) ? -4 * HOUR : -5 * HOUR;
}

/** Epoch ms of a New York wall-clock time on the local date whose UTC midnight is `dayUtc`. */
function newYorkTime(dayUtc: number, hours: number, minutes: number): number {
  const wall = dayUtc + hours * HOUR + minutes * 60_000;
  const asDst = wall + 4 * HOUR;
  return isNewYorkDst(asDst) ? asDst : wall + 5 * HOUR;
}

interface Session {
  open: number;
  close: number;
  early: boolean;
}

type Day = { kind: 'weekend' } | { kind: 'holiday'; name: string } | ({ kind: 'session' } & Session);

function dayAt(dayUtc: number): Day {
  const weekday = new Date(dayUtc).getUTCDay();
  if (weekday === 0 || weekday === 6) return { kind: 'weekend' };
  const year = new Date(dayUtc).getUTCFullYear();
  const iso = isoDate(dayUtc);
  const holiday = usMarketHolidays(year).get(iso);
  if (holiday) return { kind: 'holiday', name: holiday };
  const early = usMarketEarlyCloses(year).has(iso);
  return { kind: 'session', open: newYorkTime(dayUtc, 9, 30), close: newYorkTime(dayUtc, early ? 13 : 16, 0), early };
}

/** The market's state at an instant, and when it next opens. `exchange` is any US exchange. */
export function marketStatus(instantMs: number, _exchange = 'NYSE'): MarketStatus {
  const local = instantMs + newYorkOffsetMs(instantMs);
  const today = local - (((local % DAY) + DAY) % DAY);
  const day = dayAt(today);
  const early = day.kind === 'session' && day.early;
  if (day.kind === 'session' && instantMs >= day.open && instantMs < day.close) {
    return { status: 'open', nextOpen: null, closesAt: day.close, earlyClose: early };
  }
  let nextOpen = day.kind === 'session' && instantMs < day.open ? day.open : null;
  for (let d = today + DAY; nextOpen === null; d += DAY) {
    const next = dayAt(d);
    if (next.kind === 'session') nextOpen = next.open;
  }
  if (day.kind === 'weekend') return { status: 'weekend', nextOpen, closesAt: null, earlyClose: false };
  if (day.kind === 'holiday') return { status: 'holiday', nextOpen, closesAt: null, holiday: day.name, earlyClose: false };
  return { status: 'closed', nextOpen, closesAt: null, earlyClose: early };
}
