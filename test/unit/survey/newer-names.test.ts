/**
 * Files a newer build cannot break (issue 17 item 4): a survey carrying a requirement ID and a scan
 * source this build does not know opens, is judged, checked and saved, and says "unknown (written by
 * a newer version)" for them — never "damaged", never a pass.
 *
 * The fixture (test/fixtures/surveys/v6-garage-newer-names.wcsurvey, see its README) carries a
 * stored WIFI-ROAM finding (the newer build recorded Fail) and a NET-OCPP probe check at Level P1 –
 * stall 3, and one observation there from the scanner "corewlan". Expectations are written from
 * that content by hand. Were the schema a closed list again, none of these would load.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run as check, type CheckIo } from '../../../src/cli/commands/check'
import { loadSurveyFile, saveSurveyFile } from '../../../src/main/survey/survey-file'
import { findingSchema, requirementIdForDisplay } from '../../../src/shared/model/finding'
import { knownName, nameForDisplay, WRITTEN_BY_NEWER } from '../../../src/shared/model/newer-names'
import { observationSchema, scanSourceForDisplay } from '../../../src/shared/model/observation'
import type { Survey } from '../../../src/shared/model/survey'
import { judgeSurvey, PROFILE } from '../../../src/shared/requirements'
import { buildReportModel } from '../../../src/renderer/src/report/report-model'
import { requirementTitle } from '../../../src/shared/requirements/profile'
import { copyFixture, tempDir } from './helpers'

const FIXTURE = 'v6-garage-newer-names.wcsurvey'

let dir: string
beforeEach(() => {
  dir = tempDir('wc-newer-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function load(path: string): Promise<Survey> {
  const outcome = await loadSurveyFile(path)
  if (!outcome.ok) throw new Error(`expected the fixture to open, got ${outcome.reason}: ${outcome.message}`)
  return outcome.survey
}

describe('the one narrowing helper', () => {
  it('knows its own names and no others', () => {
    expect(knownName(['iw', 'nmcli'], 'nmcli')).toBe('nmcli')
    expect(knownName(['iw', 'nmcli'], 'corewlan')).toBeNull()
    expect(knownName(['iw'], 'IW')).toBeNull() // exact: no case folding
    expect(nameForDisplay(['iw'], 'iw')).toBe('iw')
    expect(nameForDisplay(['iw'], 'corewlan')).toBe('corewlan: unknown (written by a newer version)')
    expect(WRITTEN_BY_NEWER).toBe('unknown (written by a newer version)')
  })

  it('requirement IDs and scan sources are narrowed against this build\'s lists', () => {
    expect(requirementIdForDisplay('WIFI-SEC')).toBe('WIFI-SEC')
    expect(requirementIdForDisplay('WIFI-ROAM')).toBe('WIFI-ROAM: unknown (written by a newer version)')
    expect(scanSourceForDisplay('iwlist')).toBe('iwlist')
    expect(scanSourceForDisplay('corewlan')).toBe('corewlan: unknown (written by a newer version)')
  })
})

describe('the file schema stores the names as strings', () => {
  const finding = { requirement: 'WIFI-ROAM', result: 'fail', evidence: '', bssids: [], explanation: '', remediation: '' }

  it('accepts an ID and a source this build does not know', () => {
    expect(findingSchema.safeParse(finding).success).toBe(true)
    const obs = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'surveys', FIXTURE), 'utf8')).locations[0].measurements[1].observations[0]
    expect(observationSchema.parse(obs).source).toBe('corewlan')
  })

  it('still refuses what no build writes: an empty or an over-long name, a number', () => {
    expect(findingSchema.safeParse({ ...finding, requirement: '' }).success).toBe(false)
    expect(findingSchema.safeParse({ ...finding, requirement: 'X'.repeat(65) }).success).toBe(false)
    expect(findingSchema.safeParse({ ...finding, requirement: 7 }).success).toBe(false)
  })
})

describe('a survey written by a newer build', () => {
  it('is judged: the unknown requirements are unknown (never dropped, never a pass) and the location is incomplete', async () => {
    const survey = await load(copyFixture(FIXTURE, dir))
    const j = judgeSurvey(PROFILE, survey)
    const [p1, p2] = j.locations
    expect(p1?.verdict).toEqual({
      verdict: 'incomplete',
      reason: 'Unknown: WIFI-ROAM, NET-OCPP unknown (written by a newer version) — open the survey in that version.'
    })
    const roam = p1?.findings?.find((f) => f.requirement === 'WIFI-ROAM')
    expect(roam).toMatchObject({
      result: 'unknown',
      evidence: 'the newer version recorded Fail: 2 BSS of HarbourPoint-EV without 802.11r fast transition',
      explanation: 'WIFI-ROAM is unknown (written by a newer version): this version of WC Site Survey does not know the requirement, so it cannot judge it.'
    })
    // The probe run counts at the stall it was taken at (P1, issue 16 item 4): so does its unknown check.
    expect(p1?.findings?.find((f) => f.requirement === 'NET-OCPP')).toMatchObject({
      result: 'unknown',
      evidence: '1 check(s) of the connectivity run belong to it: TLS ocpp.tesla.services pass'
    })
    expect(p2?.networkProbe).toBeNull()
    expect(p2?.findings?.find((f) => f.requirement === 'NET-OCPP')).toBeUndefined()
    // Everything this build knows is judged as before: P1 passes all of it, P2 fails WIFI-WIDTH.
    expect(p1?.findings?.filter((f) => f.result !== 'pass').map((f) => f.requirement)).toEqual(['WIFI-ROAM', 'NET-OCPP'])
    expect(p2?.verdict.verdict).toBe('not-ready')
    expect(j.verdict).toBe('not-ready')
  })

  it('a finding only a newer version knows, alone, never lets a location pass', async () => {
    const survey = await load(copyFixture(FIXTURE, dir))
    // Only Level P1 – stall 3 with its probe-less latest measurement: everything known passes there.
    const p1 = survey.locations[0]
    if (p1 === undefined) throw new Error('fixture has Level P1 – stall 3')
    const only = { ...survey, locations: [{ ...p1, measurements: p1.measurements.map((m) => ({ ...m, probe: m.probe?.context.ssid === 'HarbourPoint-EV' ? { ...m.probe, results: m.probe.results.filter((r) => r.requirement !== 'NET-OCPP') } : m.probe })) }] }
    const j = judgeSurvey(PROFILE, only)
    expect(j.locations[0]?.findings?.filter((f) => f.result !== 'pass').map((f) => [f.requirement, f.result])).toEqual([['WIFI-ROAM', 'unknown']])
    expect(j.verdict).toBe('incomplete')
  })

  it('saves and loads back with every unknown name kept (nothing lost)', async () => {
    const path = copyFixture(FIXTURE, dir)
    const survey = await load(path)
    expect(await saveSurveyFile(path, { ...survey, targetSsid: 'HarbourPoint-EV' })).toMatchObject({ ok: true })
    const again = await load(path)
    expect(again.locations[0]?.measurements[1]?.findings.map((f) => f.requirement)).toContain('WIFI-ROAM')
    expect(again.locations[0]?.measurements[0]?.probe?.results.map((r) => r.requirement)).toContain('NET-OCPP')
    expect(again.locations[0]?.measurements[1]?.observations[0]?.source).toBe('corewlan')
  })

  it('the report names them "unknown (written by a newer version)", for the site manager to follow up', async () => {
    const survey = await load(copyFixture(FIXTURE, dir))
    expect(requirementTitle('WIFI-ROAM')).toBe('unknown (written by a newer version)')
    expect(requirementTitle('WIFI-SEC')).toBe(PROFILE.requirements.find((r) => r.id === 'WIFI-SEC')?.title)
    const { checklist } = buildReportModel(survey)
    expect(checklist.site.map((i) => i.requirement)).toEqual(expect.arrayContaining(['WIFI-ROAM', 'NET-OCPP']))
    expect(checklist.accessPoint.map((i) => i.requirement)).not.toContain('WIFI-ROAM')
  })
})

describe('wc-survey check on a survey written by a newer build', () => {
  async function runCheck(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = ''
    let err = ''
    const io: CheckIo = { out: (t) => (out += t), err: (t) => (err += t), color: false }
    return { code: await check(args, io), out, err }
  }

  it('judges it (exit 1: P2 fails WIFI-WIDTH), says unknown (written by a newer version), never damaged', async () => {
    const { code, out, err } = await runCheck([copyFixture(FIXTURE, dir)])
    expect(err).toBe('')
    expect(code).toBe(1)
    expect(out).toMatch(/UNKNOWN WIFI-ROAM +WIFI-ROAM is unknown \(written by a newer version\)/)
    expect(out).toMatch(/UNKNOWN NET-OCPP +NET-OCPP is unknown \(written by a newer version\)/)
    expect(out).toMatch(/Level P1 – stall 3 \(measured [^)]+\)\): INCOMPLETE — Unknown: WIFI-ROAM, NET-OCPP unknown \(written by a newer version\)/)
    expect(out).not.toMatch(/damaged|corrupt/i)
  })

  it('--json: the unknown requirement is an unknown finding of its location', async () => {
    const { code, out } = await runCheck([copyFixture(FIXTURE, dir), '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(out)
    expect(report.locations.map((l: { verdict: string }) => l.verdict)).toEqual(['incomplete', 'not-ready'])
    expect(report.locations[0].findings.find((f: { requirement: string }) => f.requirement === 'WIFI-ROAM').result).toBe('unknown')
  })
})
