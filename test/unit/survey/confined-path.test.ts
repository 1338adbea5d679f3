/** The extension rule shared by Electron's dialogs, the CLI and browser mode (main/survey/confined-path.ts). */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkInFolder, pathInFolder, withExtension } from '../../../src/main/survey/confined-path'
import { tempDir } from './helpers'

let root: string
beforeAll(() => {
  root = tempDir('wc-confined-')
  mkdirSync(join(root, 'surveys'))
  mkdirSync(join(root, 'elsewhere'))
  // A folder link inside the surveys folder pointing out of it.
  symlinkSync(join(root, 'elsewhere'), join(root, 'surveys', 'sub'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('withExtension', () => {
  it.each([
    ['/home/t/report', '.pdf', '/home/t/report.pdf'],
    ['/home/t/REPORT.PDF', '.pdf', '/home/t/REPORT.PDF'],
    ['/home/t/.bashrc', '.pdf', '/home/t/.bashrc.pdf'],
    ['/home/t/site', '.wcsurvey', '/home/t/site.wcsurvey']
  ])('%s as %s → %s', (path, ext, expected) => {
    // Cast: the table above holds only these extensions, written by hand.
    expect(withExtension(path, ext as '.pdf' | '.wcsurvey')).toEqual({ ok: true, path: expected })
  })

  it.each([
    ['/home/t/notes.txt', '.pdf'],
    ['/home/t/report.pdf', '.png'],
    ['/home/t/site.wcsurvey', '.pdf'],
    ['/home/t/report.pdf.sh', '.pdf']
  ])('refuses %s as %s', (path, ext) => {
    // Cast: the table above holds only these extensions, written by hand.
    expect(withExtension(path, ext as '.pdf' | '.png')).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringContaining(`does not end in ${ext}`) })
  })
})

describe('pathInFolder / checkInFolder', () => {
  it('a plain name lands in the real folder', async () => {
    expect(await pathInFolder(join(root, 'surveys'), 'Garage', '.wcsurvey', { replace: false })).toEqual({ ok: true, path: join(root, 'surveys', 'Garage.wcsurvey') })
  })

  it('a file reached through a folder link is outside the folder', async () => {
    expect(await checkInFolder(join(root, 'surveys'), join(root, 'surveys', 'sub', 'x.wcsurvey'), '.wcsurvey')).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(/is outside/) })
    expect(await checkInFolder(join(root, 'surveys'), join(root, 'surveys', 'x.wcsurvey'), '.wcsurvey')).toMatchObject({ ok: true })
    expect(await checkInFolder(join(root, 'surveys'), join(root, 'surveys', 'x.json'), '.wcsurvey')).toMatchObject({ ok: false, reason: 'not-allowed' })
  })

  it('a folder where the file would go is refused', async () => {
    expect(await pathInFolder(root, 'surveys.wcsurvey', '.wcsurvey', { replace: true })).toMatchObject({ ok: true })
    mkdirSync(join(root, 'taken.pdf'))
    expect(await pathInFolder(root, 'taken.pdf', '.pdf', { replace: true })).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) })
  })
})
