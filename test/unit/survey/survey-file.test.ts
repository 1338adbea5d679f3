/**
 * Survey files: schema, migrations (a fixture per version), atomic save, and every bad input of
 * issue 2 item 6 — each leaves the original file byte-identical.
 */
import * as fsp from 'node:fs/promises'
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SURVEY_SCHEMA_VERSION, surveySchema, type Survey } from '../../../src/shared/model/survey'
import { migrateSurvey } from '../../../src/main/survey/migrate'
import { loadSurveyFile, MAX_SURVEY_BYTES, parseSurveyText, saveSurveyFile, serializeSurvey, type SaveFs } from '../../../src/main/survey/survey-file'
import { planProblems } from '../../../src/shared/map/plan-image'
import { skipFor } from '../../support/requires'
import { cannotMount, copyFixture, fixturesDir, mount, sampleSurvey, tempDir, umount } from './helpers'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** Files in `dir` other than `keep`: leftover temp files would show up here. */
function others(keep: string): string[] {
  return readdirSync(dir).filter((n) => n !== keep)
}

describe('loading and migrating (a fixture per version)', () => {
  it('loads the current version (v9: the site\'s time zone, an access point\'s WPS device name) as is, without touching the file', async () => {
    const path = copyFixture('v9-garage-zone-apname.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBeNull()
    expect(outcome.survey.schemaVersion).toBe(SURVEY_SCHEMA_VERSION)
    expect(SURVEY_SCHEMA_VERSION).toBe(9)
    expect(outcome.survey.site.timeZone).toBe('America/New_York')
    // The fixture's one measurement (README): booyaa's "hello" as Elm-IoT, named XiaoMiRouter in WPS; its neighbour sends no name.
    const observations = outcome.survey.locations[0]?.measurements[0]?.observations ?? []
    expect(observations.map((o) => [o.bssid, o.deviceName ?? null])).toEqual([
      ['11:22:33:44:55:66', 'XiaoMiRouter'],
      ['22:33:44:55:66:77', null]
    ])
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v8 (the chargers garage with a photo at bay 3) in memory: no site time zone (never guessed), the photo kept; the file stays v8', async () => {
    const path = copyFixture('v8-garage-photos.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(8)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.site).toEqual({ name: 'Elm Street Offices', address: '400 Elm Street', customer: 'Elm Holdings', technician: 'R. Diaz', billingMode: 'free', notes: '', timeZone: null })
    // The fixture (README): one 32 × 24 PNG of the mounting wall at bay 3, none elsewhere.
    expect(outcome.survey.locations.map((l) => l.photos.map((p) => [p.fileName, p.kind, p.caption, p.mediaType, p.widthPx, p.heightPx, p.orientation]))).toEqual([
      [['wall-bay-3.png', 'mounting-wall', 'Wall left of bay 3, conduit from the ceiling', 'image/png', 32, 24, 1]],
      [],
      []
    ])
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v7 (the map garage with installed chargers and a calibrated margin) in memory: no location has a photo; the file stays v7', async () => {
    const path = copyFixture('v7-garage-chargers.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(7)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.locations.map((l) => l.photos)).toEqual([[], [], []])
    expect(outcome.survey.chargers.map((c) => [c.id, c.locationId, c.reading.serialNumber, c.reading.wifi.ssid, c.reading.wifi.rssiDbm])).toEqual([
      ['wc-1', 'loc-a', 'B7S24024J01612', 'Elm-IoT', -63],
      ['wc-2', null, null, null, null]
    ])
    expect(outcome.survey.chargers[1]?.reading.reachable).toBe(false)
    expect(outcome.survey.calibration).toEqual({ laptopMarginDb: 4, source: 'median of laptop − charger RSSI at 1 stall', n: 1, setAt: '2026-02-14T10:20:00.000Z' })
    expect(outcome.survey.map.levels.map((l) => l.name)).toEqual(['Basement', 'Ground'])
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v6 (written by a newer build: a requirement ID and a scan source this build does not know) in memory: the names kept, no chargers, no calibration; the file stays v6', async () => {
    const path = copyFixture('v6-garage-newer-names.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(6)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.chargers).toEqual([])
    expect(outcome.survey.calibration).toBeNull()
    const [p1] = outcome.survey.locations
    // The fixture's newer names (README): a stored WIFI-ROAM finding, a NET-OCPP probe check, a corewlan observation.
    expect(p1?.measurements[1]?.findings.map((f) => f.requirement)).toContain('WIFI-ROAM')
    expect(p1?.measurements[0]?.probe?.results.map((r) => r.requirement)).toContain('NET-OCPP')
    expect(p1?.measurements[1]?.observations[0]?.source).toBe('corewlan')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v5 (a garage with a map) in memory: only the version changes (every v5 ID and source is still valid); the file stays v5', async () => {
    const path = copyFixture('v5-garage-map.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(5)
    expect(outcome.survey.schemaVersion).toBe(9)
    const { schemaVersion: _v5, ...restV5 } = JSON.parse(before.toString('utf8')) as Record<string, unknown> // Cast: the fixture is a JSON object
    const { schemaVersion: _v6, ...restV6 } = outcome.survey
    const locationsV5 = restV5.locations as Record<string, unknown>[] // Cast: the fixture's locations are objects
    // v6 → v7 adds no charger, v7 → v8 no photo, v8 → v9 no time zone.
    expect(restV6).toEqual({ ...restV5, site: { ...(restV5.site as object), timeZone: null }, locations: locationsV5.map((l) => ({ ...l, photos: [] })), chargers: [], calibration: null })
    const { map, locations } = outcome.survey
    expect(map.units).toBe('ft')
    expect(map.levels.map((l) => [l.name, l.plan?.fileName ?? null, l.plan?.widthPx ?? null, l.scale?.metres ?? null])).toEqual([
      ['Basement', 'basement.png', 64, 20],
      ['Ground', null, null, null]
    ])
    expect(locations.map((l) => l.placement)).toEqual([
      { levelId: 'level-b', position: { x: 10, y: 20 } },
      { levelId: 'level-g', position: null },
      null
    ])
    expect(map.points.map((p) => [p.id, p.levelId, p.position, p.measurements.length])).toEqual([['pt-1', 'level-b', { x: 50, y: 30 }, 1]])
    expect(planProblems(outcome.survey)).toEqual([])
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('opens a survey whose plan is damaged inside the file: the plan is named, everything else is there, the file untouched', async () => {
    const path = copyFixture('v5-corrupt-plan.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(planProblems(outcome.survey)).toEqual([
      {
        levelId: 'level-b',
        message:
          'Level Basement: the plan basement.png is damaged (its header is damaged (no readable width and height)). Everything else in the survey opened as saved; import the plan again.'
      }
    ])
    expect(outcome.survey.locations.map((l) => l.name)).toEqual(['Basement – bay 3', 'Basement – bay 9', 'Ground – bay 1'])
    expect(outcome.survey.locations[0]?.watches[0]?.id).toBe('watch-fixture-1')
    expect(outcome.survey.map.points).toHaveLength(1)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v4 in memory: no levels, every location unplaced, its watch kept; the file stays v4', async () => {
    const path = copyFixture('v4-garage-watch.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(4)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.map).toEqual({ units: 'm', levels: [], points: [] })
    expect(outcome.survey.locations.map((l) => l.placement)).toEqual([null])
    const watch = outcome.survey.locations[0]?.watches[0]
    // The fixture's watch: 2 min at 2 s (61 scans), a drop at 18:00:30–18:00:40, a roam, 1 of 5 checks failed.
    expect(watch).toMatchObject({ id: 'watch-fixture-1', state: 'finished', scans: 61, missing: 5, drops: 1, roams: 1, checksRun: 5, checksFailed: 1 })
    expect(watch?.events.find((e) => e.kind === 'drop')).toMatchObject({ t: Date.UTC(2026, 10, 20, 18, 0, 30), untilT: Date.UTC(2026, 10, 20, 18, 0, 40) })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v3 in memory: a re-survey keeps its link, no stall was watched; the file stays v3', async () => {
    const path = copyFixture('v3-garage-resurvey.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(3)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.site.name).toBe('Elm Street Offices')
    expect(outcome.survey.resurveyOf).toEqual({
      surveyId: '0b8a3f7e-52d4-4f0e-8c2a-7e9d6b1a4c22',
      surveyCreatedAt: '2026-01-10T08:00:00.000Z',
      lineageId: '0b8a3f7e-52d4-4f0e-8c2a-7e9d6b1a4c22'
    })
    expect(outcome.survey.locations.map((l) => l.watches)).toEqual(outcome.survey.locations.map(() => []))
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v2 in memory: a first survey, not a re-survey; the file stays v2', async () => {
    const path = copyFixture('v2-garage.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(2)
    expect(outcome.survey.schemaVersion).toBe(9)
    expect(outcome.survey.resurveyOf).toBeNull()
    expect(outcome.survey.locations[0]?.cellularNote).toBe('1 bar LTE')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('migrates v1 in memory: billing flag → mode, implicit profile, cellularNote; the file stays v1', async () => {
    const path = copyFixture('v1-garage.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.migratedFrom).toBe(1)
    const s = outcome.survey
    expect(s.schemaVersion).toBe(9)
    expect(s.site.billingMode).toBe('billed')
    expect(s.site).not.toHaveProperty('billing')
    expect(s.profile).toEqual({ id: 'wall-connector-network', version: '0.9.0' })
    expect(s.locations.map((l) => l.cellularNote)).toEqual(['', ''])
    expect(s.locations[0]?.measurements[0]?.probe).toBeNull()
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('the migration chain is pure and maps billing: false to free', () => {
    const v1 = deepFreeze({
      schemaVersion: 1,
      id: 'a',
      createdAt: '',
      updatedAt: '',
      site: { name: 'S', address: '', customer: '', technician: '', billing: false, notes: '' },
      targetSsid: '',
      locations: [{ id: 'l', name: 'L', notes: '', measurements: [] }]
    })
    const v2 = migrateSurvey(v1, 1)
    expect(surveySchema.parse(v2).site.billingMode).toBe('free')
    expect(v2).toMatchObject({ profile: { version: 'unknown' } })
    expect(v1.site.billing).toBe(false) // frozen input unchanged (a mutation would have thrown)
  })

  it('the v4 → v5 step is pure: a frozen v4 document gains an empty map and unplaced locations', () => {
    const v4 = deepFreeze({ schemaVersion: 4, site: {}, locations: [{ id: 'l', watches: [] }] })
    expect(migrateSurvey(v4, 4)).toEqual({
      schemaVersion: 9,
      site: { timeZone: null },
      map: { units: 'm', levels: [], points: [] },
      locations: [{ id: 'l', watches: [], placement: null, photos: [] }],
      chargers: [],
      calibration: null
    })
    expect(v4.locations[0]).toEqual({ id: 'l', watches: [] })
  })

  it('the v5 → v6 step is pure and changes only the version (the closed lists became strings)', () => {
    const v5 = deepFreeze({ schemaVersion: 5, site: {}, locations: [{ id: 'l', measurements: [{ findings: [{ requirement: 'WIFI-SEC' }] }] }] })
    // Then v6 → v7 adds no chargers and no calibration, v7 → v8 no photo, v8 → v9 no time zone.
    expect(migrateSurvey(v5, 5)).toEqual({ schemaVersion: 9, site: { timeZone: null }, locations: [{ id: 'l', measurements: [{ findings: [{ requirement: 'WIFI-SEC' }] }], photos: [] }], chargers: [], calibration: null })
    expect(v5.schemaVersion).toBe(5)
  })

  it('the v6 → v7 step is pure: a frozen v6 document gains no chargers and no calibration', () => {
    const v6 = deepFreeze({ schemaVersion: 6, site: {}, locations: [], map: { units: 'm', levels: [], points: [] } })
    expect(migrateSurvey(v6, 6)).toEqual({ schemaVersion: 9, site: { timeZone: null }, locations: [], map: { units: 'm', levels: [], points: [] }, chargers: [], calibration: null })
    expect(v6).toEqual({ schemaVersion: 6, site: {}, locations: [], map: { units: 'm', levels: [], points: [] } })
  })

  it('the v7 → v8 step is pure: a frozen v7 document\'s locations gain no photos', () => {
    const v7 = deepFreeze({ schemaVersion: 7, site: {}, locations: [{ id: 'a', placement: null }, { id: 'b', placement: null }], chargers: [] })
    expect(migrateSurvey(v7, 7)).toEqual({ schemaVersion: 9, site: { timeZone: null }, locations: [{ id: 'a', placement: null, photos: [] }, { id: 'b', placement: null, photos: [] }], chargers: [] })
    expect(v7.locations[0]).toEqual({ id: 'a', placement: null })
  })

  it('the v8 → v9 step is pure: a frozen v8 document\'s site gains a null time zone (unknown, not the reader\'s), observations untouched', () => {
    const observation = { bssid: 'aa:bb:cc:00:00:01', source: 'iw' }
    const v8 = deepFreeze({ schemaVersion: 8, site: { name: 'S', billingMode: 'free' }, locations: [{ id: 'l', measurements: [{ observations: [observation] }], photos: [] }] })
    expect(migrateSurvey(v8, 8)).toEqual({ schemaVersion: 9, site: { name: 'S', billingMode: 'free', timeZone: null }, locations: [{ id: 'l', measurements: [{ observations: [{ bssid: 'aa:bb:cc:00:00:01', source: 'iw' }] }], photos: [] }] })
    expect(v8.site).toEqual({ name: 'S', billingMode: 'free' })
  })

  it('a current-version document passes through the chain unchanged', () => {
    const doc = { schemaVersion: 9, a: 1 }
    expect(migrateSurvey(doc, 9)).toBe(doc)
  })
})

describe('bad input: clear message naming the file, original byte-identical', () => {
  const cases: ReadonlyArray<[string, string, string, RegExp]> = [
    ['a corrupt (truncated) file', 'corrupt-truncated.wcsurvey', 'corrupt', /corrupt-truncated\.wcsurvey is damaged: it is not valid JSON/],
    ['a newer schemaVersion', 'newer-version.wcsurvey', 'newer-version', /newer-version\.wcsurvey was made by a newer version of WC Site Survey.*Update the app/],
    ['JSON that is not a survey', 'not-a-survey.wcsurvey', 'not-a-survey', /not-a-survey\.wcsurvey is not a WC Site Survey survey: it is a JSON file of another kind/]
  ]
  it.each(cases)('%s', async (_name, fixture, reason, message) => {
    const path = copyFixture(fixture, dir)
    const before = readFileSync(path)
    const outcome = await loadSurveyFile(path)
    expect(outcome).toMatchObject({ ok: false, reason })
    if (outcome.ok) return
    expect(outcome.message).toMatch(message)
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(others(fixture)).toEqual([])
  })

  const texts: ReadonlyArray<[string, string, string]> = [
    ['empty file', '', 'corrupt'],
    // Cut short: a survey's opening with its schemaVersion, then nothing.
    ['truncated survey', '{"schemaVersion":4,"id":"x","site":{"na', 'corrupt'],
    // Another kind of file renamed to .wcsurvey: not called damaged, and no backup to restore.
    ['a PDF renamed', '%PDF-1.7\n%\u00e2\u00e3', 'not-a-survey'],
    ['a text note', 'P1 stall 3: weak signal', 'not-a-survey'],
    ['JSON-like text of another program', '{"name": "wc-site-survey", "version": ', 'not-a-survey'],
    ['JSON array', '[1,2]', 'not-a-survey'],
    ['JSON null', 'null', 'not-a-survey'],
    ['JSON string', '"survey"', 'not-a-survey'],
    ['string schemaVersion', '{"schemaVersion":"2","site":{}}', 'not-a-survey'],
    ['fractional schemaVersion', '{"schemaVersion":1.5,"site":{}}', 'not-a-survey'],
    ['schemaVersion 0', '{"schemaVersion":0,"site":{}}', 'corrupt'],
    ['our version with a broken field', '{"schemaVersion":2,"site":{"name":5}}', 'corrupt'],
    ['huge future version', '{"schemaVersion":1e9,"site":{}}', 'newer-version']
  ]
  it.each(texts)('%s', (_name, text, reason) => {
    expect(parseSurveyText(text, '/x/s.wcsurvey')).toMatchObject({ ok: false, reason })
  })

  it('a text over its limit is refused naming the field, its length and the limit, not called damaged (issue 16 item 9)', () => {
    // The fixture is a v9 survey: these fields are there.
    const v9 = JSON.parse(readFileSync(join(fixturesDir, 'v9-garage-zone-apname.wcsurvey'), 'utf8')) as { locations: { name: string }[]; site: { name: string }; map: { levels: { name: string }[] } }
    const tooLong = (mutate: (d: typeof v9) => void): ReturnType<typeof parseSurveyText> => {
      const doc = structuredClone(v9)
      mutate(doc)
      return parseSurveyText(JSON.stringify(doc), '/x/long.wcsurvey')
    }
    expect(tooLong((d) => { d.locations[1]!.name = 'x'.repeat(201) })).toEqual({
      ok: false,
      reason: 'too-long',
      message: 'long.wcsurvey cannot be opened: the name of location 2 (locations.1.name) is 201 characters, over its limit of 200. The file was not changed and nothing was cut; shorten that text in the program that wrote the file, then open it again.'
    })
    const site = tooLong((d) => { d.site.name = 's'.repeat(250) })
    expect(site).toMatchObject({ ok: false, reason: 'too-long' })
    if (!site.ok) {
      expect(site.message).toContain('the site name (site.name) is 250 characters, over its limit of 200.')
      expect(site.message).not.toMatch(/damaged|backup/)
    }
    // Exactly at the limit opens.
    expect(tooLong((d) => { d.locations[1]!.name = 'x'.repeat(200) })).toMatchObject({ ok: true })
  })

  it('never quotes the content of a file that is not JSON', () => {
    const outcome = parseSurveyText('root:x:0:0:root:/root:/bin/bash', '/etc/passwd')
    expect(outcome).toMatchObject({ ok: false, reason: 'not-a-survey' })
    if (!outcome.ok) expect(outcome.message).not.toMatch(/damaged|backup/)
    expect(JSON.stringify(outcome)).not.toMatch(/root:x|bash/)
  })

  it('names the broken field of a damaged current-version file', () => {
    const survey = { ...sampleSurvey(), site: { ...sampleSurvey().site, billingMode: 'sometimes' } }
    const outcome = parseSurveyText(JSON.stringify(survey), '/x/s.wcsurvey')
    expect(outcome).toMatchObject({ ok: false, reason: 'corrupt', message: expect.stringMatching(/site\.billingMode/) })
  })

  it('a missing file is not-found, a folder is unreadable', async () => {
    expect(await loadSurveyFile(join(dir, 'gone.wcsurvey'))).toMatchObject({ ok: false, reason: 'not-found' })
    mkdirSync(join(dir, 'folder.wcsurvey'))
    expect(await loadSurveyFile(join(dir, 'folder.wcsurvey'))).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})

describe('atomic save', () => {
  it('round-trips: what is saved loads back equal, with no temp file left', async () => {
    const path = join(dir, 'site.wcsurvey')
    const survey = sampleSurvey()
    expect(await saveSurveyFile(path, survey)).toMatchObject({ ok: true, path })
    const loaded = await loadSurveyFile(path)
    expect(loaded.ok && loaded.survey).toEqual(surveySchema.parse(survey))
    expect(others('site.wcsurvey')).toEqual([])
  })

  it('replaces an existing file and rewrites a migrated v1 file as the current version', async () => {
    const path = copyFixture('v1-garage.wcsurvey', dir)
    const loaded = await loadSurveyFile(path)
    if (!loaded.ok) throw new Error(loaded.message)
    expect(await saveSurveyFile(path, loaded.survey)).toMatchObject({ ok: true })
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(9)
    expect(readFileSync(path, 'utf8')).toBe(serializeSurvey(loaded.survey))
  })

  it('removes temp files left by killed saves once they are stale, keeps fresh ones and others', async () => {
    const path = join(dir, 'site.wcsurvey')
    const stale = join(dir, '.site.wcsurvey.0123456789ab.tmp')
    const fresh = join(dir, '.site.wcsurvey.ba9876543210.tmp')
    const other = join(dir, '.other.wcsurvey.0123456789ab.tmp')
    for (const f of [stale, fresh, other]) writeFileSync(f, 'partial')
    const old = new Date(Date.now() - 3600_000)
    utimesSync(stale, old, old)
    utimesSync(other, old, old)
    expect(await saveSurveyFile(path, sampleSurvey())).toMatchObject({ ok: true })
    expect(readdirSync(dir).sort()).toEqual(['.other.wcsurvey.0123456789ab.tmp', '.site.wcsurvey.ba9876543210.tmp', 'site.wcsurvey'])
  })

  it('never writes a file larger than the cap (it could not be opened again): refused with a message, the last file intact', async () => {
    const path = join(dir, 'site.wcsurvey')
    expect(await saveSurveyFile(path, sampleSurvey())).toMatchObject({ ok: true })
    const before = readFileSync(path)
    // 3,600 stalls of 19,000-character notes: about 69 MB even without indentation.
    const base = sampleSurvey()
    const huge = { ...base, locations: Array.from({ length: 3600 }, (_, i) => ({ id: `l${i}`, name: `Stall ${i}`, notes: 'n'.repeat(19000), cellularNote: '', measurements: [], watches: [], placement: null, photos: [] })) }
    const outcome = await saveSurveyFile(path, huge)
    expect(outcome).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/the survey is 6\d\.\d MB, more than the 64\.0 MB a survey file may be .*Your changes are kept in the app/) })
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(others('site.wcsurvey')).toEqual([])
  })

  it('a survey whose indented form would pass the cap is saved compact, within the cap', () => {
    const base = sampleSurvey()
    const sized = (n: number): Survey => ({ ...base, locations: Array.from({ length: n }, (_, i) => ({ id: `l${i}`, name: `Stall ${i}`, notes: 'n'.repeat(19000), cellularNote: '', measurements: [], watches: [], placement: null, photos: [] })) })
    // As many stalls as fit compact (each about 19 KB; indentation adds about 100 bytes a stall).
    const one = Buffer.byteLength(JSON.stringify(sized(1)))
    const per = Buffer.byteLength(JSON.stringify(sized(2))) - one
    const near = sized(Math.floor((MAX_SURVEY_BYTES - one) / per))
    expect(Buffer.byteLength(JSON.stringify(near, null, 2))).toBeGreaterThan(MAX_SURVEY_BYTES)
    const text = serializeSurvey(near)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SURVEY_BYTES)
    expect(text).toBe(`${JSON.stringify(near)}\n`)
  })

  it('a file deleted while open is recreated by the next save (decision: nothing lost)', async () => {
    const path = join(dir, 'site.wcsurvey')
    await saveSurveyFile(path, sampleSurvey())
    rmSync(path)
    expect(await saveSurveyFile(path, sampleSurvey())).toMatchObject({ ok: true })
    expect(statSync(path).isFile()).toBe(true)
  })

  it('a folder deleted while open is reported as not-found naming the folder', async () => {
    const folder = join(dir, 'gone')
    mkdirSync(folder)
    const outcome = await saveSurveyFile(join(folder, 'site.wcsurvey'), sampleSurvey())
    rmSync(folder, { recursive: true })
    const again = await saveSurveyFile(join(folder, 'site.wcsurvey'), sampleSurvey())
    expect(outcome.ok).toBe(true)
    expect(again).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringContaining(folder) })
  })

  it('refuses to replace a file marked read-only and leaves it as it was', async () => {
    const path = copyFixture('v2-garage.wcsurvey', dir)
    chmodSync(path, 0o444)
    const before = readFileSync(path)
    const outcome = await saveSurveyFile(path, { ...sampleSurvey(), targetSsid: 'changed' })
    expect(outcome).toMatchObject({ ok: false, reason: 'read-only', message: expect.stringContaining(path) })
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(others('v2-garage.wcsurvey')).toEqual([])
  })

  /** node:fs/promises with one operation failing with `code`, after `partial` bytes for writes. */
  function failingFs(op: 'open' | 'write' | 'sync' | 'rename', code: string): SaveFs {
    const fail = (): never => {
      throw Object.assign(new Error(`${code}: injected`), { code })
    }
    return {
      stat: fsp.stat,
      rm: fsp.rm,
      rename: op === 'rename' ? async () => fail() : fsp.rename,
      open: (async (path: string, flags?: string, mode?: number) => {
        if (op === 'open' && String(flags).includes('w')) fail()
        const handle = await fsp.open(path, flags, mode)
        if (op === 'write') {
          // A real full disk writes part of the data first: do the same, then fail.
          return Object.assign(Object.create(handle) as fsp.FileHandle, {
            writeFile: async (data: string) => {
              await handle.write(data.slice(0, 50))
              fail()
            },
            close: () => handle.close()
          })
        }
        // Cast: a FileHandle whose sync fails and whose other methods are the real handle's.
        if (op === 'sync') return Object.assign(Object.create(handle) as fsp.FileHandle, { sync: async () => fail(), writeFile: (d: string) => handle.writeFile(d), close: () => handle.close() })
        return handle
      }) as SaveFs['open'] // the test double only needs the overloads the save uses
    }
  }

  const failures: ReadonlyArray<['open' | 'write' | 'sync' | 'rename', string, string]> = [
    ['open', 'EACCES', 'read-only'],
    ['open', 'EPERM', 'read-only'],
    ['open', 'EROFS', 'read-only'],
    ['write', 'ENOSPC', 'disk-full'],
    ['write', 'EDQUOT', 'disk-full'],
    ['sync', 'EIO', 'failed'],
    ['rename', 'EXDEV', 'failed'],
    ['rename', 'ENOSPC', 'disk-full']
  ]
  it.each(failures)('%s failing with %s → %s; last good file intact, temp removed', async (op, code, reason) => {
    const path = copyFixture('v2-garage.wcsurvey', dir)
    const before = readFileSync(path)
    const outcome = await saveSurveyFile(path, { ...sampleSurvey(), targetSsid: 'edited' }, failingFs(op, code))
    expect(outcome).toMatchObject({ ok: false, reason, message: expect.stringContaining(path) })
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(others('v2-garage.wcsurvey')).toEqual([])
  })
})

const noMount = cannotMount()
describe.skipIf(skipFor('unit', noMount))('real filesystems (root: tmpfs mounts)', () => {
  let mnt: string
  beforeEach(() => {
    mnt = join(dir, 'mnt')
    mkdirSync(mnt)
  })
  afterEach(() => {
    umount(mnt)
  })

  /** A survey of roughly `kb` kilobytes of JSON. */
  function bigSurvey(kb: number): Survey {
    const base = sampleSurvey()
    const count = Math.ceil(kb / 20)
    return {
      ...base,
      locations: Array.from({ length: count }, (_, i) => ({ id: `l${i}`, name: `Stall ${i}`, notes: 'n'.repeat(19000), cellularNote: '', measurements: [], watches: [], placement: null, photos: [] }))
    }
  }

  it('a full disk: the save fails as disk-full, the last good file is byte-identical, no temp left', async () => {
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt])
    const path = join(mnt, 'site.wcsurvey')
    expect(await saveSurveyFile(path, sampleSurvey())).toMatchObject({ ok: true })
    const before = readFileSync(path)
    const outcome = await saveSurveyFile(path, bigSurvey(100))
    expect(outcome).toMatchObject({ ok: false, reason: 'disk-full', message: expect.stringContaining('disk is full') })
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readdirSync(mnt)).toEqual(['site.wcsurvey'])
  })

  it('a read-only folder: loading works, saving fails as read-only, the file is byte-identical', async () => {
    mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt])
    const path = join(mnt, 'site.wcsurvey')
    writeFileSync(path, readFileSync(join(fixturesDir, 'v2-garage.wcsurvey')))
    mount(['-o', 'remount,ro', mnt])
    const before = readFileSync(path)
    expect(await loadSurveyFile(path)).toMatchObject({ ok: true })
    const outcome = await saveSurveyFile(path, { ...sampleSurvey(), targetSsid: 'edited' })
    expect(outcome).toMatchObject({ ok: false, reason: 'read-only', message: expect.stringContaining(mnt) })
    expect(readFileSync(path).equals(before)).toBe(true)
  })
})
