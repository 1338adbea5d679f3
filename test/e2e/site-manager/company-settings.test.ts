/**
 * The surveying company as a setting (issue 16 item 7a) through the real UI in browser mode: a
 * hostile name (markup and a right-to-left override) and a real PNG logo saved on the Settings
 * page, kept across a reload and shown as text (the override visible as [U+202E], no element made
 * of the markup); a GIF logo refused by name; the settings file on disk valid JSON with the values;
 * a damaged settings file said on the page and replaced by the next save, the damaged one kept.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from '../support/app'

const skip = skipBrowserTier()
/** Set to a folder to keep the screenshot (Settings page, 1366 × 768) for a look. */
const SHOTS = process.env.WC_E2E_SHOTS

const HOSTILE = '<b>Acme</b> \u202Egnp.exe'

/** The decoded size of an <img> (the test is typed for Node, the callback runs in the page). */
const natural = (img: unknown): number[] => {
  const { naturalWidth, naturalHeight } = img as { naturalWidth: number; naturalHeight: number } // an HTMLImageElement in the page
  return [naturalWidth, naturalHeight]
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { name: 'Surveying company' }).waitFor()
}

describe.skipIf(skip)('browser mode: the company on the Settings page', () => {
  const app = useBrowserApp()
  const dir = mkdtempSync(join(tmpdir(), 'wc-company-e2e-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const settingsFile = (): string => join(app.server.dataDir, 'settings', 'company.json')

  it('hostile name + PNG logo saved, kept across a reload as text; a GIF refused by name; the file on disk', { timeout: 180000 }, async () => {
    const png = new PNG({ width: 120, height: 40 })
    png.data.fill(0x40)
    const logo = join(dir, 'acme-logo.png')
    writeFileSync(logo, PNG.sync.write(png))
    const gif = join(dir, 'anim.gif')
    writeFileSync(gif, Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1'))

    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSettings(page)
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Settings'])
    await page.getByText('Appears on every report exported from this computer').waitFor()

    await page.getByLabel('Company name').fill(HOSTILE)
    await page.getByText('Contains hidden characters; reports show it as <b>Acme</b> [U+202E]gnp.exe').waitFor()
    await page.getByLabel('Phone').fill('+44 20 7946 0000')
    await page.getByLabel('Email').fill('survey@acme.example')
    await page.getByLabel('Website').fill('https://acme.example')
    await page.getByLabel('Address').fill('1 Harbour Road\nLondon E14')

    await page.getByLabel('Choose logo…').setInputFiles(gif)
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContain('anim.gif cannot be the company logo: it is a GIF image; save it as PNG. A logo is PNG or JPEG, up to 1 MB and 4,096 px on the longest side.')

    await page.getByLabel('Choose logo…').setInputFiles(logo)
    await page.getByText('acme-logo.png: 120 × 40 px. Save to keep it.').waitFor()
    const preview = page.getByRole('img', { name: 'Logo of <b>Acme</b> [U+202E]gnp.exe' })
    await expect.poll(() => preview.evaluate(natural)).toEqual([120, 40])

    await page.getByRole('button', { name: 'Save company' }).click()
    await page.getByText(`Saved in ${settingsFile()}. Every report exported from now on shows it.`).waitFor()
    if (SHOTS !== undefined) {
      await page.evaluate('document.getElementById("main").scrollTop = 0') // the content pane scrolls, not the window
      await page.screenshot({ path: join(SHOTS, 'settings-company.png') })
    }

    // The file main wrote: JSON with the values as typed, the logo the PNG's bytes.
    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8')) as { schemaVersion: number; company: Record<string, unknown> } // the file main wrote; fields compared below
    expect(onDisk).toEqual({
      schemaVersion: 1,
      company: {
        name: HOSTILE,
        phone: '+44 20 7946 0000',
        email: 'survey@acme.example',
        website: 'https://acme.example',
        address: '1 Harbour Road\nLondon E14',
        logo: { mediaType: 'image/png', data: PNG.sync.write(png).toString('base64'), widthPx: 120, heightPx: 40 }
      }
    })

    await page.reload()
    await openSettings(page)
    await expect.poll(() => page.getByLabel('Company name').inputValue()).toBe(HOSTILE)
    expect(await page.getByLabel('Address').inputValue()).toBe('1 Harbour Road\nLondon E14')
    // Shown as text: the override visible, the markup as characters, no element made of it.
    expect(await page.locator('.settings-preview-name').textContent()).toBe('<b>Acme</b> [U+202E]gnp.exe')
    expect(await page.locator('.settings-page b').count()).toBe(0)
    expect(await page.locator('.settings-preview').innerText()).not.toContain('\u202E')
    await expect.poll(() => page.getByRole('img', { name: 'Logo of <b>Acme</b> [U+202E]gnp.exe' }).evaluate(natural)).toEqual([120, 40])
    expect(await page.getByRole('button', { name: 'Save company' }).isDisabled()).toBe(true)

    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('a damaged settings file: the page names it, the next save writes a new one and the damaged one stays', { timeout: 120000 }, async () => {
    writeFileSync(settingsFile(), '{"schemaVersion": 1, "company": {"name": "Acm')
    const { page, errors } = await app.open({ width: 1366, height: 768 })
    await openSettings(page)
    await page.getByText(`The company settings file ${settingsFile()} was not used: it is damaged (not JSON).`, { exact: false }).waitFor()
    const aside = readdirSync(join(app.server.dataDir, 'settings')).filter((f) => f.startsWith('company.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await page.getByLabel('Company name').inputValue()).toBe('')

    await page.getByLabel('Company name').fill('Harbour Surveys')
    await page.getByRole('button', { name: 'Save company' }).click()
    await page.getByText('Every report exported from now on shows it.', { exact: false }).waitFor()
    expect(await page.getByText('The saved company settings could not be used').count()).toBe(0)
    expect((JSON.parse(readFileSync(settingsFile(), 'utf8')) as { company: { name: string } }).company.name).toBe('Harbour Surveys') // the file main wrote
    expect(readFileSync(join(app.server.dataDir, 'settings', aside[0] ?? ''), 'utf8')).toBe('{"schemaVersion": 1, "company": {"name": "Acm')
    expect(errors).toEqual([])
  })
})
