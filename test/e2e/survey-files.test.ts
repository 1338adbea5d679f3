/**
 * Browser mode end to end (issue 2 item 8): the real renderer against the real Node services.
 * Create a survey, add two locations, reload: everything is still there and on disk. Open a
 * corrupt file: the message names it and the file is byte-identical afterwards; a file that is
 * not a survey (a renamed PNG, another program's JSON) is said to be not a survey, not damaged.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from './support/app'
import type { WatchedPage } from './support/browser'
import { eventually } from './support/eventually'
import { PROJECT_ROOT } from './support/server'

const skip = skipBrowserTier()

describe.skipIf(skip)('browser mode: survey files', () => {
  const app = useBrowserApp()
  const pages: WatchedPage[] = []

  it('creates a survey, adds two locations, and after a reload both are still there and on disk', async () => {
    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()

    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill('Harbour Point garage')
    await page.getByLabel('Target network (SSID)').fill('Garage-IoT')
    await page.getByLabel('Billed').check()
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    // Main wrote the new file on Create: the header says Saved, never "No changes yet" (issue 16 item 11), and the file is there.
    await page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ }).waitFor()
    await expect(page.getByText('No changes yet').count()).resolves.toBe(0)
    expect(readdirSync(app.server.surveysDir).filter((f) => f.endsWith('.wcsurvey'))).toHaveLength(1)

    for (const name of ['Level P2 – stall 14', 'Level P2 – stall 15']) {
      await page.getByLabel('New location name').fill(name)
      await page.getByRole('button', { name: 'Add location' }).click()
      await page.getByRole('heading', { name, level: 2 }).waitFor()
    }

    const file = await eventually(
      () => readdirSync(app.server.surveysDir).filter((f) => f.endsWith('.wcsurvey')),
      (files) => files.length === 1
    )
    const path = join(app.server.surveysDir, file[0]!)
    const onDisk = await eventually(
      // Cast: the file the app just saved; the test reads only these fields.
      () => JSON.parse(readFileSync(path, 'utf8')) as { site: { name: string; billingMode: string }; targetSsid: string; locations: { name: string }[] },
      (s) => s.locations.length === 2
    )
    expect(onDisk.site).toMatchObject({ name: 'Harbour Point garage', billingMode: 'billed' })
    expect(onDisk.targetSsid).toBe('Garage-IoT')
    expect(onDisk.locations.map((l) => l.name)).toEqual(['Level P2 – stall 14', 'Level P2 – stall 15'])
    await page.getByText(/^Saved \d\d:\d\d:\d\d$/).waitFor()

    await page.reload()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    const list = page.getByRole('region', { name: 'Locations' })
    await expect(list.getByText('Level P2 – stall 14').count()).resolves.toBe(1)
    await expect(list.getByText('Level P2 – stall 15').count()).resolves.toBe(1)
    await expect(page.getByLabel('Site name').inputValue()).resolves.toBe('Harbour Point garage')

    // And the library lists it with its two locations.
    await page.getByRole('button', { name: 'Library' }).click()
    const row = page.getByRole('row', { name: /Harbour Point garage/ })
    await row.waitFor()
    await expect(row.getByRole('cell', { name: '2', exact: true }).count()).resolves.toBe(1)
  })

  it('opening a corrupt file shows a message naming it, and leaves the file byte-identical', async () => {
    const folder = join(app.server.dataDir, 'elsewhere')
    mkdirSync(folder, { recursive: true })
    const bad = join(folder, 'damaged-site.wcsurvey')
    // A survey cut off mid-write by another tool: not JSON any more.
    const bytes = Buffer.from('{"schemaVersion":2,"id":"x","site":{"name":"Damaged', 'utf8')
    writeFileSync(bad, bytes)
    const before = statSync(bad)

    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await page.getByLabel('Open a file').fill(bad)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    expect(text).toContain('Could not open damaged-site.wcsurvey')
    expect(text).toContain('damaged-site.wcsurvey')
    await expect(page.getByRole('heading', { name: 'Survey library' }).count()).resolves.toBe(1)

    expect(readFileSync(bad).equals(bytes)).toBe(true)
    const after = statSync(bad)
    expect(after.size).toBe(before.size)
    expect(after.mtimeMs).toBe(before.mtimeMs)
  })

  it('opening a file that is not a survey (a PNG renamed, a JSON without schemaVersion) says it is not a survey, not damaged, and leaves it byte-identical (issue 16 item 11)', async () => {
    const folder = join(app.server.dataDir, 'elsewhere')
    mkdirSync(folder, { recursive: true })
    // A photo someone renamed, and another program's JSON (an npm manifest): neither was ever a survey.
    const png = join(folder, 'garage-photo.wcsurvey')
    copyFileSync(join(PROJECT_ROOT, 'assets', 'build', 'icon.png'), png)
    const json = join(folder, 'package-notes.wcsurvey')
    copyFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'surveys', 'not-a-survey.wcsurvey'), json)
    const cases = [
      { path: png, name: 'garage-photo.wcsurvey', why: 'it is not a survey file (another kind of file, perhaps renamed)' },
      { path: json, name: 'package-notes.wcsurvey', why: 'it is a JSON file of another kind' }
    ]

    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    for (const c of cases) {
      const bytes = readFileSync(c.path)
      const before = statSync(c.path)
      await page.getByLabel('Open a file').fill(c.path)
      await page.getByRole('button', { name: 'Open', exact: true }).click()
      const alert = page.getByRole('alert').filter({ hasText: c.name })
      await alert.waitFor()
      const text = (await alert.textContent()) ?? ''
      expect(text).toContain(`Could not open ${c.name}`)
      expect(text).toContain(`${c.name} is not a WC Site Survey survey: ${c.why}. The file was not changed. Choose a .wcsurvey file saved by this app.`)
      expect(text, c.name).not.toMatch(/damaged|backup|corrupt/i)
      await expect(page.getByRole('heading', { name: 'Survey library' }).count()).resolves.toBe(1)
      expect(readFileSync(c.path).equals(bytes), c.name).toBe(true)
      expect(statSync(c.path).mtimeMs, c.name).toBe(before.mtimeMs)
      // Dismissed before the next one, so each alert checked is its own file's.
      await alert.getByRole('button', { name: `Dismiss: Could not open ${c.name}` }).click()
      await expect(page.getByRole('alert').filter({ hasText: c.name }).count()).resolves.toBe(0)
    }
    // Nothing was copied into the library either.
    expect(readdirSync(app.server.surveysDir).filter((f) => f.includes('garage-photo') || f.includes('package-notes'))).toEqual([])
  })

  it('opens a survey written by a newer build (an unknown requirement ID and scan source): not damaged, shown as unknown (written by a newer version)', async () => {
    const folder = join(app.server.dataDir, 'elsewhere')
    mkdirSync(folder, { recursive: true })
    const newer = join(folder, 'newer-build.wcsurvey')
    // The v6 fixture: a stored WIFI-ROAM finding and a NET-OCPP probe check at Level P1 – stall 3, one corewlan observation.
    copyFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'surveys', 'v6-garage-newer-names.wcsurvey'), newer)
    const bytes = readFileSync(newer)

    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await page.getByLabel('Open a file').fill(newer)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    expect(await page.getByText(/damaged|corrupt/i).count()).toBe(0)

    await page.getByRole('button', { name: /Level P1 – stall 3/ }).click()
    const detail = page.locator('section.location-detail')
    await detail.getByText('WIFI-ROAM', { exact: true }).waitFor()
    const text = (await detail.textContent()) ?? ''
    expect(text).toContain('WIFI-ROAM is unknown (written by a newer version)')
    expect(text).toContain('NET-OCPP is unknown (written by a newer version)')

    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    const banner = page.getByRole('region', { name: 'Survey verdict' })
    await banner.getByText('Not ready', { exact: true }).waitFor()
    expect(await banner.textContent()).toContain('WIFI-ROAM, NET-OCPP unknown at Level P1 – stall 3')
    // The matrix says it too: a column for each ID this build does not know.
    const grid = page.getByRole('grid', { name: 'Compliance by location and requirement' })
    expect(await grid.getByRole('columnheader', { name: 'Written by a newer version' }).count()).toBe(1)
    for (const id of ['WIFI-ROAM', 'NET-OCPP']) expect(await grid.getByText(`Level P1 – stall 3, ${id}: unknown (written by a newer version)`).count(), id).toBe(1)
    if (process.env.WC_SHOTS) await page.screenshot({ path: join(process.env.WC_SHOTS, 'compliance-newer-ids.png') })
    expect(readFileSync(newer).equals(bytes)).toBe(true)
  })

  it('had no console errors and no CSP violations', () => {
    expect(pages.flatMap((p) => p.cspViolations)).toEqual([])
    expect(pages.flatMap((p) => p.errors)).toEqual([])
  })
})
