/**
 * Photos per stall (issue 16 item 8) through the real UI: a camera JPEG with GPS and a rotated
 * JPEG added to a new location (a HEIC in the same pick refused by name, nothing else lost), the
 * thumbnails shown upright with "location data removed", a caption that is the alt text, reload
 * kept, the saved file without GPS, and the PDF's location page with both images (pdfimages).
 */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { openSampleSurvey, skipBrowserTier, useBrowserApp } from './support/app'
import { cli, missingTool, pdfImages, pdfText } from './report/pdf-tools'

const run = promisify(execFile)
const skip = skipBrowserTier(missingTool('pdfimages') ?? missingTool('pdftotext'))
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'photos')
/** Set to a folder to keep the screenshots (survey page and PDF page) for a look. */
const SHOTS = process.env.WC_E2E_SHOTS

interface SavedPhoto {
  fileName: string
  kind: string
  caption: string
  widthPx: number
  heightPx: number
  orientation: number
  removed: string[]
  data: string
}
interface Saved {
  locations: { name: string; photos: SavedPhoto[] }[]
}

describe.skipIf(skip)('browser mode: photos per stall', () => {
  const app = useBrowserApp()
  const dir = mkdtempSync(join(tmpdir(), 'wc-photos-e2e-'))

  const savedFile = (): string => {
    const file = readdirSync(app.server.surveysDir).find((f) => f.endsWith('.wcsurvey'))
    if (file === undefined) throw new Error('no survey saved')
    return join(app.server.surveysDir, file)
  }
  // Cast: the file the app saved; the test reads only the fields Saved names.
  const saved = (): Saved => JSON.parse(readFileSync(savedFile(), 'utf8')) as Saved
  const stallPhotos = (): SavedPhoto[] => saved().locations.find((l) => l.name === 'Level P4 – stall 9')?.photos ?? []

  it('add (GPS JPEG, rotated JPEG, HEIC refused), caption, reload, PDF page with both images', { timeout: 240000 }, async () => {
    const wall = join(dir, 'wall-gps.jpg')
    copyFileSync(join(FIXTURES, 'DSCN0010.jpg'), wall)
    const ap = join(dir, 'ap-rotated.jpg')
    copyFileSync(join(FIXTURES, 'Landscape_6.jpg'), ap)
    const heic = join(dir, 'IMG_0042.HEIC')
    writeFileSync(heic, Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]))

    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSampleSurvey(page)
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByLabel('New location name').fill('Level P4 – stall 9')
    await page.getByRole('button', { name: 'Add location' }).click()
    await page.getByRole('heading', { name: 'Level P4 – stall 9', level: 2 }).waitFor()

    // The limits are said before anything is picked.
    await page.getByText('JPEG or PNG, up to 8 MB and 50 megapixels each; 6 photos per location; all photos of a survey together up to 24 MB.', { exact: false }).waitFor()
    await page.getByLabel('Next photo shows').selectOption('access-point')
    await page.getByLabel('Add photos…').setInputFiles([wall, ap, heic])
    await page.getByRole('status').filter({ hasText: 'wall-gps.jpg added: location data removed.' }).waitFor({ timeout: 30000 })
    await page.getByRole('status').filter({ hasText: 'ap-rotated.jpg added: no location data in it; camera details removed.' }).waitFor()
    await page
      .getByRole('alert')
      .filter({ hasText: 'IMG_0042.HEIC is a HEIC photo, which cannot be shown here: Chromium, and so this app, does not decode HEIC on Linux or Windows. Export it as JPEG first' })
      .waitFor()

    // Two thumbnails, alt text the kind until captioned; the rotated one is drawn upright (1800 wide, 1200 high).
    const thumbs = page.getByRole('img', { name: 'Nearest access point (no caption)' })
    await expect(thumbs.count()).resolves.toBe(2)
    const natural = await thumbs.nth(1).evaluate((img) => {
      // Cast: the callback runs in the page, where the element is an <img>; this file is type-checked for Node.
      const { naturalWidth, naturalHeight } = img as unknown as { naturalWidth: number; naturalHeight: number }
      return [naturalWidth, naturalHeight]
    })
    expect(natural).toEqual([1800, 1200])
    await expect(page.getByText('Location data removed', { exact: true }).count()).resolves.toBe(1)

    // A caption (hostile text stays text) becomes the first photo's alt text; the first becomes the mounting wall.
    const caption = 'Wall left of stall 9 <img src=x onerror=alert(1)>'
    await page.getByLabel('Caption').first().fill(caption)
    await page.getByLabel('What wall-gps.jpg shows').selectOption('mounting-wall')
    await page.getByRole('img', { name: caption }).waitFor()
    await expect.poll(() => stallPhotos().map((p) => [p.fileName, p.kind, p.caption]), { timeout: 10000 }).toEqual([
      ['wall-gps.jpg', 'mounting-wall', caption],
      ['ap-rotated.jpg', 'access-point', '']
    ])
    if (SHOTS) await page.getByRole('region', { name: /^Photos/ }).screenshot({ path: join(SHOTS, 'photos-survey-page.png') })
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'photos-survey-window.png') })

    // The saved file: no GPS in either photo (exifr), the rotated one still orientation 6.
    const [wallSaved, apSaved] = stallPhotos()
    expect(await exifr.gps(Buffer.from(wallSaved?.data ?? '', 'base64'))).toBeUndefined()
    expect(wallSaved).toMatchObject({ widthPx: 640, heightPx: 480, orientation: 1, removed: ['GPS location', 'camera details (EXIF)', 'XMP metadata'] })
    expect(await exifr.orientation(Buffer.from(apSaved?.data ?? '', 'base64'))).toBe(6)
    expect(apSaved).toMatchObject({ widthPx: 1200, heightPx: 1800, orientation: 6 })

    // Remove asks first; Cancel keeps the photo.
    await page.getByRole('button', { name: 'Remove photo' }).nth(1).click()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('button', { name: 'Remove photo' }).count()).resolves.toBe(2)

    // Reload: both thumbnails are there, the caption is the alt text still.
    await page.reload()
    await page.getByRole('img', { name: caption }).waitFor()
    await expect(page.getByRole('img', { name: 'Nearest access point (no caption)' }).count()).resolves.toBe(1)

    // The PDF: the location's page has both photos (pdfimages -list gives their stored size).
    const pdf = join(dir, 'photos.pdf')
    const r = await cli([savedFile(), '-o', pdf, '--quiet'])
    expect(r.stderr).toBe('')
    expect(r.code).not.toBe(2)
    const text = (await pdfText(pdf, 'raw')).split('\f')
    const locationPage = text.findIndex((p) => p.includes('Level P4 – stall 9') && p.includes('Photos') && p.includes('Wall left of stall 9 <img src=x onerror=alert(1)>'))
    expect(locationPage).toBeGreaterThanOrEqual(0)
    const images = await pdfImages(pdf)
    const onPage = images.filter((i) => i.page === locationPage + 1).map((i) => [i.width, i.height])
    expect(onPage).toContainEqual([640, 480])
    // The rotated photo: stored 1200 × 1800, drawn turned (checked by eye on the page image).
    expect(onPage.some(([w, h]) => (w === 1200 && h === 1800) || (w === 1800 && h === 1200))).toBe(true)
    if (SHOTS) await run('pdftoppm', ['-png', '-r', '60', '-f', String(locationPage + 1), '-l', String(locationPage + 1), '-singlefile', pdf, join(SHOTS, 'photos-pdf-page')])

    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
    rmSync(dir, { recursive: true, force: true })
  })
})
