/**
 * A watch: the target network followed at one stall for minutes to hours (dwell monitoring), to
 * catch what a one-minute measurement cannot see — drops, roams, a neighbour on the same channel
 * in the evening, a firewall that fails now and then.
 *
 * Bounded by design, however long it runs (src/shared/watch/record.ts): the newest samples at
 * full resolution, older ones folded into one-minute buckets; quantiles come from a histogram of
 * whole dBm, so min / p5 / median stay exact after downsampling.
 */
import { z } from 'zod'
import { bandSchema } from './observation'

/** One BSS of the target network in one scan. */
export const watchBssSchema = z.object({
  bssid: z.string().max(32),
  dbm: z.number(),
  channel: z.number().int().nullable(),
  band: bandSchema.nullable()
})
export type WatchBss = Readonly<z.infer<typeof watchBssSchema>>

/** One scan of a watch, at full resolution. */
export const watchSampleSchema = z.object({
  /** When the scan finished, ms since the epoch. */
  t: z.number(),
  /** Every BSS of the target SSID heard in this scan (any band). */
  bss: z.array(watchBssSchema).readonly(),
  /** BSSID of the strongest 2.4 GHz BSS (the one a charger would join); null: not heard. */
  best: z.string().max(32).nullable(),
  /** Other networks' BSSes on the best BSS's channel; null when the target was not heard. */
  coChannel: z.number().int().min(0).nullable()
})
export type WatchSample = Readonly<z.infer<typeof watchSampleSchema>>

/** Samples older than the full-resolution window, folded together. */
export const watchBucketSchema = z.object({
  /** First and last scan time folded in, ms since the epoch. */
  t0: z.number(),
  t1: z.number(),
  scans: z.number().int().min(1),
  /** Scans in which the charger's band of the target was not heard. */
  missing: z.number().int().min(0),
  /** Best-BSS signal over the heard scans; null when every scan missed it. */
  minDbm: z.number().nullable(),
  meanDbm: z.number().nullable(),
  maxDbm: z.number().nullable(),
  /** Most co-channel BSSes seen in one scan of the bucket. */
  coChannelMax: z.number().int().min(0).nullable()
})
export type WatchBucket = Readonly<z.infer<typeof watchBucketSchema>>

/** One light connectivity check (one DNS lookup, TCP/TLS 443, one SNTP exchange). */
export const watchCheckSchema = z.object({
  t: z.number(),
  ok: z.boolean(),
  /** What failed, one line each ("dns hermes-prd.sn.tesla.services: timeout"); empty when ok. */
  failed: z.array(z.string().max(300)).readonly()
})
export type WatchCheck = Readonly<z.infer<typeof watchCheckSchema>>

/**
 * Something worth a line on the timeline. `drop`: the target stopped being heard (`untilT` when
 * it came back); `roam`: the best BSS changed; `co-channel`: a network not seen before appeared
 * on the target's channel; `check-failed`; `gap`: no scan for much longer than the interval (the
 * laptop slept) — never counted as signal; `paused`.
 */
export const watchEventKindSchema = z.enum(['drop', 'roam', 'co-channel', 'check-failed', 'gap', 'paused'])
export type WatchEventKind = z.infer<typeof watchEventKindSchema>
export const watchEventSchema = z.object({
  t: z.number(),
  kind: watchEventKindSchema,
  /** End of a drop, gap or pause; null while it lasts. */
  untilT: z.number().nullable(),
  /** Plain text (may quote an SSID: hostile text, never HTML). */
  detail: z.string().max(500)
})
export type WatchEvent = Readonly<z.infer<typeof watchEventSchema>>

/**
 * `running` / `paused` in a file that no engine runs any more means the app stopped unexpectedly:
 * the UI offers to resume it.
 */
export const watchStateSchema = z.enum(['running', 'paused', 'finished', 'stopped'])
export type WatchState = z.infer<typeof watchStateSchema>

/** Lowest and highest whole dBm of the histogram; readings outside are clamped into the end bins. */
export const HISTOGRAM_MIN_DBM = -100
export const HISTOGRAM_MAX_DBM = -20

export const watchRecordSchema = z.object({
  id: z.string().max(64),
  ssid: z.string().max(256),
  /** ISO time the watch started. */
  startedAt: z.string().max(40),
  /** The watch's planned length. */
  plannedMs: z.number().int().min(0),
  intervalMs: z.number().int().min(0),
  /** Light connectivity check period; 0 when checks are off. */
  checkEveryMs: z.number().int().min(0),
  state: watchStateSchema,
  /** Time watched so far, pauses and gaps excluded (the elapsed time of the plan). */
  watchedMs: z.number().min(0),
  /** Time of the newest scan (the start, before the first; the resume time after a resume), ms since the epoch. */
  lastT: z.number().nullable(),
  /** Full-resolution samples, newest last (the last RECENT_WINDOW_MS). */
  samples: z.array(watchSampleSchema).readonly(),
  /** Older samples, folded (oldest first). */
  buckets: z.array(watchBucketSchema).readonly(),
  /** Scans in the whole watch, and those in which the target (its charger band) was not heard. */
  scans: z.number().int().min(0),
  missing: z.number().int().min(0),
  /** Times the target stopped being heard, and times the best BSS changed. */
  drops: z.number().int().min(0),
  roams: z.number().int().min(0),
  /** Best-BSS signal of every heard scan, one bin per whole dBm from HISTOGRAM_MIN_DBM up. */
  histogram: z.array(z.number().int().min(0)).readonly(),
  checks: z.array(watchCheckSchema).readonly(),
  checksRun: z.number().int().min(0),
  checksFailed: z.number().int().min(0),
  events: z.array(watchEventSchema).readonly(),
  /** Events left out once the list was full (the counts above still include them). */
  eventsDropped: z.number().int().min(0),
  /** BSSIDs of other networks already seen on the target's channel (to tell a newcomer). */
  knownCoChannel: z.array(z.string().max(32)).readonly()
})
export type WatchRecord = Readonly<z.infer<typeof watchRecordSchema>>
