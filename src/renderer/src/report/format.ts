/**
 * Text helpers for the report. Dates and times come from shared/text/date-time (with their UTC
 * offset; the report's zone is REPORT_TIME_ZONE there), verdict labels from shared/requirements/labels, hidden characters from
 * shared/text/hidden-chars.
 */

/** Signal as `-58 dBm`, with `≈` when it was derived from a percentage (nmcli, netsh). */
export function formatDbm(dbm: number | null, derived = false): string {
  if (dbm === null) return '—'
  return `${derived ? '≈ ' : ''}${Math.round(dbm)} dBm`
}
