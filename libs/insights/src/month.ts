const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month as written in the API and the CLI: `2026-11`. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value) && Number(value.slice(0, 4)) >= 2000;
}

/** The month a date falls in, in Italian time (snapshots are per Italian calendar month). */
export function monthOf(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** The months from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}
