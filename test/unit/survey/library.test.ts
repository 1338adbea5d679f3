import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listSurveys, safeFileStem, uniqueSurveyPath } from '../../../src/main/survey/library'
import { copyFixture, tempDir } from './helpers'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('safeFileStem', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['Harbour View Garage', 'Harbour View Garage'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'C-Windows-System32'],
    ['a<b>c:d"e|f?g*h', 'a-b-c-d-e-f-g-h'],
    ['line\nbreak\ttab', 'line-break-tab'],
    ['  ..hidden.  ', 'hidden'],
    ['CON', 'survey-CON'],
    ['lpt1', 'survey-lpt1'],
    ['', 'survey'],
    ['///', 'survey'],
    ['Level P2 – stall 14', 'Level P2 – stall 14'],
    ['Garage \u202Egpj', 'Garage -gpj'],
    ['a\u2066b\u200fc\u0085d', 'a-b-c-d'],
    ['x'.repeat(300), 'x'.repeat(80)]
  ]
  it.each(cases)('%j → %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected)
  })
})

describe('uniqueSurveyPath', () => {
  it('numbers names already taken', async () => {
    expect(await uniqueSurveyPath(dir, 'Site')).toBe(join(dir, 'Site.wcsurvey'))
    writeFileSync(join(dir, 'Site.wcsurvey'), '')
    writeFileSync(join(dir, 'Site 2.wcsurvey'), '')
    expect(await uniqueSurveyPath(dir, 'Site')).toBe(join(dir, 'Site 3.wcsurvey'))
  })
})

describe('listSurveys', () => {
  it('is empty when the library folder does not exist yet', async () => {
    expect(await listSurveys(join(dir, 'missing'))).toEqual([])
  })

  it('lists good files newest first and unreadable files with the reason', async () => {
    copyFixture('v1-garage.wcsurvey', dir)
    copyFixture('v2-garage.wcsurvey', dir)
    copyFixture('corrupt-truncated.wcsurvey', dir)
    writeFileSync(join(dir, 'notes.txt'), 'ignored: not a survey file name')
    writeFileSync(join(dir, '.site.wcsurvey.abc.tmp'), 'ignored: a temp file')
    mkdirSync(join(dir, 'sub'))
    const rows = await listSurveys(dir)
    const good = rows.filter((r) => r.error === null)
    expect(good.map((r) => [r.siteName, r.locationCount])).toEqual([
      ['Elm Street Offices', 1],
      ['Harbour View Garage', 2]
    ])
    expect(good.every((r) => r.verdict !== null)).toBe(true)
    const bad = rows.find((r) => r.fileName === 'corrupt-truncated.wcsurvey')
    expect(bad).toMatchObject({ verdict: null, locationCount: 0, error: expect.stringMatching(/damaged/) })
    expect(rows).toHaveLength(3)
  })
})
