/**
 * Building a watch record, one scan and one check at a time. Pure: main's engine, the renderer's
 * live view and the tests apply the same steps and get the same record.
 *
 * Bounded whatever the length: the last RECENT_WINDOW_MS of samples at full resolution; older
 * samples folded into one-minute buckets (scans, misses, min / mean / max of the best BSS,
 * co-channel maximum); past MAX_BUCKETS the two oldest buckets merge, so the oldest part of a
 * very long watch gets coarser first. Quantiles come from the whole-dBm histogram, not from the
 * samples, so they stay exact. A 12-hour watch at a 2 s scan interval holds about 900 samples,
 * 690 buckets and ~1,440 checks: a few hundred kB of JSON.
 */
import type { Observation } from '../model/observation'
import type { Survey } from '../model/survey'
import {
  HISTOGRAM_MAX_DBM,
  HISTOGRAM_MIN_DBM,
  type WatchBss,
  type WatchBucket,
  type WatchCheck,
  type WatchEvent,
  type WatchRecord,
  type WatchSample
} from '../model/watch'
import { groupBss } from '../requirements/bss'
import { chargerCandidates, decidingSignal } from '../requirements/target-signal'

/** Default period of the light connectivity check during a watch (a setting). */
export const DEFAULT_CHECK_EVERY_MS = 30_000
/** Shortest and longest watch the app offers (the CLI allows shorter, for a quick look). */
export const WATCH_MIN_MS = 5 * 60_000
export const WATCH_MAX_MS = 12 * 3600_000

/** Samples younger than this (behind the newest) stay at full resolution. */
export const RECENT_WINDOW_MS = 30 * 60_000
/** Width of a folded bucket. */
export const BUCKET_MS = 60_000
/** Most buckets kept (12 h of minutes, and some); past it the oldest two merge. */
export const MAX_BUCKETS = 780
/** Most timeline events and checks kept; counts stay exact beyond. */
export const MAX_EVENTS = 1000
export const MAX_CHECKS = 2000
/** Most co-channel BSSIDs remembered (to tell a newcomer from one already seen). */
const MAX_KNOWN_CO_CHANNEL = 500

/** A scan turned into a sample, plus the co-channel BSSes (for "a new network appeared"). */
export interface ScanForWatch {
  readonly sample: WatchSample
  readonly coChannel: readonly { readonly bssid: string; readonly label: string }[]
}

/** What a new watch is given. */
export interface NewWatch {
  readonly id: string
  readonly ssid: string
  readonly startedAt: number
  readonly plannedMs: number
  readonly intervalMs: number
  readonly checkEveryMs: number
}

/** No scan for this long is a gap (the laptop slept, the scanner hung): shown as a gap, never as signal. */
export function gapThresholdMs(intervalMs: number): number {
  return Math.max(60_000, 5 * intervalMs)
}

/** An empty record, state running. */
export function newWatchRecord(w: NewWatch): WatchRecord {
  return {
    id: w.id,
    ssid: w.ssid,
    startedAt: new Date(w.startedAt).toISOString(),
    plannedMs: w.plannedMs,
    intervalMs: w.intervalMs,
    checkEveryMs: w.checkEveryMs,
    state: 'running',
    watchedMs: 0,
    lastT: w.startedAt,
    samples: [],
    buckets: [],
    scans: 0,
    missing: 0,
    drops: 0,
    roams: 0,
    histogram: new Array<number>(HISTOGRAM_MAX_DBM - HISTOGRAM_MIN_DBM + 1).fill(0),
    checks: [],
    checksRun: 0,
    checksFailed: 0,
    events: [],
    eventsDropped: 0,
    knownCoChannel: []
  }
}

/**
 * One scan of the target network: its BSSes, the strongest one a charger could join, and the other
 * networks on that BSS's channel.
 */
export function scanForWatch(observations: readonly Observation[], ssid: string, t: number, labelOf: (o: { ssid: string | null; hidden: boolean; redacted: boolean }) => string): ScanForWatch {
  const all = groupBss(observations)
  const target = all.filter((b) => b.ssid === ssid && !b.redacted && b.bssid !== null && b.signalDbm !== null)
  const bss: WatchBss[] = target.map((b) => ({ bssid: b.bssid as string, dbm: b.signalDbm as number, channel: b.channel, band: b.band })) // filtered non-null above
  // The BSS WIFI-SIGNAL would judge (one definition: target-signal).
  const deciding = decidingSignal(chargerCandidates(target, ssid))
  const best = deciding === null ? null : (bss.find((b) => b.bssid === deciding.bssid) ?? null)
  if (best === null || best.channel === null) return { sample: { t, bss, best: best?.bssid ?? null, coChannel: best === null ? null : 0 }, coChannel: [] }
  const channel = best.channel
  const coChannel = all
    .filter((b) => b.ssid !== ssid && b.band === '2.4' && b.channel === channel && b.bssid !== null)
    .map((b) => ({ bssid: b.bssid as string, label: labelOf(b) })) // filtered non-null above
  return { sample: { t, bss, best: best.bssid, coChannel: coChannel.length }, coChannel }
}

