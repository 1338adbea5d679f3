/**
 * The company setting (issue 16 item 7a) in `<dataDir>/settings/company.json`: round trip, no file,
 * a damaged / newer / invalid file read as the empty company with a problem naming it and kept
 * aside (never deleted), refusals on save (over-long field, a logo that is not what it says, a full
 * disk), and hostile text kept as text. Real temp folders; expectations written from the inputs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AtomicFs } from '../../../src/main/fs/atomic-write'
import { companyFile, readCompany, saveCompany } from '../../../src/main/settings/company-store'
import { EMPTY_COMPANY, type Company } from '../../../src/shared/model/company'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wc-company-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const settingsDir = (): string => join(dataDir, 'settings')

/** A real PNG of `width` × `height` (pngjs encodes it), base64. */
function pngBase64(width: number, height: number): string {
  const image = new PNG({ width, height })
  image.data.fill(0x80)
  return PNG.sync.write(image).toString('base64')
}

const HOSTILE_NAME = '<b>Acme</b> \u202Egnp.exe'

const acme: Company = {
  name: HOSTILE_NAME,
  phone: '+44 20 7946 0000',
  email: 'survey@acme.example',
  website: 'https://acme.example/"><script>alert(1)</script>',
  address: '1 Harbour Road\nLondon E14 <img src=x onerror=alert(1)>',
  logo: { mediaType: 'image/png', data: pngBase64(40, 20), widthPx: 40, heightPx: 20 }
}

function writeSettings(text: string): string {
  mkdirSync(settingsDir(), { recursive: true })
  const path = join(settingsDir(), 'company.json')
  writeFileSync(path, text)
  return path
}

describe('companyFile', () => {
  it('is <dataDir>/settings/company.json', () => {
    expect(companyFile('/data/wc')).toBe(join('/data/wc', 'settings', 'company.json'))
  })
})

