/** Reading a survey (issue 17 item 4): a BOM is accepted; a FIFO or a device named *.wcsurvey is refused without reading. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSurveyFile, serializeSurvey } from '../../../src/main/survey/survey-file'
import { makeSurvey } from '../../support/survey-builders'

const dir = mkdtempSync(join(tmpdir(), 'wc-special-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('loadSurveyFile on special files', () => {
  it('accepts a UTF-8 byte order mark (as Notepad saves)', async () => {
    const path = join(dir, 'bom.wcsurvey')
    writeFileSync(path, `\uFEFF${serializeSurvey(makeSurvey())}`)
    const out = await loadSurveyFile(path)
    expect(out.ok).toBe(true)
  })

  it('refuses a FIFO at once (a read would block forever)', async () => {
    const path = join(dir, 'pipe.wcsurvey')
    execFileSync('mkfifo', [path])
    const out = await loadSurveyFile(path)
    expect(out).toMatchObject({ ok: false, reason: 'unreadable' })
    expect(out.ok ? '' : out.message).toContain('not a regular file')
  })

  it('refuses a link to /dev/zero without reading it', async () => {
    const path = join(dir, 'zero.wcsurvey')
    symlinkSync('/dev/zero', path)
    const out = await loadSurveyFile(path)
    expect(out.ok ? '' : out.message).toContain('not a regular file')
  })
})
