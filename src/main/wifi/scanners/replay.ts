/**
 * Replay scanner: plays back recorded scanner outputs (any supported format, parsed by the real
 * parsers) for demos, the sample survey and tests. Chosen only by an explicit setting
 * (WC_SURVEY_SCANNER=replay), never as a fallback. A folder with manifest.json (see
 * assets/replay/demo/README.md) adds deterministic signal variation over time.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import type { Observation } from '../../../shared/model/observation'
import { mergeSources } from '../merge'
import { detectFormat, parseAs, SCAN_FORMATS } from '../parsers/detect'
import { finish } from '../parsers/observation-draft'
import { scanFailed } from '../scan-errors'
import { MIN_INTERVAL_MS, type ScanOutcome, type Scanner } from './scanner'

const manifestSchema = z.object({
  format: z.literal('wc-survey-replay/1'),
  description: z.string(),
  recordings: z.array(z.object({ file: z.string().min(1), format: z.enum(SCAN_FORMATS).optional() })).min(1),
  variation: z
    .object({
      amplitudeDb: z.number().min(0).max(30).default(0),
      periodScans: z.number().int().min(1).default(30),
      flickerBelowDbm: z.number().nullable().default(null),
      offsetsDb: z.record(z.string(), z.number()).default({})
    })
    .optional(),
  scanDurationMs: z.number().int().min(0).max(10000).default(0)
})
type Manifest = z.infer<typeof manifestSchema>

export interface ReplaySet {
  readonly label: string
  /** The recorded BSSs, merged across recordings, source "replay". */
  readonly base: readonly Observation[]
  readonly variation: NonNullable<Manifest['variation']> | null
  readonly scanDurationMs: number
  readonly skipped: number
  readonly warnings: readonly string[]
}

/** FNV-1a of a string → [0, 1): a stable per-BSSID phase. */
function phaseOf(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h / 2 ** 32
}

async function parseRecording(path: string, format: (typeof SCAN_FORMATS)[number] | undefined) {
  const text = await readFile(path, 'utf8')
  const fmt = format ?? detectFormat(text)
  if (fmt === null) return { observations: [], skipped: 1, warnings: [`replay: ${basename(path)} is in no known scanner format`] }
  return parseAs(fmt, text)
}

/** Loads a replay set from a manifest, a folder of recordings, or one recording file. */
export async function loadReplaySet(target: string): Promise<ReplaySet> {
  const info = await stat(target)
  let manifest: Manifest | null = null
  let files: { path: string; format?: (typeof SCAN_FORMATS)[number] }[]
  const manifestPath = info.isDirectory() ? join(target, 'manifest.json') : target.endsWith('.json') && basename(target) === 'manifest.json' ? target : null
  const hasManifest = manifestPath !== null && (await stat(manifestPath).then((s) => s.isFile(), () => false))
  if (hasManifest && manifestPath) {
    manifest = manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')))
    const dir = dirname(manifestPath)
    // Recordings are named relative to the manifest and must stay in its folder.
    files = manifest.recordings.map((r) => ({ path: join(dir, basename(r.file)), format: r.format }))
  } else if (info.isDirectory()) {
    files = (await readdir(target)).filter((f) => /\.(txt|log|json|out)$/.test(f)).sort().map((f) => ({ path: join(target, f) }))
  } else files = [{ path: target }]
  const results = await Promise.all(files.map((f) => parseRecording(f.path, f.format)))
  const base = mergeSources(results.map((r) => r.observations)).map((o) => finish({ ...o, security: { ...o.security }, source: 'replay' }))
  return {
    label: manifest ? `${basename(info.isDirectory() ? target : dirname(target))}` : basename(target),
    base,
    variation: manifest?.variation ?? null,
    scanDurationMs: manifest?.scanDurationMs ?? 0,
    skipped: results.reduce((n, r) => n + r.skipped, 0),
    warnings: results.flatMap((r) => r.warnings)
  }
}

/** Frame `k` of a replay: the recorded BSSs with their signal moved deterministically. */
export function replayFrame(set: ReplaySet, k: number): Observation[] {
  const v = set.variation
  if (!v) return [...set.base]
  const out: Observation[] = []
  for (const o of set.base) {
    if (o.signalDbm === null) {
      out.push(o)
      continue
    }
    const phase = phaseOf(o.bssid ?? o.ssidHex ?? '')
    const offset = (o.bssid !== null ? v.offsetsDb[o.bssid] : undefined) ?? 0
    const signal = Math.round(o.signalDbm + offset + v.amplitudeDb * Math.sin(2 * Math.PI * (k / v.periodScans + phase)))
    if (v.flickerBelowDbm !== null && signal < v.flickerBelowDbm && (k + Math.floor(phase * 4)) % 4 === 0) continue
    out.push({ ...o, signalDbm: Math.max(-100, Math.min(-20, signal)) })
  }
  return out
}

export interface ReplayScannerOptions {
  /** File or folder; relative paths are resolved against `cwd`. */
  readonly target: string
  readonly cwd: string
  /** Overrides the manifest's simulated scan duration (tests use 0). */
  readonly scanDurationMs?: number
}

/** The replay scanner. A missing or unreadable replay is a ScanError naming the path. */
export function createReplayScanner(options: ReplayScannerOptions): Scanner {
  const target = resolve(options.cwd, options.target)
  let loading: Promise<ReplaySet> | null = null
  let frame = 0
  const scan = async (): Promise<ScanOutcome> => {
    loading ??= loadReplaySet(target)
    let set: ReplaySet
    try {
      set = await loading
    } catch (error) {
      loading = null
      const detail = error instanceof Error ? error.message : String(error)
      return { ok: false, error: scanFailed('Replay', `cannot read ${target}: ${detail}`, ['Point WC_SURVEY_REPLAY at a recorded scan file or a folder with manifest.json, or unset WC_SURVEY_SCANNER to scan for real.']) }
    }
    const duration = options.scanDurationMs ?? set.scanDurationMs
    if (duration > 0) await new Promise((r) => setTimeout(r, duration))
    const observations = replayFrame(set, frame++)
    return { ok: true, observations, skipped: set.skipped, warnings: [...set.warnings] }
  }
  return { name: `Replay (demo: ${basename(target)})`, minIntervalMs: MIN_INTERVAL_MS, scan }
}
