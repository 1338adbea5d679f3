/**
 * Child process of the crash-safety test: saves a growing survey in a loop with the real atomic
 * save until it is killed. Log lines (appended synchronously, so they reach the kernel before the
 * next step): `loaded <sha256>` for the state found at start, `before <sha256>` just before a
 * save, `after <sha256>` once it returned ok.
 *
 * Usage (bundled by the test with esbuild): node saver-child.mjs <survey file> <log file>
 */
import { createHash } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import type { Survey } from '../../../src/shared/model/survey'
import { loadSurveyFile, saveSurveyFile, serializeSurvey } from '../../../src/main/survey/survey-file'
import { makeLocation, makeSurvey } from '../../support/survey-builders'

const [file, log] = process.argv.slice(2)
if (file === undefined || log === undefined) throw new Error('usage: saver-child <survey file> <log file>')

const hash = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Locations per survey before it starts over small (keeps files between a few KB and ~600 KB). */
const MAX_LOCATIONS = 150

async function main(file: string, log: string): Promise<void> {
  let survey: Survey = makeSurvey({
    id: 'crash-test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    site: { name: 'Crash test garage', address: '', customer: '', technician: '' },
    targetSsid: 'CT'
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
    survey = { ...survey, updatedAt: new Date().toISOString(), locations }
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
