/**
 * Main owns every path (issue 17 item 5), through browser mode's real API: the real web server
 * with the real survey and report handlers over a temp data folder. A request may only write a
 * plain file name into the surveys folder (`.wcsurvey`) or the exports folder (`.pdf`, `.png`):
 * other folders, `..`, separators, links out of those folders and other extensions are refused
 * with a message saying why, and nothing anywhere changes. Exports come back as downloads.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, lstatSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../src/shared/contract'
import { createReportHandlers } from '../../../src/main/report/handlers'
import type { ServiceDeps } from '../../../src/main/service-deps'
import { createSurveyHandlers } from '../../../src/main/survey/handlers'
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../../src/main/web/server'
import { MAX_SURVEY_BYTES, serializeSurvey } from '../../../src/main/survey/survey-file'
import type { Survey } from '../../../src/shared/model/survey'
import { copyFixture, sampleSurvey, tempDir } from '../survey/helpers'

let root: string
let server: WebServer
let surveys: string
let exportsFolder: string
let outside: string

/** Every file and link under `root` with its bytes (or its target): what "writes nothing" compares. */
function snapshot(dir = root): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name)
    const info = lstatSync(path)
    if (info.isSymbolicLink()) out[name] = 'link'
    else if (info.isFile()) out[name] = readFileSync(path, 'base64')
  }
  return out
}

async function call(name: string, ...args: unknown[]): Promise<{ status: number; body: { value?: unknown; error?: string } }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/request/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ args })
  })
  // Cast: the web API answers { value } or { error } (src/main/web/server.ts).
  return { status: response.status, body: (await response.json()) as { value?: unknown; error?: string } }
}

beforeAll(async () => {
  root = tempDir('wc-dest-')
  const dataDir = join(root, 'data')
  surveys = join(dataDir, 'surveys')
  exportsFolder = join(dataDir, 'exports')
  outside = join(root, 'outside')
  for (const dir of [surveys, exportsFolder, outside, join(root, 'renderer')]) mkdirSync(dir, { recursive: true })
  // The print page exists, so an export gets as far as its destination check (no Chromium is started for a refusal).
  writeFileSync(join(root, 'renderer', 'report.html'), '<!doctype html><title>report</title>')
  writeFileSync(join(outside, 'bashrc'), 'export PATH=/usr/bin\n')
  writeFileSync(join(outside, 'site.wcsurvey'), 'not touched')
  symlinkSync(join(outside, 'site.wcsurvey'), join(surveys, 'link-out.wcsurvey'))
  symlinkSync(join(outside, 'bashrc'), join(exportsFolder, 'link-out.pdf'))
  symlinkSync(join(outside, 'bashrc'), join(exportsFolder, 'link-out.png'))
  const deps: ServiceDeps = {
    emit: () => undefined,
    dataDir,
    platform: 'linux',
    env: { WC_SURVEY_CHROMIUM: join(root, 'no-chromium') },
    appVersion: '1.0.0',
    mode: 'browser',
    rendererDir: join(root, 'renderer'),
    assetsDir: root,
    desktop: null
  }
  // Only the survey and report requests are called here.
  const handlers = { ...createSurveyHandlers(deps).handlers, ...createReportHandlers(deps).handlers } as Handlers
  server = await startWebServer({ handlers, rendererDir: join(root, 'renderer'), exportsFolder })
})
afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

