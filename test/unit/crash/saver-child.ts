/**
 * Child process of the crash-safety test: saves a growing survey (with a 512 KB floor plan inside) in a loop with the real atomic
 * save until it is killed. Log lines (appended synchronously, so they reach the kernel before the
 * next step): `loaded <sha256>` for the state found at start, `before <sha256>` just before a
 * save, `after <sha256>` once it returned ok.
 *
 * Usage (bundled by the test with esbuild): node saver-child.mjs <survey file> <log file>
 */
import { createHash } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import type { Survey } from '../../../src/shared/model/survey'
import type { Level } from '../../../src/shared/model/survey-map'
import { bytesToBase64 } from '../../../src/shared/map/plan-image'
import { loadSurveyFile, saveSurveyFile, serializeSurvey } from '../../../src/main/survey/survey-file'
import { makeLocation, makeSurvey } from '../../support/survey-builders'

const [file, log] = process.argv.slice(2)
if (file === undefined || log === undefined) throw new Error('usage: saver-child <survey file> <log file>')

const hash = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Locations per survey before it starts over small (keeps files between a few KB and ~600 KB, plus the plan). */
const MAX_LOCATIONS = 150

/**
 * A 512 KB floor plan kept inside the survey, as a real import keeps it: a PNG header (2400 ×
 * 1600 px) and bytes that vary per survey, so a torn write of the plan would show in the hash.
 */
function plan(seed: number): Level {
  const bytes = new Uint8Array(512 * 1024)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x09, 0x60, 0, 0, 0x06, 0x40, 8, 2, 0, 0, 0])
  let x = seed | 1
  for (let i = 33; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  const data = bytesToBase64(bytes)
  return { id: 'level-p1', name: 'P1', plan: { fileName: 'p1.png', mediaType: 'image/png', widthPx: 2400, heightPx: 1600, data }, scale: null }
}

/** Two plans made once (making one per save would slow the loop the test kills). */
const plans = [plan(1), plan(2)] as const

async function main(file: string, log: string): Promise<void> {
  let survey: Survey = makeSurvey({
    id: 'crash-test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    site: { name: 'Crash test garage', address: '', customer: '', technician: '' },
    targetSsid: 'CT',
    map: { units: 'm', levels: [plans[0]], points: [] }
  })
  if (existsSync(file)) {
    const loaded = await loadSurveyFile(file)
    if (!loaded.ok) {
      process.stderr.write(`saver-child: ${loaded.message}\n`)
      process.exit(3)
    }
    survey = loaded.survey
    appendFileSync(log, `loaded ${hash(serializeSurvey(survey))}\n`)
  }
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const n = survey.locations.length
    const locations =
      n >= MAX_LOCATIONS
        ? []
        : [...survey.locations, makeLocation({ id: `l${n}-${i}`, name: `Level P${n % 5} – stall ${n}`, notes: `note ${i} `.repeat(400) })]
    // Every tenth save imports a new plan: the file's largest part is rewritten too.
    const map = i % 10 === 9 ? { ...survey.map, levels: [Math.floor(i / 10) % 2 === 0 ? plans[1] : plans[0]] } : survey.map
    survey = { ...survey, updatedAt: new Date().toISOString(), locations, map }
    const h = hash(serializeSurvey(survey))
    appendFileSync(log, `before ${h}\n`)
    const outcome = await saveSurveyFile(file, survey)
    if (!outcome.ok) {
      process.stderr.write(`saver-child: ${outcome.message}\n`)
      process.exit(4)
    }
    appendFileSync(log, `after ${h}\n`)
  }
}

void main(file, log)
