export type MarketMode = 'open' | 'closed' | 'hours';
export type MarketStatus = 'open' | 'closed';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const nyClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Regular US equity session: 09:30-16:00 America/New_York, Monday to Friday (exchange holidays
 * are not modelled). 'open' and 'closed' force the answer so tests and demos are deterministic.
 */
export function marketStatusAt(date: Date, mode: MarketMode): MarketStatus {
  if (mode !== 'hours') return mode;
  const parts = Object.fromEntries(nyClock.formatToParts(date).map((p) => [p.type, p.value]));
  const day = weekdays.indexOf(parts.weekday);
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const weekday = day >= 1 && day <= 5;
  return weekday && minutes >= 9 * 60 + 30 && minutes < 16 * 60 ? 'open' : 'closed';
}

export function parseMarketMode(value: string | undefined, fallback: MarketMode): MarketMode {
  return value === 'open' || value === 'closed' || value === 'hours' ? value : fallback;
}
