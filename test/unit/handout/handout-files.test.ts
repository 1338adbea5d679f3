/**
 * Saving the IT handout (NET-DOMAINS): one format where main decides (here: browser mode's
 * exports folder, no dialog), every format beside an exported PDF, and failures that say what
 * was saved. The renderer sends no path and no text: main generates both.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { requestArgs } from '../../../src/shared/contract'
import { surveySchema } from '../../../src/shared/model/survey'
import { saveHandout, saveHandoutBeside, withHandoutFiles } from '../../../src/main/report/handout-files'
import type { ExportContext } from '../../../src/main/report/export-report'

const sample = surveySchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/report/report-sample.wcsurvey'), 'utf8')))
const dir = mkdtempSync(join(tmpdir(), 'wc-handout-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function context(folder: string): ExportContext {
  return { rendererDir: dir, env: {}, platform: 'linux', exportsFolder: folder, desktop: null, progress: () => undefined }
}

describe('saveHandout (one format, destination chosen by main)', () => {
  it('writes the nftables file into the exports folder, named after the site and date', async () => {
    const folder = join(dir, 'exports')
    const outcome = await saveHandout({ survey: sample, format: 'nftables', chargersInterface: 'vlan20' }, context(folder))
    expect(outcome).toEqual({ ok: true, path: join(folder, 'Harbour-Point-Garage-2026-11-18-firewall.nft'), download: null })
    const text = readFileSync(join(folder, 'Harbour-Point-Garage-2026-11-18-firewall.nft'), 'utf8')
    expect(text).toContain('define CHARGERS_IF = "vlan20"')
    expect(text).toContain('#   UDP 123 to pool.ntp.org (NET-NTP, NET-DOMAINS)')
  })

  it('without a survey: the whole list, under a neutral name', async () => {
    const folder = join(dir, 'plain')
    const outcome = await saveHandout({ survey: null, format: 'dnsmasq', chargersInterface: 'br-chargers' }, context(folder))
    expect(outcome).toEqual({ ok: true, path: join(folder, 'wall-connector-dnsmasq.conf'), download: null })
  })

  it('in Electron, the save dialog decides, with the extension enforced; cancelling saves nothing', async () => {
    const asked: [string, unknown][] = []
    const ctx: ExportContext = {
      ...context(join(dir, 'never')),
      desktop: {
        pickOpenPath: async () => null,
        pickSavePath: async (name, filter) => {
          asked.push([name, filter])
          return null
        }
      }
    }
    const outcome = await saveHandout({ survey: sample, format: 'csv', chargersInterface: 'br-chargers' }, ctx)
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' })
    expect(asked).toEqual([['Harbour-Point-Garage-2026-11-18-it-handout.csv', { name: 'CSV file', extensions: ['csv'] }]])
    expect(() => readdirSync(join(dir, 'never'))).toThrow()
    const renamed = await saveHandout(
      { survey: sample, format: 'nftables', chargersInterface: 'br-chargers' },
      { ...ctx, desktop: { pickOpenPath: async () => null, pickSavePath: async () => join(dir, 'rules.sh') } }
    )
    expect(renamed).toMatchObject({ ok: false, reason: 'not-allowed' })
  })

  it('the request schema refuses an interface name that could break the ruleset, and any path', () => {
    const ok = requestArgs['handout:save'].safeParse([{ survey: null, format: 'nftables', chargersInterface: 'br0' }])
    expect(ok.success).toBe(true)
    expect(requestArgs['handout:save'].safeParse([{ survey: null, format: 'nftables', chargersInterface: 'br0"; flush ruleset' }]).success).toBe(false)
    expect(requestArgs['handout:save'].safeParse([{ survey: null, format: 'pf', chargersInterface: 'br0' }]).success).toBe(false)
    // A path (or any other key) is refused outright: the renderer cannot name a destination.
    expect(requestArgs['handout:save'].safeParse([{ survey: null, format: 'csv', chargersInterface: 'br0', path: '/etc/passwd' }]).success).toBe(false)
  })
})

describe('saveHandoutBeside (every format beside the PDF)', () => {
  it('writes five files named after the PDF', async () => {
    const folder = join(dir, 'beside')
    mkdirSync(folder)
    const { files, error } = await saveHandoutBeside(join(folder, 'garage.pdf'), sample)
    expect(error).toBeNull()
    expect(files).toEqual(['garage-it-handout.txt', 'garage-it-handout.csv', 'garage-it-handout.json', 'garage-firewall.nft', 'garage-dnsmasq.conf'].map((f) => join(folder, f)))
    expect(readdirSync(folder).sort()).toEqual(['garage-dnsmasq.conf', 'garage-firewall.nft', 'garage-it-handout.csv', 'garage-it-handout.json', 'garage-it-handout.txt'])
    expect(readFileSync(join(folder, 'garage-it-handout.txt'), 'utf8')).toContain('Rules to add (the survey saw them fail):')
  })

  it('a file that cannot be written: the PDF outcome stays ok, lists what was saved and says what was not', async () => {
    const folder = join(dir, 'blocked')
    // A folder where the nftables file should go: the rename onto it fails (as root too).
    mkdirSync(join(folder, 'garage-firewall.nft'), { recursive: true })
    const outcome = await withHandoutFiles({ ok: true, path: join(folder, 'garage.pdf'), download: null }, sample)
    expect(outcome).toMatchObject({ ok: true, path: join(folder, 'garage.pdf'), files: ['garage-it-handout.txt', 'garage-it-handout.csv', 'garage-it-handout.json'].map((f) => join(folder, f)) })
    expect(outcome.ok && outcome.filesError).toMatch(/^The PDF was saved, but not every IT handout file: .*garage-firewall\.nft/)
    // No temporary file is left behind.
    expect(readdirSync(folder).sort()).toEqual(['garage-firewall.nft', 'garage-it-handout.csv', 'garage-it-handout.json', 'garage-it-handout.txt'])
  })

  it('a failed PDF export writes no handout file', async () => {
    const outcome = await withHandoutFiles({ ok: false, reason: 'failed', message: 'no' }, sample)
    expect(outcome).toEqual({ ok: false, reason: 'failed', message: 'no' })
  })
})
