/**
 * Text helpers for the report: dates in UTC (a report must read the same wherever it is printed),
 * verdict labels, and survey text made safe to *see* (React already makes it safe to render).
 */
import type { FindingResult, Verdict } from '../../../shared/model/finding'

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

/** The words a customer reads for each verdict. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ready: 'Ready',
  'ready-with-warnings': 'Ready, with warnings',
  'not-ready': 'Not ready',
  incomplete: 'Incomplete'
}

/** The words for each finding result; unknown says what to do, it is never a pass. */
export const RESULT_LABEL: Readonly<Record<FindingResult, string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Unknown'
}

/** Signal as `-58 dBm`, with `≈` when it was derived from a percentage (nmcli, netsh). */
export function formatDbm(dbm: number | null, derived = false): string {
  if (dbm === null) return '—'
  return `${derived ? '≈ ' : ''}${Math.round(dbm)} dBm`
}
