/**
 * The company requests through main's dispatch (the same path IPC and the web server take):
 * save → get round trip in a temp data folder, a refusal as a value, a logo checked and stripped.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkRequest } from '../../../src/main/dispatch'
import { createCompanyHandlers } from '../../../src/main/settings/handlers'
import type { Handlers } from '../../../src/shared/contract'
import { EMPTY_COMPANY } from '../../../src/shared/model/company'

let dataDir: string
let handlers: Handlers
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wc-company-h-'))
  // Cast: only the company requests are asked of this set.
  handlers = createCompanyHandlers(dataDir).handlers as Handlers
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

async function call(name: string, ...args: unknown[]): Promise<unknown> {
  const checked = checkRequest(handlers, name, args)
  if (!checked.ok) throw new Error(checked.message)
  return checked.run()
}

describe('company requests', () => {
  it('company:get with nothing saved: the empty company; save then get: what was saved, with the file it went to', async () => {
    expect(await call('company:get')).toEqual({ company: EMPTY_COMPANY, problem: null })
    const company = { ...EMPTY_COMPANY, name: 'Acme Surveys', phone: '+44 20 7946 0000' }
    expect(await call('company:save', company)).toEqual({ ok: true, path: join(dataDir, 'settings', 'company.json') })
    expect(await call('company:get')).toEqual({ company, problem: null })
  })

  it('company:save with a logo that does not match its bytes: a failure value naming what to do', async () => {
    const png = PNG.sync.write(new PNG({ width: 3, height: 2 })).toString('base64')
    expect(await call('company:save', { ...EMPTY_COMPANY, logo: { mediaType: 'image/png', data: png, widthPx: 3, heightPx: 3 } })).toEqual({
      ok: false,
      reason: 'not-saved',
      message: 'The company was not saved: the logo is not a usable image (it says 3 × 3 px but its image is 3 × 2 px). Choose the logo file again.'
    })
  })

  it('company:checkLogo: a PNG comes back checked; a GIF is refused by name; nothing is saved', async () => {
    const png = PNG.sync.write(new PNG({ width: 30, height: 10 })).toString('base64')
    expect(await call('company:checkLogo', { fileName: 'acme.png', data: png })).toEqual({
      ok: true,
      logo: { mediaType: 'image/png', data: png, widthPx: 30, heightPx: 10 },
      removed: []
    })
    expect(await call('company:checkLogo', { fileName: 'acme.gif', data: Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64') })).toMatchObject({
      ok: false,
      reason: 'unsupported',
      message: expect.stringMatching(/^acme\.gif cannot be the company logo: it is a GIF image/)
    })
    expect(await call('company:get')).toEqual({ company: EMPTY_COMPANY, problem: null })
  })

  it('company:checkLogo with base64 of the wrong length: refused as not arrived whole', async () => {
    expect(await call('company:checkLogo', { fileName: 'a.png', data: 'iVBORw0' })).toEqual({
      ok: false,
      reason: 'damaged',
      message: 'a.png cannot be the company logo: its data did not arrive whole (not base64). A logo is PNG or JPEG, up to 1 MB and 4,096 px on the longest side.'
    })
  })
})