describe('browser mode writes only into its folders, with their extensions', () => {
  const survey = sampleSurvey()

  it.each([
    ['a parent folder', '../escape.wcsurvey', /names another folder/],
    ['`..` itself', '..', /names another folder/],
    ['an absolute path', `/tmp/escape.wcsurvey`, /names another folder/],
    ['a subfolder', 'sub/escape.wcsurvey', /names another folder/],
    ['a Windows separator', '..\\escape.wcsurvey', /names another folder/],
    ['a drive-relative Windows name', 'C:escape.wcsurvey', /characters a file name cannot carry/],
    ['another extension', 'escape.txt', /does not end in \.wcsurvey/],
    ['a shell profile', '.bashrc', /starts with a dot/],
    ['a double extension', 'escape.wcsurvey.sh', /does not end in \.wcsurvey/],
    ['a control character', 'esc\u001b[2Jape.wcsurvey', /characters a file name cannot carry/],
    ['a link out of the surveys folder', 'link-out.wcsurvey', /is a link to somewhere else/]
  ])('Save As refuses %s, and writes nothing', async (_what, fileName, message) => {
    const before = snapshot()
    const reply = await call('survey:saveAs', survey, fileName)
    expect(reply.status).toBe(200)
    expect(reply.body.value).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(message) })
    expect(snapshot()).toEqual(before)
  })

  it.each([
    ['a parent folder', '../report.pdf', /names another folder/],
    ['an absolute path', '/home/tech/.bashrc', /names another folder/],
    ['a survey file', 'site.wcsurvey', /does not end in \.pdf/],
    ['an image name', 'report.png', /does not end in \.pdf/],
    ['a script', 'report.sh', /does not end in \.pdf/],
    ['a hidden name', '.bashrc', /starts with a dot/],
    ['a link out of the exports folder', 'link-out.pdf', /is a link to somewhere else/]
  ])('the PDF export refuses %s, and writes nothing', async (_what, fileName, message) => {
    const before = snapshot()
    const reply = await call('report:exportPdf', { survey, paper: 'A4', fileName })
    expect(reply.body.value).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(message) })
    expect(snapshot()).toEqual(before)
  })

  it.each([
    ['a PDF name', 'evidence.pdf', /does not end in \.png/],
    ['a link out of the exports folder', 'link-out.png', /is a link to somewhere else/],
    ['a parent folder', '../../outside/bashrc.png', /names another folder/]
  ])('the evidence export refuses %s, and writes nothing', async (_what, fileName, message) => {
    const before = snapshot()
    const reply = await call('report:exportEvidence', { survey, locationId: survey.locations[0]?.id, fileName })
    expect(reply.body.value).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(message) })
    expect(snapshot()).toEqual(before)
  })

  it('a path in the request is refused as invalid arguments, never used', async () => {
    const before = snapshot()
    const pdf = await call('report:exportPdf', { survey, paper: 'A4', path: join(outside, 'report.pdf') })
    expect(pdf.status).toBe(400)
    expect(pdf.body.error).toMatch(/invalid arguments: .*path/)
    const save = await call('survey:save', join(outside, 'site.wcsurvey'), survey)
    expect(save.status).toBe(400)
    expect(save.body.error).toMatch(/not a survey handle issued by this app/)
    expect(snapshot()).toEqual(before)
  })

  it('Save As into the surveys folder works and gives a handle; a file swapped for a link out is then refused', async () => {
    const reply = await call('survey:saveAs', survey, 'Copy of garage')
    // Cast: the web API's answer to a save; its fields are asserted.
    const saved = reply.body.value as { ok: true; handle: string; path: string }
    expect(saved).toMatchObject({ ok: true, path: join(surveys, 'Copy of garage.wcsurvey') })
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toMatchObject({ id: survey.id })
    expect((await call('survey:save', saved.handle, survey)).body.value).toMatchObject({ ok: true })

    // Another program replaces the file with a link to a file elsewhere: the next save refuses.
    unlinkSync(saved.path)
    symlinkSync(join(outside, 'bashrc'), saved.path)
    const before = snapshot()
    const refused = (await call('survey:save', saved.handle, survey)).body.value
    expect(refused).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(/is a link to somewhere else/) })
    expect(snapshot()).toEqual(before)
    expect(readFileSync(join(outside, 'bashrc'), 'utf8')).toBe('export PATH=/usr/bin\n')
  })

  it('a file opened from another folder opens for review, and saving to it is refused', async () => {
    copyFixture('v2-garage.wcsurvey', outside, 'elsewhere.wcsurvey')
    // Cast: the web API's answer to survey:openPath; its fields are asserted.
    const opened = (await call('survey:openPath', join(outside, 'elsewhere.wcsurvey'))).body.value as { ok: boolean; handle: string; writable: boolean }
    expect(opened).toMatchObject({ ok: true, writable: false })
    const before = snapshot()
    expect((await call('survey:save', opened.handle, survey)).body.value).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(/outside .*browser mode saves only there/) })
    expect(snapshot()).toEqual(before)
  })
})

