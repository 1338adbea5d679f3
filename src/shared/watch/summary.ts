/**
 * What a watch amounts to: signal quantiles from the histogram, the share of scans the target was
 * missing or below each WIFI-SIGNAL threshold, drops and failed checks with their times. Pure;
 * the CLI, the live view, the location page, the report and WIFI-STABLE read the same figures.
 */
import { HISTOGRAM_MIN_DBM, type WatchRecord } from '../model/watch'
import { formatClock, offsetAt, type ZoneOptions } from '../text/date-time'

/** A span of time on the watch's clock (ms since the epoch); `untilT` null while it lasts. */
export interface WatchSpan {
  readonly t: number
  readonly untilT: number | null
}

export interface WatchSummary {
  readonly ssid: string
  readonly samples: number
  readonly durationS: number
  /** Best-BSS signal over the scans in which it was heard (laptop reading, dBm); null: never heard. */
  readonly minDbm: number | null
  readonly p5Dbm: number | null
  readonly medianDbm: number | null
  /** Shares of all scans, 0–1. */
  readonly missingShare: number
  /** Heard, but below the WIFI-SIGNAL pass level (after the laptop margin). */
  readonly belowPassShare: number
  /** Heard, but below the WIFI-SIGNAL fail threshold (its warn level; below it fails). */
  readonly belowFailShare: number
  readonly drops: number
  readonly roams: number
  readonly dropTimes: readonly WatchSpan[]
  readonly gaps: readonly WatchSpan[]
  readonly checksRun: number
  readonly checksFailed: number
  readonly failedChecks: readonly { readonly t: number; readonly detail: string }[]
}

/** The thresholds the shares are counted against (WIFI-SIGNAL's, from the profile). */
export interface SignalThresholds {
  readonly passDbm: number
  readonly warnDbm: number
  readonly laptopMarginDb: number
}

/** The whole dBm at quantile q (0–1) of the histogram: the lowest value with at least q of the readings at or below it. */
function quantile(histogram: readonly number[], total: number, q: number): number | null {
  if (total === 0) return null
  const need = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0
    if (seen >= need) return HISTOGRAM_MIN_DBM + i
  }
  return null
}

/** Heard scans whose reading, less the laptop margin, is below `dbm`. */
function countBelow(histogram: readonly number[], dbm: number, marginDb: number): number {
  let n = 0
  for (let i = 0; i < histogram.length; i++) if (HISTOGRAM_MIN_DBM + i - marginDb < dbm) n += histogram[i] ?? 0
  return n
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10000) / 10000)

/** Summarises a record against the WIFI-SIGNAL thresholds. */
export function summarizeWatch(record: WatchRecord, thresholds: SignalThresholds): WatchSummary {
  const heard = record.histogram.reduce((a, b) => a + b, 0)
  const spans = (kind: 'drop' | 'gap'): WatchSpan[] => record.events.filter((e) => e.kind === kind).map((e) => ({ t: e.t, untilT: e.untilT }))
  return {
    ssid: record.ssid,
    samples: record.scans,
    durationS: Math.round(record.watchedMs / 1000),
    minDbm: quantile(record.histogram, heard, 0),
    p5Dbm: quantile(record.histogram, heard, 0.05),
    medianDbm: quantile(record.histogram, heard, 0.5),
    missingShare: share(record.missing, record.scans),
    belowPassShare: share(countBelow(record.histogram, thresholds.passDbm, thresholds.laptopMarginDb), record.scans),
    belowFailShare: share(countBelow(record.histogram, thresholds.warnDbm, thresholds.laptopMarginDb), record.scans),
    drops: record.drops,
    roams: record.roams,
    dropTimes: spans('drop'),
    gaps: spans('gap'),
    checksRun: record.checksRun,
    checksFailed: record.checksFailed,
    failedChecks: record.events.filter((e) => e.kind === 'check-failed').map((e) => ({ t: e.t, detail: e.detail }))
  }
}

/**
 * Clock time of a watch moment. Without a zone (the WIFI-STABLE evidence, which the rules judge
 * without a site, and the CLI): "21:14:05 UTC". With the site's zone (the app and the report):
 * "16:14:05 (UTC-05:00)", the offset named, as formatDateTime does.
 */
export function watchClock(t: number, zone?: ZoneOptions): string {
  if (zone === undefined) return `${formatClock(t, { timeZone: 'UTC', seconds: true })} UTC`
  return formatClock(t, { ...zone, seconds: true, offset: true })
}

/** A span as text: "21:14:05–21:15:10 UTC" (with a zone "16:14:05–16:15:10 (UTC-05:00)"), or "from 21:14:05 UTC" while it lasts. */
export function watchSpanText(s: WatchSpan, zone?: ZoneOptions): string {
  if (s.untilT === null) return `from ${watchClock(s.t, zone)}`
  const end = watchClock(s.untilT, zone)
  // The offset once, after the end; a span across a DST change names both.
  if (zone !== undefined && offsetAt(s.t, zone) !== offsetAt(s.untilT, zone)) return `${watchClock(s.t, zone)}–${end}`
  return `${formatClock(s.t, { ...(zone ?? { timeZone: 'UTC' }), seconds: true })}–${end}`
}

/** A share as a percentage: "4 %", "0.3 %" (below 1 % one decimal, so a little is never "0 %"). */
export function percentText(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)} %`
}

/** Most times listed per kind in evidence and summaries; the counts are always complete. */
export const MAX_LISTED_TIMES = 8

/** The first MAX_LISTED_TIMES items as text, then "and N more". */
export function listTimes<T>(list: readonly T[], text: (x: T) => string, separator = ', '): string {
  // `text` gets the item alone: map's index would land in a second parameter (watchSpanText's zone).
  const shown = list.slice(0, MAX_LISTED_TIMES).map((x) => text(x)).join(separator)
  return list.length > MAX_LISTED_TIMES ? `${shown} and ${list.length - MAX_LISTED_TIMES} more` : shown
}