describe('readCompany and saveCompany', () => {
  it('no file yet: the empty company, no problem, nothing created', async () => {
    expect(await readCompany(dataDir)).toEqual({ company: EMPTY_COMPANY, problem: null })
    expect(existsSync(settingsDir())).toBe(false)
  })

  it('round trip: saved (the settings folder created), read back equal; hostile text stays text in the file', async () => {
    expect(await saveCompany(dataDir, acme)).toEqual({ ok: true })
    expect(await readCompany(dataDir)).toEqual({ company: acme, problem: null })
    const onDisk: unknown = JSON.parse(readFileSync(companyFile(dataDir), 'utf8'))
    expect(onDisk).toEqual({ schemaVersion: 1, company: acme })
    expect(readFileSync(companyFile(dataDir), 'utf8')).toContain('"name": "<b>Acme</b> \u202Egnp.exe"')
    expect(readdirSync(settingsDir())).toEqual(['company.json'])
  })

  it('a second save replaces the first (no logo now)', async () => {
    await saveCompany(dataDir, acme)
    const plain: Company = { ...EMPTY_COMPANY, name: 'Acme Surveys Ltd' }
    expect(await saveCompany(dataDir, plain)).toEqual({ ok: true })
    expect((await readCompany(dataDir)).company).toEqual(plain)
  })

  it('a damaged file (cut short): the empty company, a problem naming the file, the file kept aside byte for byte; a save writes a new file beside it', async () => {
    const path = writeSettings('{ "schemaVersion": 1, "company": { "name": "Ac')
    const read = await readCompany(dataDir)
    expect(read.company).toEqual(EMPTY_COMPANY)
    const aside = readdirSync(settingsDir())
    expect(aside).toHaveLength(1)
    expect(aside[0]).toMatch(/^company\.damaged-\d{8}-\d{6}\.json$/)
    expect(readFileSync(join(settingsDir(), aside[0] ?? ''), 'utf8')).toBe('{ "schemaVersion": 1, "company": { "name": "Ac')
    expect(read.problem).toBe(
      `The company settings file ${path} was not used: it is damaged (not JSON). It was kept as ${aside[0]} in the same folder. Enter the company again on the Settings page and save it.`
    )

    expect(await saveCompany(dataDir, acme)).toEqual({ ok: true })
    expect(readdirSync(settingsDir()).sort()).toEqual([aside[0], 'company.json'].sort())
    expect(await readCompany(dataDir)).toEqual({ company: acme, problem: null })
  })

  it('a file written by a newer version: said so, kept aside as company.newer-…json', async () => {
    const path = writeSettings(JSON.stringify({ schemaVersion: 2, company: { name: 'Acme', brandColour: '#c00' } }))
    const read = await readCompany(dataDir)
    expect(read.company).toEqual(EMPTY_COMPANY)
    const aside = readdirSync(settingsDir())
    expect(aside[0]).toMatch(/^company\.newer-\d{8}-\d{6}\.json$/)
    expect(read.problem).toBe(
      `The company settings file ${path} was not used: it was written by a newer version of WC Site Survey (settings version 2; this one reads 1). It was kept as ${aside[0]} in the same folder. Enter the company again on the Settings page and save it.`
    )
  })

  it('a file with a 201-character name (hand-edited): not used, the field and both lengths said, kept aside', async () => {
    const path = writeSettings(JSON.stringify({ schemaVersion: 1, company: { ...EMPTY_COMPANY, name: 'A'.repeat(201) } }))
    const read = await readCompany(dataDir)
    expect(read.company).toEqual(EMPTY_COMPANY)
    expect(read.problem).toContain(`The company settings file ${path} was not used: it is not valid company settings (Company name is 201 characters; it may have up to 200 characters).`)
    expect(readdirSync(settingsDir())[0]).toMatch(/^company\.damaged-/)
  })

  it('JSON that is not company settings (no schemaVersion, an array): not used, kept aside', async () => {
    writeSettings('[1, 2, 3]')
    const read = await readCompany(dataDir)
    expect(read.company).toEqual(EMPTY_COMPANY)
    expect(read.problem).toMatch(/was not used: it is not valid company settings \(/)
    expect(readdirSync(settingsDir())[0]).toMatch(/^company\.damaged-/)
  })

  it('a stored logo whose bytes are a GIF labelled PNG: not used (a hand-edited file cannot slip other bytes into the report)', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')
    writeSettings(JSON.stringify({ schemaVersion: 1, company: { ...acme, logo: { mediaType: 'image/png', data: gif, widthPx: 1, heightPx: 1 } } }))
    const read = await readCompany(dataDir)
    expect(read.company).toEqual(EMPTY_COMPANY)
    expect(read.problem).toContain('was not used: its logo is not a usable image (it is a GIF image; save it as PNG).')
  })

  it('a stored logo that lies about its size: not used', async () => {
    writeSettings(JSON.stringify({ schemaVersion: 1, company: { ...acme, logo: { ...acme.logo, widthPx: 400 } } }))
    expect((await readCompany(dataDir)).problem).toContain('its logo is not a usable image (it says 400 × 20 px but its image is 40 × 20 px)')
  })

  it('company.json is a folder: a problem naming it, nothing moved', async () => {
    mkdirSync(join(settingsDir(), 'company.json'), { recursive: true })
    const read = await readCompany(dataDir)
    expect(read).toEqual({
      company: EMPTY_COMPANY,
      problem: `The company settings could not be read: ${companyFile(dataDir)} is not a file. Move it away, then save the company again on the Settings page.`
    })
    expect(readdirSync(settingsDir())).toEqual(['company.json'])
  })

  it('saving a 201-character name is refused naming the field; nothing is written', async () => {
    const outcome = await saveCompany(dataDir, { ...EMPTY_COMPANY, name: 'A'.repeat(201) })
    expect(outcome).toEqual({ ok: false, reason: 'The company was not saved: Company name is 201 characters; it may have up to 200 characters.' })
    expect(existsSync(settingsDir())).toBe(false)
  })

  it('saving a 61-character phone is refused naming the field', async () => {
    expect(await saveCompany(dataDir, { ...EMPTY_COMPANY, phone: '1'.repeat(61) })).toEqual({
      ok: false,
      reason: 'The company was not saved: Phone is 61 characters; it may have up to 60 characters.'
    })
  })

  it('saving a logo that is not what it says is refused; the saved company stays', async () => {
    await saveCompany(dataDir, { ...EMPTY_COMPANY, name: 'Kept' })
    const outcome = await saveCompany(dataDir, { ...acme, logo: { mediaType: 'image/jpeg', data: acme.logo?.data ?? '', widthPx: 40, heightPx: 20 } })
    expect(outcome).toEqual({ ok: false, reason: 'The company was not saved: the logo is not a usable image (its data is image/png, not image/jpeg). Choose the logo file again.' })
    expect((await readCompany(dataDir)).company.name).toBe('Kept')
  })

  it('a full disk is a reason, not a throw; the last saved settings stay', async () => {
    await saveCompany(dataDir, { ...EMPTY_COMPANY, name: 'Kept' })
    const full: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags?: string, mode?: number) => {
        const handle = await fsp.open(path, flags, mode)
        if (flags !== 'wx') return handle
        // Cast: the real handle with writeFile/close replaced; nothing else of it is used by the write.
        return Object.assign(Object.create(handle) as fsp.FileHandle, {
          writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' })),
          close: () => handle.close()
        })
      }) as AtomicFs['open'] // the real open; the temp file's write fails as on a full disk
    }
    const outcome = await saveCompany(dataDir, acme, { fs: full })
    expect(outcome).toEqual({
      ok: false,
      reason: `The company was not saved: the disk holding ${settingsDir()} is full (ENOSPC). Free some space and save again; the last saved settings are intact.`
    })
    expect((await readCompany(dataDir)).company.name).toBe('Kept')
    expect(readdirSync(settingsDir())).toEqual(['company.json'])
  })

  it('"settings" is a file, not a folder: a save is a reason, not a throw', async () => {
    writeFileSync(settingsDir(), 'in the way')
    const outcome = await saveCompany(dataDir, acme)
    expect(outcome.ok).toBe(false)
    expect(outcome.ok ? '' : outcome.reason).toMatch(/^The company was not saved: .* is in the way \((EEXIST|ENOTDIR); something that is not a folder, or a folder named like the file\)\. Move it away and save again\.$/)
  })
})
