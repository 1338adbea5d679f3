/**
 * `wc-survey report NEW -o out.pdf --compare OLD`: the PDF carries a "Changes since <date of OLD>"
 * page, read back with pdftotext; a bad OLD is exit 2 with nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../../src/main/report/chromium'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import { skipFor } from '../../support/requires'
import { linkedPair } from '../../support/survey-pairs'
import { cli, ensureBuilt, missingTool, pdfText } from './pdf-tools'

const chromium = findChromium(process.env, process.platform, existsSync)
const skip = skipFor('browser', !chromium.ok ? `report PDF: ${chromium.message}` : missingTool('pdftotext'))

/** pdftotext may break a long line; compare on collapsed whitespace. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

describe.skipIf(skip)('wc-survey report --compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-report-compare-'))
  const oldPath = join(dir, 'harbour-first.wcsurvey')
  const newPath = join(dir, 'harbour-second.wcsurvey')
  const pdf = join(dir, 'second.pdf')
  let run: { code: number; stdout: string; stderr: string }

  beforeAll(async () => {
    ensureBuilt()
    const pair = linkedPair()
    writeFileSync(oldPath, serializeSurvey(pair.older))
    writeFileSync(newPath, serializeSurvey(pair.newer))
    run = await cli([newPath, '-o', pdf, '--compare', oldPath, '--quiet'])
  }, 300000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('adds the "Changes since" page: summary line, each change with its requirement ID, unmatched stalls', async () => {
    expect(run, run.stderr).toMatchObject({ code: 0 })
    const text = flat(await pdfText(pdf))
    // The sample (the older survey) was created on 2026-11-18.
    expect(text).toContain('Changes since 18 Nov 2026')
    expect(text).toContain('2 fixed, 1 regressed at Level P1 – stall 3: WIFI-SEC, 1 still failing')
    expect(text).toMatch(/Regressed WIFI-SEC Pass → Fail/)
    expect(text).toMatch(/Fixed WIFI-WIDTH Fail → Pass/)
    expect(text).toMatch(/Still failing WIFI-SIGNAL Fail → Fail/)
    expect(text).toContain('was Level P3 – stall 2')
    expect(text).toContain('+10 dB')
    expect(text).toContain('Only in the earlier survey: Level P2 – stall 20')
    expect(text).toContain('New in this survey: Level P1 – stall 5')
  })

  it('without --compare there is no such page', async () => {
    const plain = join(dir, 'plain.pdf')
    expect((await cli([newPath, '-o', plain, '--quiet'])).code).toBe(0)
    expect(flat(await pdfText(plain))).not.toContain('Changes since')
  })

  it('a --compare file that cannot be read: exit 2, names it, writes nothing', async () => {
    const broken = join(dir, 'broken.wcsurvey')
    writeFileSync(broken, '{"schemaVersion": 3, "site": ')
    const before = readdirSync(dir).sort()
    const out = join(dir, 'never.pdf')
    const r = await cli([newPath, '-o', out, '--compare', broken, '--quiet'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('broken.wcsurvey is damaged')
    expect(readdirSync(dir).sort()).toEqual(before)
  })
})