function clampBin(dbm: number): number {
  return Math.min(HISTOGRAM_MAX_DBM, Math.max(HISTOGRAM_MIN_DBM, Math.round(dbm))) - HISTOGRAM_MIN_DBM
}

function bestDbm(s: WatchSample): number | null {
  return s.best === null ? null : (s.bss.find((b) => b.bssid === s.best)?.dbm ?? null)
}

function pushEvent(r: { events: WatchEvent[]; eventsDropped: number }, e: WatchEvent): void {
  if (r.events.length >= MAX_EVENTS) r.eventsDropped += 1
  else r.events.push(e)
}

/** Ends the open event of a kind (a drop, a pause) at `t`. */
function closeOpen(events: WatchEvent[], kind: WatchEvent['kind'], t: number): void {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as WatchEvent // i is in range
    if (e.kind === kind) {
      if (e.untilT === null) events[i] = { ...e, untilT: t }
      return
    }
  }
}

function foldInto(bucket: WatchBucket | undefined, s: WatchSample): WatchBucket {
  const dbm = bestDbm(s)
  const co = s.coChannel
  if (bucket === undefined) {
    return { t0: s.t, t1: s.t, scans: 1, missing: dbm === null ? 1 : 0, minDbm: dbm, meanDbm: dbm, maxDbm: dbm, coChannelMax: co }
  }
  return mergeBuckets(bucket, foldInto(undefined, s))
}

function mergeBuckets(a: WatchBucket, b: WatchBucket): WatchBucket {
  const heardA = a.scans - a.missing
  const heardB = b.scans - b.missing
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null => (x === null ? y : y === null ? x : f(x, y))
  const mean = heardA + heardB === 0 ? null : ((a.meanDbm ?? 0) * heardA + (b.meanDbm ?? 0) * heardB) / (heardA + heardB)
  return {
    t0: a.t0,
    t1: b.t1,
    scans: a.scans + b.scans,
    missing: a.missing + b.missing,
    minDbm: pick(a.minDbm, b.minDbm, Math.min),
    meanDbm: mean === null ? null : Math.round(mean * 10) / 10,
    maxDbm: pick(a.maxDbm, b.maxDbm, Math.max),
    coChannelMax: pick(a.coChannelMax, b.coChannelMax, Math.max)
  }
}

/** Moves samples older than the recent window into minute buckets; merges the oldest past the cap. */
function downsample(samples: WatchSample[], buckets: WatchBucket[], newest: number): void {
  let cut = 0
  while (cut < samples.length && (samples[cut] as WatchSample).t < newest - RECENT_WINDOW_MS) cut++ // cut < length: the element exists
  for (const s of samples.splice(0, cut)) {
    const last = buckets[buckets.length - 1]
    if (last !== undefined && Math.floor(last.t0 / BUCKET_MS) === Math.floor(s.t / BUCKET_MS)) buckets[buckets.length - 1] = foldInto(last, s)
    else buckets.push(foldInto(undefined, s))
  }
  while (buckets.length > MAX_BUCKETS) buckets.splice(0, 2, mergeBuckets(buckets[0] as WatchBucket, buckets[1] as WatchBucket)) // length > 2 here
}

function describeBssRef(b: WatchBss | undefined, bssid: string): string {
  return b === undefined || b.channel === null ? bssid : `${bssid} (channel ${b.channel})`
}

