/**
 * `wc-survey check` on the shipped sample survey and on bad files; the sample asset itself.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run, type CheckIo } from '../../../src/cli/commands/check'
import { terminalSafe } from '../../../src/shared/text/terminal-safe'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { PROFILE, PROFILE_VERSION } from '../../../src/shared/requirements'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import { buildSampleSurvey, SAMPLE_PATH } from '../../../scripts/make-sample-survey'

const dir = mkdtempSync(join(tmpdir(), 'wc-check-'))
const SURVEYS = join(import.meta.dirname, '..', '..', 'fixtures', 'surveys')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CheckIo = { out: (t) => (out += t), err: (t) => (err += t), color: false }
  const code = await run(args, io)
  return { code, out, err }
}

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const sample = (): Survey => surveySchema.parse(JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')))

describe('sample survey asset', () => {
  it('validates against the survey schema (schemaVersion 9) and records the current profile', () => {
    const s = sample()
    expect(s.schemaVersion).toBe(9)
    expect(s.site.billingMode).toBe('billed')
    expect(s.profile.version).toBe(PROFILE_VERSION)
    expect(s.locations.length).toBe(5)
    // A run counts only where it was taken: every measured stall has its own.
    expect(s.locations.filter((l) => l.measurements.some((m) => m.probe !== null)).map((l) => l.name)).toEqual([
      'Level P1 – stall 3',
      'Level P2 – stall 14',
      'Level P3 – stall 2',
      'Level P2 – stall 20'
    ])
  })

  it('is what scripts/make-sample-survey.ts generates now (regenerate it after a rule change)', () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8')).toBe(serializeSurvey(buildSampleSurvey()))
  })
})

describe('wc-survey check', () => {
  it('JSON on the sample: the expected verdict per location, with exactly the documented keys', async () => {
    const { code, out } = await check([SAMPLE_PATH, '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(out)
    expect(Object.keys(report).sort()).toEqual(['locations', 'reason', 'verdict'])
    expect(report.verdict).toBe('not-ready')
    expect(report.reason).toContain('2 of 5 locations not ready: WIFI-WIDTH at Level P2 – stall 14; WIFI-SIGNAL at Level P3 – stall 2')
    expect(report.locations.map((l: { name: string; verdict: string }) => [l.name, l.verdict])).toEqual([
      ['Level P1 – stall 3', 'ready'],
      ['Level P2 – stall 14', 'not-ready'],
      ['Level P3 – stall 2', 'not-ready'],
      ['Level P2 – stall 20', 'incomplete'],
      ['Level P3 – stall 7', 'incomplete']
    ])
    const p2 = report.locations[1]
    expect(Object.keys(p2).sort()).toEqual(['findings', 'level', 'name', 'position', 'reason', 'verdict'])
    const width = p2.findings.find((f: { requirement: string }) => f.requirement === 'WIFI-WIDTH')
    expect(Object.keys(width).sort()).toEqual(['evidence', 'explanation', 'remediation', 'requirement', 'result'])
    expect(width.result).toBe('fail')
    expect(width.remediation).toContain('20 MHz channel width')
    expect(report.locations[4].findings).toEqual([])
  })

  it('text on the sample: every finding line names its requirement ID, and the profile used is stated', async () => {
    const { code, out } = await check([SAMPLE_PATH])
    expect(code).toBe(1)
    expect(out).toContain(`requirement profile wall-connector-network ${PROFILE_VERSION}, re-evaluated`)
    expect(out).toContain('NOT READY — 2 of 5 locations not ready')
    expect(out).toMatch(/FAIL\s+WIFI-WIDTH/)
    expect(out).toMatch(/UNKNOWN WIFI-WIDTH/)
    const findingLines = out.split('\n').filter((l) => /^ {2}(pass|WARN|FAIL|UNKNOWN)/.test(l))
    // One line per requirement judged at every measurement, at each of the 4 measured locations (the
    // sample has no watch and no charger read, so WIFI-STABLE and WC-* are not judged there).
    const judgedEverywhere = PROFILE.requirements.filter((r) => r.scope === 'every measurement').length
    expect(judgedEverywhere).toBeGreaterThan(0)
    expect(findingLines.length).toBe(4 * judgedEverywhere)
    for (const l of findingLines) expect(l).toMatch(/ (WIFI|NET|SITE)-[A-Z]+ /)
  })

  it('JSON on the sample: every location on its level, in metres from the plan\'s top-left corner', async () => {
    const report = JSON.parse((await check([SAMPLE_PATH, '--json'])).out)
    // Plans at 20 px/m (the printed 20 m bar is 400 px): stalls are 2.5 m wide, numbered from the
    // east end of the top row (stall 1 centred 1.25 m left of x = 66 m), their centres 7.5 m from the top.
    expect(report.locations.map((l: { name: string; level: unknown; position: unknown }) => [l.name, l.level, l.position])).toEqual([
      ['Level P1 – stall 3', 'P1', { x: 59.75, y: 7.5 }],
      ['Level P2 – stall 14', 'P2', { x: 32.25, y: 7.5 }],
      ['Level P3 – stall 2', 'P3', { x: 62.25, y: 7.5 }],
      ['Level P2 – stall 20', 'P2', { x: 17.25, y: 7.5 }],
      ['Level P3 – stall 7', 'P3', { x: 49.75, y: 7.5 }]
    ])
  })

  it('JSON gives each location its level and its position in metres (null when not pinned or unscaled)', async () => {
    const path = join(dir, 'map.wcsurvey')
    copyFileSync(join(SURVEYS, 'v5-garage-map.wcsurvey'), path)
    const report = JSON.parse((await check([path, '--json'])).out)
    // Basement is scaled 40 px = 20 m (0.5 m/px): bay 3's pin at (10, 20) px is 5 m right, 10 m down.
    expect(report.locations.map((l: { name: string; level: unknown; position: unknown }) => [l.name, l.level, l.position])).toEqual([
      ['Basement – bay 3', 'Basement', { x: 5, y: 10 }],
      ['Basement – bay 9', 'Ground', null],
      ['Ground – bay 1', null, null]
    ])
    // The same pin without a scale: the level is known, a distance is not.
    const doc = JSON.parse(readFileSync(path, 'utf8'))
    doc.map.levels[0].scale = null
    const unscaled = write('unscaled.wcsurvey', JSON.stringify(doc))
    expect(JSON.parse((await check([unscaled, '--json'])).out).locations[0]).toMatchObject({ level: 'Basement', position: null })
  })

  it('a damaged plan inside the survey is named on stderr; every location is still judged', async () => {
    const path = join(dir, 'corrupt-plan.wcsurvey')
    copyFileSync(join(SURVEYS, 'v5-corrupt-plan.wcsurvey'), path)
    const { out, err } = await check([path, '--json'])
    expect(err).toContain('corrupt-plan.wcsurvey: Level Basement: the plan basement.png is damaged')
    expect(JSON.parse(out).locations).toHaveLength(3)
  })

  it('exit 0 when the survey is ready (only the ready location kept)', async () => {
    const s = sample()
    const path = write('ready.wcsurvey', serializeSurvey({ ...s, locations: s.locations.slice(0, 1) }))
    const { code, out } = await check([path, '--json'])
    expect(JSON.parse(out).verdict).toBe('ready')
    expect(code).toBe(0)
  })

  it.each([
    ['corrupt.wcsurvey', '{"schemaVersion": 2, "site": ', 'corrupt.wcsurvey is damaged'],
    ['newer.wcsurvey', JSON.stringify({ schemaVersion: 99, site: {} }), 'newer.wcsurvey'],
    ['other.wcsurvey', JSON.stringify({ hello: 'world' }), 'other.wcsurvey']
  ])('exit 2 with a clear message for %s', async (name, text, message) => {
    const { code, err, out } = await check([write(name, text)])
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain(message)
  })

  it('exit 2 for a missing file and for usage errors', async () => {
    expect((await check([join(dir, 'nope.wcsurvey')])).err).toContain('does not exist')
    expect((await check([])).code).toBe(2)
    expect((await check([SAMPLE_PATH, '--frobnicate'])).err).toContain("unknown option '--frobnicate'")
    expect((await check(['--help'])).code).toBe(0)
  })

  it('hostile names cannot drive the terminal: control and bidi characters are escaped', async () => {
    const s = sample()
    const hostile = { ...s, site: { ...s.site, name: 'Garage\u001b[2J\u202e<script>' } }
    const { out } = await check([write('hostile.wcsurvey', serializeSurvey(hostile))])
    expect(out).not.toContain('\u001b')
    expect(out).not.toContain('\u202e')
    expect(out).toContain('Garage\\u{1b}[2J\\u{202e}<script>')
    expect(terminalSafe('a\u0000b')).toBe('a\\u{0}b')
  })

  it('JSON output escapes C1 controls and bidi overrides but keeps the same data', async () => {
    const s = sample()
    const name = 'P1 \u009b2J \u202estall'
    // Cast: the builder's survey has a first location.
    const hostile = { ...s, locations: [{ ...(s.locations[0] as (typeof s.locations)[number]), name }] }
    const { out } = await check([write('hostile-json.wcsurvey', serializeSurvey(hostile)), '--json'])
    expect(out).not.toMatch(/[\u009b\u202e]/)
    expect(out).toContain('\\u009b')
    expect(JSON.parse(out).locations[0].name).toBe(name)
  })
})
