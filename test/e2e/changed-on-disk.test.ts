/**
 * Browser mode end to end (issue 17 item 4): a survey file another program changed since it was
 * opened is never overwritten silently. The window asks; Keep both leaves theirs as it is and
 * saves yours beside it; Overwrite theirs replaces it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from './support/app'
import { eventually } from './support/eventually'

const skip = skipBrowserTier()

interface OnDisk {
  site: { name: string; notes: string }
  locations: { name: string }[]
}

/** Adds a location in the open survey (an edit, which autosave saves). */
async function addLocation(page: Page, name: string): Promise<void> {
  await page.getByLabel('New location name').fill(name)
  await page.getByRole('button', { name: 'Add location' }).click()
}

describe.skipIf(skip)('browser mode: a file changed by another program', () => {
  const app = useBrowserApp()
  const surveysDir = (): string => app.server.surveysDir
  const surveys = (): string[] => (existsSync(surveysDir()) ? readdirSync(surveysDir()) : []).filter((f) => f.endsWith('.wcsurvey')).sort()
  // Cast: a file the app (or this test) just wrote; the test reads only these fields.
  const read = (name: string): OnDisk => JSON.parse(readFileSync(join(surveysDir(), name), 'utf8')) as OnDisk

  /** Creates a survey for `site`, then another program writes notes into its file; returns the file name. */
  async function openAndEditElsewhere(page: Page, site: string): Promise<string> {
    const before = new Set(surveys())
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill(site)
    await page.getByLabel('Target network (SSID)').fill('Garage-IoT')
    await page.getByLabel('Billed').check()
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    const [file] = await eventually(() => surveys().filter((f) => !before.has(f)), (f) => f.length === 1)
    const path = join(surveysDir(), file!)
    // Cast: the file the app has just created; only these fields are changed.
    const theirs = JSON.parse(readFileSync(path, 'utf8')) as OnDisk
    theirs.site.notes = 'Edited by the office'
    writeFileSync(path, `${JSON.stringify(theirs, null, 2)}\n`)
    return file!
  }

  it('asks, and Keep both leaves theirs unchanged and saves yours beside it, the window on the new file', async () => {
    const { page } = await app.open()
    const before = new Set(surveys())
    const file = await openAndEditElsewhere(page, 'Keep both garage')
    const theirsBytes = readFileSync(join(surveysDir(), file), 'utf8')

    await addLocation(page, 'Stall 1')
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Keep both garage.wcsurvey was changed by another program since you opened it')
    // Focus moved into the dialog, on its first choice (a string: this test's tsconfig has no DOM types).
    expect(await page.evaluate("document.activeElement?.closest('[role=alertdialog]') !== null && document.activeElement.textContent")).toBe('Keep both')
    // Autosave waits: nothing was written over theirs.
    expect(readFileSync(join(surveysDir(), file), 'utf8')).toBe(theirsBytes)

    await dialog.getByRole('button', { name: 'Keep both' }).click()
    await dialog.waitFor({ state: 'detached' })
    const added = await eventually(() => surveys().filter((f) => !before.has(f)), (f) => f.length === 2 && f.includes(file))
    const yours = added.find((f) => f !== file)!
    expect(yours).toMatch(/^Keep both garage \(yours \d{4}-\d\d-\d\d \d{4}\)\.wcsurvey$/)
    expect(readFileSync(join(surveysDir(), file), 'utf8')).toBe(theirsBytes)
    expect(read(file).site.notes).toBe('Edited by the office')
    expect(read(file).locations).toEqual([])
    expect(read(yours).locations.map((l) => l.name)).toEqual(['Stall 1'])
    expect(read(yours).site.notes).toBe('')
    await page.getByText(yours).first().waitFor()

    // Autosave continues on the new file.
    await addLocation(page, 'Stall 2')
    await eventually(() => read(yours).locations.length, (n) => n === 2)
    expect(readFileSync(join(surveysDir(), file), 'utf8')).toBe(theirsBytes)
  })

  it('Escape cancels (nothing written), and Overwrite theirs leaves one file with yours', async () => {
    const { page } = await app.open()
    const before = surveys().length
    const file = await openAndEditElsewhere(page, 'Overwrite garage')
    const theirsBytes = readFileSync(join(surveysDir(), file), 'utf8')

    await addLocation(page, 'Stall 9')
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(readFileSync(join(surveysDir(), file), 'utf8')).toBe(theirsBytes)
    // What the banner says is what Retry offers again: the dialog's two choices, not Save As.
    const banner = page.getByRole('alert').filter({ hasText: 'Could not save Overwrite garage.wcsurvey' })
    expect(await banner.textContent()).toContain("Keep both saves yours as a new file beside it; Overwrite theirs replaces the other program's version.")
    expect(await banner.textContent()).not.toContain('Save As')

    // Retry asks again; this time overwrite.
    await page.getByRole('button', { name: 'Retry' }).click()
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Overwrite theirs' }).click()
    await dialog.waitFor({ state: 'detached' })
    await eventually(() => read(file).locations.length, (n) => n === 1)
    expect(read(file).locations.map((l) => l.name)).toEqual(['Stall 9'])
    expect(read(file).site.notes).toBe('')
    expect(surveys()).toHaveLength(before + 1)
  })
})