/** The record after one more scan: counts, histogram, drops, roams, co-channel newcomers, gaps. */
export function appendScan(record: WatchRecord, scan: ScanForWatch): WatchRecord {
  const { sample } = scan
  const samples = [...record.samples]
  const buckets = [...record.buckets]
  const events = [...record.events]
  const acc = { events, eventsDropped: record.eventsDropped }
  const histogram = [...record.histogram]
  const knownCoChannel = [...record.knownCoChannel]
  let { watchedMs, missing, drops, roams } = record

  const dt = record.lastT === null ? 0 : sample.t - record.lastT
  if (dt > gapThresholdMs(record.intervalMs)) {
    // The laptop slept (or the scanner hung): not watched, and not signal. One interval counts for this scan.
    pushEvent(acc, { t: record.lastT as number, kind: 'gap', untilT: sample.t, detail: `no scan for ${Math.round(dt / 1000)} s (the computer slept or the scanner stopped)` }) // dt > 0 implies lastT set
    watchedMs += record.intervalMs
  } else watchedMs += Math.max(0, dt)

  const previous = lastSample(record)
  const dbm = bestDbm(sample)
  if (dbm === null) {
    missing += 1
    if (previous === null || previous.best !== null) {
      drops += 1
      pushEvent(acc, { t: sample.t, kind: 'drop', untilT: null, detail: `"${record.ssid}" not heard on 2.4 GHz` })
    }
  } else {
    histogram[clampBin(dbm)] = (histogram[clampBin(dbm)] ?? 0) + 1
    if (previous !== null && previous.best === null) closeOpen(events, 'drop', sample.t)
    const lastBest = lastHeardBest(record)
    if (lastBest !== null && sample.best !== null && lastBest.bssid !== sample.best) {
      roams += 1
      const to = sample.bss.find((b) => b.bssid === sample.best)
      pushEvent(acc, { t: sample.t, kind: 'roam', untilT: null, detail: `best BSS ${describeBssRef(lastBest, lastBest.bssid)} → ${describeBssRef(to, sample.best)}` })
    }
    const known = new Set(knownCoChannel)
    const newcomers = scan.coChannel.filter((c) => !known.has(c.bssid))
    // The first scan sets the scene: only networks arriving later are news.
    if (newcomers.length > 0 && record.scans > 0) {
      const channel = sample.bss.find((b) => b.bssid === sample.best)?.channel
      pushEvent(acc, { t: sample.t, kind: 'co-channel', untilT: null, detail: `new on channel ${channel ?? '?'}: ${newcomers.map((c) => `"${c.label}" ${c.bssid}`).join(', ')}`.slice(0, 500) })
    }
    for (const c of newcomers) if (knownCoChannel.length < MAX_KNOWN_CO_CHANNEL) knownCoChannel.push(c.bssid)
  }

  samples.push(sample)
  downsample(samples, buckets, sample.t)
  return {
    ...record,
    watchedMs,
    lastT: sample.t,
    samples,
    buckets,
    scans: record.scans + 1,
    missing,
    drops,
    roams,
    histogram,
    events,
    eventsDropped: acc.eventsDropped,
    knownCoChannel
  }
}

function lastSample(record: WatchRecord): WatchSample | null {
  return record.samples[record.samples.length - 1] ?? null
}

/** The best BSS of the newest scan in which the target was heard (within the recent window). */
function lastHeardBest(record: WatchRecord): WatchBss | null {
  for (let i = record.samples.length - 1; i >= 0; i--) {
    const s = record.samples[i] as WatchSample // i is in range
    if (s.best !== null) return s.bss.find((b) => b.bssid === s.best) ?? null
  }
  return null
}

/** The record after one light connectivity check. */
export function appendCheck(record: WatchRecord, check: WatchCheck): WatchRecord {
  const checks = record.checks.length >= MAX_CHECKS ? [...record.checks.slice(1), check] : [...record.checks, check]
  const events = [...record.events]
  const acc = { events, eventsDropped: record.eventsDropped }
  if (!check.ok) pushEvent(acc, { t: check.t, kind: 'check-failed', untilT: null, detail: check.failed.join('; ').slice(0, 500) })
  return { ...record, checks, checksRun: record.checksRun + 1, checksFailed: record.checksFailed + (check.ok ? 0 : 1), events, eventsDropped: acc.eventsDropped }
}

/** Paused at `t`: the time until resume is neither watched nor a gap. */
export function pauseWatch(record: WatchRecord, t: number): WatchRecord {
  if (record.state !== 'running') return record
  const events = [...record.events]
  const acc = { events, eventsDropped: record.eventsDropped }
  pushEvent(acc, { t, kind: 'paused', untilT: null, detail: 'paused by the technician' })
  return { ...record, state: 'paused', events, eventsDropped: acc.eventsDropped }
}

/**
 * Resumed at `t`: after a pause, or after a crash (the record still says running or paused, but no
 * engine runs it) when the technician chose to go on; the time since the last scan was not watched.
 */
export function resumeWatch(record: WatchRecord, t: number): WatchRecord {
  if (record.state === 'finished' || record.state === 'stopped') return record
  const events = [...record.events]
  const acc = { events, eventsDropped: record.eventsDropped }
  if (record.state === 'paused') closeOpen(events, 'paused', t)
  else if (record.lastT !== null && t > record.lastT) {
    pushEvent(acc, { t: record.lastT, kind: 'gap', untilT: t, detail: 'the app was closed or stopped unexpectedly' })
  }
  return { ...record, state: 'running', events, eventsDropped: acc.eventsDropped, lastT: t }
}

/** Ended: `finished` when the planned time ran out, `stopped` by the technician (or Ctrl-C). */
export function endWatch(record: WatchRecord, state: 'finished' | 'stopped', t: number): WatchRecord {
  const events = [...record.events]
  if (record.state === 'paused') closeOpen(events, 'paused', t)
  return { ...record, state, events }
}

/** Remaining planned time. */
export function remainingMs(record: WatchRecord): number {
  return Math.max(0, record.plannedMs - record.watchedMs)
}

/** The survey with `record` in its location's watches (replacing the same watch, else appended). */
export function withWatch(survey: Survey, locationId: string, record: WatchRecord): Survey {
  return {
    ...survey,
    locations: survey.locations.map((l) => {
      if (l.id !== locationId) return l
      const i = l.watches.findIndex((w) => w.id === record.id)
      return { ...l, watches: i === -1 ? [...l.watches, record] : l.watches.map((w, k) => (k === i ? record : w)) }
    })
  }
}
