/**
 * A file changed on disk by another program since it was opened is never overwritten silently
 * (issue 17 item 4): the save is refused as 'changed-on-disk', naming the file, and nothing is
 * written; the other program's bytes stay as they are. Saving over it takes an explicit overwrite.
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSurveyFile, openSurveyFile, saveSurveyFile, serializeSurvey } from '../../../src/main/survey/survey-file'
import type { Survey } from '../../../src/shared/model/survey'
import { makeSurvey } from '../../support/survey-builders'
import { tempDir } from './helpers'

let dir: string
let path: string
beforeEach(() => {
  dir = tempDir('wc-changed-')
  path = join(dir, 'site.wcsurvey')
  writeFileSync(path, serializeSurvey(makeSurvey({ site: { name: 'As opened' } })))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function open(): Promise<Survey> {
  const outcome = await openSurveyFile(path)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.survey
}

/** Another program rewrites the file with a survey named `name`, a second later (a new mtime). */
function otherProgramWrites(name: string): Buffer {
  const bytes = Buffer.from(serializeSurvey(makeSurvey({ site: { name } })))
  writeFileSync(path, bytes)
  const later = new Date(Date.now() + 1000)
  utimesSync(path, later, later)
  return bytes
}

describe('saving over a file another program changed', () => {
  it('is refused as changed-on-disk, naming the file; nothing is written', async () => {
    const mine = await open()
    const theirs = otherProgramWrites('Edited elsewhere')
    const outcome = await saveSurveyFile(path, { ...mine, targetSsid: 'my edit' })
    // The choices the window offers (its dialog's buttons), not Save As.
    expect(outcome).toEqual({
      ok: false,
      reason: 'changed-on-disk',
      message: `site.wcsurvey was changed by another program since you opened it (${path}). Nothing was saved yet: your changes are kept in this window. Keep both saves yours as a new file beside it; Overwrite theirs replaces the other program's version.`
    })
    expect(readFileSync(path).equals(theirs)).toBe(true)
  })

  it('also when the other program kept the size and the modification time (the content hash differs)', async () => {
    const earlier = new Date(Date.now() - 5000)
    utimesSync(path, earlier, earlier)
    const mine = await open()
    // Same length, one letter changed, the modification time put back.
    const edited = Buffer.from(readFileSync(path, 'utf8').replace('As opened', 'As opeNed'))
    writeFileSync(path, edited)
    utimesSync(path, earlier, earlier)
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'x' })).toMatchObject({ ok: false, reason: 'changed-on-disk' })
    expect(readFileSync(path).equals(edited)).toBe(true)
  })

  it('an untouched file saves, and so does every later save (the version written is the one known)', async () => {
    const mine = await open()
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'one' })).toMatchObject({ ok: true })
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'two' })).toMatchObject({ ok: true })
    const now = await loadSurveyFile(path)
    expect(now.ok && now.survey.targetSsid).toBe('two')
  })

  it('a file only touched (same bytes, new modification time) is not a conflict', async () => {
    const mine = await open()
    const later = new Date(Date.now() + 2000)
    utimesSync(path, later, later)
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'after touch' })).toMatchObject({ ok: true })
  })

  it('overwrite, chosen explicitly, replaces the other version', async () => {
    const mine = await open()
    otherProgramWrites('Edited elsewhere')
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'mine wins' }, undefined, { overwrite: true })).toMatchObject({ ok: true })
    const now = await loadSurveyFile(path)
    expect(now.ok && now.survey.targetSsid).toBe('mine wins')
    // And the next save is guarded against the version just written, not the old one.
    expect(await saveSurveyFile(path, { ...mine, targetSsid: 'again' })).toMatchObject({ ok: true })
  })
})
