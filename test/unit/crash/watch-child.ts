/**
 * Child process of the watch crash test: a watch of the survey's first location through the real
 * watch service and the real atomic save, on a fake scanner whose clock moves 2 s per scan while
 * real time moves a few ms. Log lines, appended synchronously before and after each save:
 * `before <scans>` and `after <scans>`, so the test knows what the file may hold when it kills us.
 *
 * Usage (bundled by the test with esbuild): node watch-child.mjs <survey file> <log file> [--resume <watch id> --scans N]
 */
import { appendFileSync } from 'node:fs'
import type { Observation } from '../../../src/shared/model/observation'
import { loadSurveyFile, saveSurveyFile } from '../../../src/main/survey/survey-file'
import { createWatchService } from '../../../src/main/watch/watch-service'
import { makeObservation } from '../../support/survey-builders'

const [file, log, flag, resumeId, , scansArg] = process.argv.slice(2)
if (file === undefined || log === undefined) throw new Error('usage: watch-child <survey file> <log file> [--resume <id> --scans N]')
const resuming = flag === '--resume' && resumeId !== undefined
let clock = Date.UTC(2026, 10, 20, 18, 0, 0)
let scans = 0
/** Resuming: the scan after the last one wanted waits here until the stop is under way (so it is not kept). */
const limit = resuming ? Number(scansArg) : null
let release: () => void = () => {}
const stopRequested = new Promise<void>((resolve) => (release = resolve))

const service = createWatchService({
  scanner: {
    name: 'fake',
    minIntervalMs: 2000,
    scan: async () => {
      scans += 1
      if (limit !== null && scans > limit) await stopRequested
      const obs: Observation[] = [makeObservation({ ssid: 'CT', bssid: 'aa:bb:cc:00:00:01', signalDbm: -60 - (scans % 7) })]
      return { ok: true, observations: obs, skipped: 0, warnings: [] }
    }
  },
  check: null,
  emit: () => {},
  load: loadSurveyFile,
  save: async (path, survey) => {
    const n = survey.locations[0]?.watches[0]?.scans ?? 0
    appendFileSync(log, `before ${n}\n`)
    const outcome = await saveSurveyFile(path, survey)
    if (outcome.ok) appendFileSync(log, `after ${n}\n`)
    return outcome
  },
  intervalMs: 2000,
  now: () => clock,
  // Hours of watch in seconds: each wait is 5 ms of real time and its full length on the clock.
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        clock += ms
        resolve()
      }, 5)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
})

const loaded = await loadSurveyFile(file)
if (!loaded.ok) {
  process.stderr.write(`watch-child: ${loaded.message}\n`)
  process.exit(3)
}
// After a crash the clock has moved on: ten minutes later.
if (resuming) clock = (loaded.survey.locations[0]?.watches[0]?.lastT ?? clock) + 10 * 60_000
const started = await service.start(file, 'crash-test-handle', loaded.survey.locations[0]?.id ?? '', { durationMs: 12 * 3_600_000, checkEveryMs: 0, ...(resuming ? { resumeId } : {}) })
if (!started.ok) {
  process.stderr.write(`watch-child: ${started.message}\n`)
  process.exit(4)
}
process.stdout.write(`ready ${started.watchId}\n`)
if (resuming) {
  // Run N more scans, then stop as the technician would.
  while (limit !== null && scans <= limit) await new Promise((r) => setTimeout(r, 5))
  const stopping = service.stop(started.watchId)
  release()
  await stopping
  process.stdout.write('stopped\n')
}
