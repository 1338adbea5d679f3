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

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const HIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Invisible or direction-changing characters (bidi overrides and isolates, marks, C0/C1 controls
 * such as NUL) shown as `[U+202E]`.
 *
 * An SSID is attacker-controlled: `\u202Egnp.exe` would otherwise *print* as "exe.png", and a NUL
 * or a line break would hide part of the name. Showing the code point tells the reader exactly
 * what the network broadcasts. Ordinary right-to-left letters stay as they are. Notes keep their
 * line breaks and tabs with `multiline`.
 */
export function visibleText(text: string, options: { readonly multiline?: boolean } = {}): string {
  return text.replace(HIDDEN_CHARS, (c) => {
    if (options.multiline === true && (c === '\n' || c === '\t' || c === '\r')) return c
    return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`
  })
}

/** Signal as `-58 dBm`, with `≈` when it was derived from a percentage (nmcli, netsh). */
export function formatDbm(dbm: number | null, derived = false): string {
  if (dbm === null) return '—'
  return `${derived ? '≈ ' : ''}${Math.round(dbm)} dBm`
}
