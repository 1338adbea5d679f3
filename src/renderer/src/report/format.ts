/**
 * Text helpers for the report: dates in UTC (a report must read the same wherever it is printed)
 * and signal figures. Verdict labels are in shared/requirements/labels, hidden characters in
 * shared/text/hidden-chars.
 */

const pad = (n: number): string => String(n).padStart(2, '0')

/** `2026-11-20` from an ISO time; the input unchanged when it is not a date. */
export function formatDate(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** `2026-11-20 14:05 UTC` from an ISO time; the input unchanged when it is not a date. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}


/** Signal as `-58 dBm`, with `≈` when it was derived from a percentage (nmcli, netsh). */
export function formatDbm(dbm: number | null, derived = false): string {
  if (dbm === null) return '—'
  return `${derived ? '≈ ' : ''}${Math.round(dbm)} dBm`
}
