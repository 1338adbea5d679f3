/**
 * `wc-survey compare OLD NEW [--json]` on the sample pairs: exit codes 0/1/2, the exact JSON keys,
 * and bad input named by file with nothing written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/commands/compare'
import type { CheckIo } from '../../../src/cli/commands/check'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import type { Survey } from '../../../src/shared/model/survey'
import { linkedPair, unlinkedPair } from '../../support/survey-pairs'

const dir = mkdtempSync(join(tmpdir(), 'wc-compare-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function save(name: string, survey: Survey): string {
  const path = join(dir, name)
  writeFileSync(path, serializeSurvey(survey))
  return path
}

async function compare(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CheckIo = { out: (t) => (out += t), err: (t) => (err += t), color: false }
  const code = await run(args, io)
  return { code, out, err }
}

const linked = linkedPair()
const oldPath = save('harbour-2026-11-18.wcsurvey', linked.older)
const newPath = save('harbour-2026-12-01.wcsurvey', linked.newer)
const brokenPath = join(dir, 'broken.wcsurvey')
writeFileSync(brokenPath, '{"schemaVersion": 3, "site": ')

describe('wc-survey compare', () => {
  it('exits 1 when something regressed (TKIP at P1 stall 3), with the JSON of issue 12', async () => {
    const { code, out, err } = await compare([oldPath, newPath, '--json'])
    expect(err).toBe('')
    expect(code).toBe(1)
    // Cast: the CLI's JSON report is an object; its keys are asserted next.
    const report = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(['old', 'new', 'locations', 'unmatched', 'summary'])
    expect(report.old).toEqual({ path: oldPath, verdict: 'not-ready' })
    expect(report.new).toEqual({ path: newPath, verdict: 'not-ready' })
    expect(report.unmatched).toEqual({ old: ['Level P2 – stall 20'], new: ['Level P1 – stall 5'] })
    expect(report.summary).toEqual({ fixed: 2, regressed: 1, stillFailing: 1 })
    // Cast: the report's locations are objects (their keys are asserted next).
    const locations = report.locations as Record<string, unknown>[]
    expect(locations.map((l) => Object.keys(l))).toEqual(Array(4).fill(['name', 'matchedBy', 'verdict', 'signalDeltaDb', 'changes']))
    const stall14 = locations[1]
    expect(stall14).toMatchObject({ name: 'Level P2 – stall 14', matchedBy: 'identity', verdict: { old: 'not-ready', new: 'ready-with-warnings' }, signalDeltaDb: 10 })
    // Casts: changes is a list of objects with a requirement (the expectation checks the whole item).
    expect((stall14?.changes as unknown[]).find((c) => (c as { requirement: string }).requirement === 'WIFI-WIDTH')).toEqual({
      requirement: 'WIFI-WIDTH',
      old: 'fail',
      new: 'pass',
      kind: 'fixed'
    })
    expect(locations[3]).toEqual({ name: 'Level P3 – stall 7', matchedBy: 'identity', verdict: { old: 'incomplete', new: 'incomplete' }, signalDeltaDb: null, changes: [] })
  })

  it('the pair the other way round regresses too (width and signal at P2 stall 14): exit 1', async () => {
    const { code, out } = await compare([newPath, oldPath])
    expect(code).toBe(1)
    expect(out).toContain('1 fixed, 2 regressed at Level P2 – stall 14: WIFI-WIDTH, WIFI-SIGNAL, 1 still failing')
  })

  it('a survey against itself: nothing regressed, exit 0', async () => {
    const same = await compare([oldPath, oldPath])
    expect(same.code).toBe(0)
    // WIFI-WIDTH fails at P2 stall 14, WIFI-SIGNAL at P3 stall 2, WIFI-WIDTH unknown at P2 stall 20.
    expect(same.out).toContain('0 fixed, 0 regressed, 3 still failing')
  })

  it('exits 0 for a pair with fixes only', async () => {
    const { older, newer } = unlinkedPair()
    // Take back the TKIP change: P1 stall 3 measured as on the first visit.
    const stall3 = older.locations.find((l) => l.id === 'loc-p1-stall-3')
    const fixesOnly = { ...newer, locations: newer.locations.map((l) => (l.name === 'Level P1 – stall 3' && stall3 ? { ...stall3, id: l.id } : l)) }
    const a = save('fixes-old.wcsurvey', older)
    const b = save('fixes-new.wcsurvey', fixesOnly)
    const { code, out } = await compare([a, b])
    expect(code).toBe(0)
    expect(out).toContain('2 fixed, 0 regressed, 1 still failing')
    expect(out).toContain('Level P2 – stall 20: incomplete → ready-with-warnings')
    expect(out).toContain('Only in the new survey: Level P1 – stall 5')
  })

  it('text report: summary line, renamed stall, signal change, unmatched lists', async () => {
    const { code, out } = await compare([oldPath, newPath])
    expect(code).toBe(1)
    expect(out).toContain('2 fixed, 1 regressed at Level P1 – stall 3: WIFI-SEC, 1 still failing')
    expect(out).toContain('P3 ramp – bay 2 (was Level P3 – stall 2): not-ready → not-ready, signal 0 dB')
    expect(out).toContain('Level P2 – stall 14: not-ready → ready-with-warnings, signal +10 dB')
    expect(out).toMatch(/▼ Regressed\s+WIFI-SEC\s+pass → fail/)
    expect(out).toContain('Only in the old survey: Level P2 – stall 20')
  })

  it.each([
    ['a missing file', () => [oldPath, join(dir, 'missing.wcsurvey')], /missing\.wcsurvey/],
    ['a corrupt file', () => [brokenPath, newPath], /broken\.wcsurvey is damaged/],
    ['one file only', () => [oldPath], /give exactly two survey files/],
    ['three files', () => [oldPath, newPath, oldPath], /give exactly two survey files/],
    ['an unknown option', () => [oldPath, newPath, '--frobnicate'], /frobnicate/]
  ])('exits 2 for %s, naming it, and writes nothing', async (_name, args, message) => {
    const before = listing()
    const { code, out, err } = await compare(args())
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(message)
    expect(listing()).toEqual(before)
  })

  it('leaves both files byte-identical', async () => {
    const a = readFileSync(oldPath)
    const b = readFileSync(newPath)
    await compare([oldPath, newPath, '--json'])
    expect(readFileSync(oldPath).equals(a)).toBe(true)
    expect(readFileSync(newPath).equals(b)).toBe(true)
  })
})

function listing(): { name: string; bytes: string }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name), 'utf8') }))
}
