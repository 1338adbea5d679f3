/**
 * Benchmark: save (atomic: temp file, fsync, rename, fsync folder) and load (parse, detect,
 * validate) of a large survey — 60 locations × 3 measurements × 40 BSS observations.
 * Target: a save ≤ 500 ms, well under the 1 s autosave debounce (issue 2 item 5), so autosaves
 * never queue behind each other.
 * Prints its figures; never fails a build.
 *
 * Run: `npm run bench survey-files`, or `npx tsx scripts/bench/survey-files.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Observation } from '../../src/shared/model/observation'
import { surveySchema, type Survey } from '../../src/shared/model/survey'
import { loadSurveyFile, saveSurveyFile } from '../../src/main/survey/survey-file'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../../test/support/survey-builders'

const LOCATIONS = 60
const MEASUREMENTS = 3
const OBSERVATIONS = 40
const RUNS = 10
const TARGET_MS = 500

function observation(i: number): Observation {
  return makeObservation({
    ssid: `Network ${i}`,
    ssidHex: Buffer.from(`Network ${i}`).toString('hex'),
    bssid: `aa:bb:cc:dd:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    frequencyMhz: 2412 + (i % 11) * 5,
    channel: 1 + (i % 11),
    signalDbm: -40 - (i % 50)
  })
}

function bigSurvey(): Survey {
  const doc = makeSurvey({
    id: 'bench',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    site: { name: 'Bench garage', address: '1 Bench St', customer: 'Bench', technician: 'B', billingMode: 'billed', notes: '' },
    targetSsid: 'Network 1',
    locations: Array.from({ length: LOCATIONS }, (_, l) =>
      makeLocation({
        id: `l${l}`,
        name: `Level P${l % 4} – stall ${l}`,
        notes: 'Concrete pillar between the AP and the stall. '.repeat(5),
        cellularNote: '2 bars LTE',
        measurements: Array.from({ length: MEASUREMENTS }, (_, m) =>
          makeMeasurement({
            id: `m${l}-${m}`,
            takenAt: '2026-01-01T00:00:00.000Z',
            observations: Array.from({ length: OBSERVATIONS }, (_, o) => observation(o))
          })
        )
      })
    )
  })
  return surveySchema.parse(doc) // fails loudly if the model changed under the benchmark
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  return `median ${median.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`
}

const dir = mkdtempSync(join(tmpdir(), 'wc-bench-survey-'))
try {
  const survey = bigSurvey()
  const path = join(dir, 'bench.wcsurvey')
  const saves: number[] = []
  const loads: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    const saved = await saveSurveyFile(path, { ...survey, updatedAt: new Date().toISOString() })
    const t1 = performance.now()
    const loaded = await loadSurveyFile(path)
    const t2 = performance.now()
    if (!saved.ok || !loaded.ok) throw new Error('bench: save or load failed')
    saves.push(t1 - t0)
    loads.push(t2 - t1)
  }
  const size = statSync(path).size
  const medianSave = [...saves].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0
  process.stdout.write(`survey file: ${LOCATIONS} locations × ${MEASUREMENTS} measurements × ${OBSERVATIONS} BSS = ${(size / 1048576).toFixed(2)} MB\n`)
  process.stdout.write(`  atomic save: ${stats(saves)} (target ≤ ${TARGET_MS} ms: ${medianSave <= TARGET_MS ? 'met' : 'MISSED'})\n`)
  process.stdout.write(`  load + validate: ${stats(loads)}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