describe('downloads from the exports folder', () => {
  async function download(name: string, headers: Record<string, string> = { Authorization: `Bearer ${server.token}` }): Promise<Response> {
    return fetch(`http://127.0.0.1:${server.port}/api/exports/${name}`, { headers })
  }

  it('serves a PDF main exported, as an attachment, with the token or a single-use ticket', async () => {
    writeFileSync(join(exportsFolder, 'Garage report.pdf'), '%PDF-1.7 test')
    const withToken = await download('Garage%20report.pdf')
    expect(withToken.status).toBe(200)
    expect(withToken.headers.get('content-type')).toBe('application/pdf')
    expect(withToken.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Garage%20report.pdf")
    expect(await withToken.text()).toBe('%PDF-1.7 test')

    expect((await download('Garage%20report.pdf', {})).status).toBe(401)
    const issued = await fetch(`http://127.0.0.1:${server.port}/api/ticket`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ for: '/api/exports/Garage%20report.pdf' })
    })
    // Cast: the ticket response body; its value is used as the ticket.
    const { ticket } = (await issued.json()) as { ticket: string }
    expect((await download(`Garage%20report.pdf?ticket=${ticket}`, {})).status).toBe(200)
    expect((await download(`Garage%20report.pdf?ticket=${ticket}`, {})).status).toBe(401)
  })

  it('inline=1 (the Report page\'s Open) serves it for the browser\'s viewer, still only with the token or a ticket', async () => {
    writeFileSync(join(exportsFolder, 'Garage report.pdf'), '%PDF-1.7 test')
    const opened = await download('Garage%20report.pdf?inline=1')
    expect(opened.status).toBe(200)
    expect(opened.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''Garage%20report.pdf")
    expect((await download('Garage%20report.pdf?inline=1', {})).status).toBe(401)
  })

  it.each([
    ['a link out of the folder', 'link-out.pdf'],
    ['a parent folder', '..%2Foutside%2Fbashrc'],
    ['another extension', 'notes.txt'],
    ['a missing file', 'nothing-here.pdf'],
    ['a bad percent-escape', '%E0%A4%A.pdf']
  ])('refuses %s', async (_what, name) => {
    writeFileSync(join(exportsFolder, 'notes.txt'), 'x')
    const reply = await download(name)
    expect([400, 404]).toContain(reply.status)
    expect(await reply.text()).not.toContain('export PATH')
  })
})

describe('the request cap is derived from the survey file cap', () => {
  it('is the file cap plus room for the envelope: a survey that opens always fits in a save', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(MAX_SURVEY_BYTES)
    expect(MAX_BODY_BYTES - MAX_SURVEY_BYTES).toBeLessThanOrEqual(1024 * 1024)
  })

  it('a survey file just under the file cap opens and saves through the web API', async () => {
    const base = sampleSurvey()
    const stall = (i: number): Survey['locations'][number] => ({ id: `l${i}`, name: `Stall ${i}`, notes: 'n'.repeat(19000), cellularNote: '', measurements: [], watches: [], placement: null, photos: [] })
    const sized = (n: number): Survey => ({ ...base, locations: Array.from({ length: n }, (_, i) => stall(i)) })
    // Each stall adds the same bytes (its index aside): fill to within 64 KB under the cap.
    const one = Buffer.byteLength(serializeSurvey(sized(1)))
    const per = Buffer.byteLength(serializeSurvey(sized(2))) - one
    const big = sized(Math.floor((MAX_SURVEY_BYTES - 64 * 1024 - one) / per) + 1)
    const path = join(surveys, 'big-site.wcsurvey')
    writeFileSync(path, serializeSurvey(big))
    try {
      const size = lstatSync(path).size
      expect(size).toBeLessThanOrEqual(MAX_SURVEY_BYTES)
      expect(size).toBeGreaterThan(MAX_SURVEY_BYTES - 128 * 1024)
      // Cast: the web API's answer to survey:openPath; its fields are asserted.
      const opened = (await call('survey:openPath', path)).body.value as { ok: boolean; handle: string; writable: boolean; survey: Survey }
      expect(opened).toMatchObject({ ok: true, writable: true })
      const saved = await call('survey:save', opened.handle, { ...opened.survey, targetSsid: 'Edited-after-open' })
      expect(saved.status).toBe(200)
      expect(saved.body.value).toMatchObject({ ok: true })
      const again = readFileSync(path, 'utf8')
      expect(Buffer.byteLength(again)).toBeLessThanOrEqual(MAX_SURVEY_BYTES)
      // Cast: the file the save just wrote; only these fields are read.
      const onDisk = JSON.parse(again) as Survey
      expect(onDisk.targetSsid).toBe('Edited-after-open')
      expect(onDisk.locations).toHaveLength(big.locations.length)
    } finally {
      rmSync(path, { force: true })
    }
  }, 60000)
})
