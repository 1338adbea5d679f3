/**
 * The export pipeline without a browser: Chromium lookup, the header/footer templates (HTML: the
 * site name and the company escaped), destination checks and the atomic write (disk full, folder missing), the
 * throwaway report server, and the orchestration with a fake desktop renderer or no Chromium.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ReportProgress } from '../../../src/shared/contract'
import { EMPTY_COMPANY, type Company } from '../../../src/shared/model/company'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { CHROMIUM_ENV, chromiumCandidates, findChromium } from '../../../src/main/report/chromium'
import { exportEvidence, exportPdf, fileSlug, type ExportContext } from '../../../src/main/report/export-report'
import type { AtomicFs } from '../../../src/main/fs/atomic-write'
import { checkDestination, writeFileAtomically } from '../../../src/main/report/output-file'
import { companyFooterLine, escapeHtml, footerTemplate, headerTemplate } from '../../../src/main/report/pdf-templates'
import { startReportServer } from '../../../src/main/report/report-server'
import type { PdfPrintOptions } from '../../../src/main/service-deps'

/** A company as the settings store keeps it (the logo a 1×1 PNG). */
const VOLTLINE: Company = {
  name: 'Voltline Electric Ltd',
  phone: '+44 20 7946 0321',
  email: 'survey@voltline.example',
  website: 'voltline.example',
  address: 'Unit 4, Dock Road, London E16 1AA',
  logo: { mediaType: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', widthPx: 1, heightPx: 1 }
}

const survey: Survey = surveySchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/report/report-sample.wcsurvey', import.meta.url), 'utf8')))
const root = mkdtempSync(join(tmpdir(), 'wc-report-unit-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A fake built renderer: report.html and one asset. */
function fakeRendererDir(): string {
  const dir = mkdtempSync(join(root, 'renderer-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'report.html'), '<!doctype html><title>report</title>')
  writeFileSync(join(dir, 'assets', 'report-1.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'not served')
  return dir
}

describe('findChromium', () => {
  it('uses WC_SURVEY_CHROMIUM when it exists, and says so when it does not', () => {
    expect(findChromium({ [CHROMIUM_ENV]: '/opt/my/chrome' }, 'linux', (p) => p === '/opt/my/chrome')).toEqual({ ok: true, path: '/opt/my/chrome' })
    // A named browser that is missing is an error, not a silent fall-back to another one.
    const missing = findChromium({ [CHROMIUM_ENV]: '/opt/none' }, 'linux', (p) => p === '/usr/bin/chromium')
    expect(missing.ok).toBe(false)
    expect(!missing.ok && missing.message).toContain('/opt/none')
  })

  it('tries the standard install paths per platform, Edge included on Windows', () => {
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toEqual({ ok: true, path: '/usr/bin/google-chrome' })
    const win = chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\t\\AppData\\Local' }, 'win32')
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
    expect(win).toContain('C:\\Users\\t\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe')
    expect(win).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')
    expect(chromiumCandidates({ HOME: '/Users/t' }, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })

  it('when nothing is installed, lists what it tried and points to the browser’s own print', () => {
    const none = findChromium({}, 'linux', () => false)
    expect(none.ok).toBe(false)
    if (!none.ok) {
      expect(none.tried).toContain('/usr/bin/chromium')
      expect(none.message).toContain(CHROMIUM_ENV)
      expect(none.message).toContain('Print › Save as PDF')
    }
  })
})

describe('PDF header and footer templates', () => {
  it('escape the site name: markup in it stays text', () => {
    const header = headerTemplate('<script>alert(1)</script> & "Nord" \'x\'', '2026-11-18')
    expect(header).not.toContain('<script>')
    expect(header).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Nord&#34; &#39;x&#39;')
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;')
  })

  it('show a bidi override in the site name as its code point, and carry the date', () => {
    const header = headerTemplate('Garage \u202Etxt.exe', '2026-11-18')
    expect(header).toContain('Garage [U+202E]txt.exe')
    expect(header).toContain('2026-11-18')
  })

  it('number the pages with Chromium’s pageNumber and totalPages classes', () => {
    expect(footerTemplate()).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/)
    expect(footerTemplate(VOLTLINE)).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/)
  })

  it('put the company’s name and contact in the footer, escaped: markup in them stays text', () => {
    const footer = footerTemplate({ ...VOLTLINE, name: '<script>alert(1)</script> & "Volt" \'x\'', email: '<img src=x onerror=alert(1)>' })
    expect(footer).not.toContain('<script>')
    expect(footer).not.toContain('<img')
    expect(footer).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Volt&#34; &#39;x&#39; · +44 20 7946 0321 · &#60;img src=x onerror=alert(1)&#62; · voltline.example')
    // The product line gives way to the company.
    expect(footer).not.toContain('WC Site Survey report')
  })

  it('keep the company line to one ellipsised line, blank fields and the address left out, a bidi override shown', () => {
    expect(companyFooterLine(VOLTLINE)).toBe('Voltline Electric Ltd · +44 20 7946 0321 · survey@voltline.example · voltline.example')
    expect(companyFooterLine({ ...VOLTLINE, name: 'Volt\u202Eenilt\nElectric', phone: '  ', email: '', website: '' })).toBe('Volt[U+202E]enilt Electric')
    const long = footerTemplate({ ...VOLTLINE, name: 'Voltline '.repeat(22) })
    expect(long).toMatch(/<span style="[^"]*overflow:hidden;white-space:nowrap;text-overflow:ellipsis[^"]*">Voltline Voltline/)
  })

  it('print no company text at all when none is set', () => {
    for (const none of [null, EMPTY_COMPANY, { ...EMPTY_COMPANY, name: ' ', phone: '\t' }]) {
      expect(companyFooterLine(none)).toBe('')
      expect(footerTemplate(none)).toBe(footerTemplate())
    }
    expect(footerTemplate()).toContain('<span>WC Site Survey report</span>')
  })
})

describe('destination checks and the atomic write', () => {
  it('never writes over a survey file', async () => {
    const failure = await checkDestination(join(root, 'site.wcsurvey'), '.pdf')
    expect(failure).toMatchObject({ ok: false, reason: 'not-writable' })
    expect(failure?.message).toContain('survey file')
  })

  it('says when the folder does not exist, is a file, or the path is a folder', async () => {
    expect(await checkDestination(join(root, 'no-such-folder', 'r.pdf'), '.pdf')).toMatchObject({ reason: 'not-writable', message: expect.stringContaining('does not exist') })
    const file = join(root, 'plain-file')
    writeFileSync(file, 'x')
    expect(await checkDestination(join(file, 'r.pdf'), '.pdf')).toMatchObject({ reason: 'not-writable' })
    expect(await checkDestination(root, '.pdf')).toMatchObject({ reason: 'not-writable', message: expect.stringContaining('is a folder') })
    expect(await checkDestination(join(root, 'fine.pdf'), '.pdf')).toBeNull()
    expect(await checkDestination(join(root, 'FINE.PDF'), '.pdf')).toBeNull()
    // The extension is enforced: a PDF is never written to a shell profile or an image name.
    for (const name of ['.bashrc', 'report.pdf.sh', 'evidence.png']) {
      expect(await checkDestination(join(root, name), '.pdf')).toMatchObject({ ok: false, reason: 'not-allowed', message: `${name} does not end in .pdf: nothing was saved. Choose a name ending in .pdf.` })
    }
  })

  it('writes the bytes through a temporary file', async () => {
    const path = join(root, 'atomic.pdf')
    expect(await writeFileAtomically(path, new TextEncoder().encode('%PDF-1.7 ok'))).toEqual({ ok: true, path })
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 ok')
  })

  it('on a full disk reports disk-full, leaves no temporary file and keeps the previous file intact', async () => {
    const dir = mkdtempSync(join(root, 'full-'))
    const path = join(dir, 'report.pdf')
    writeFileSync(path, 'previous report')
    const fullDisk: AtomicFs = {
      open: (async (p: Parameters<typeof open>[0], flags?: Parameters<typeof open>[1]) => {
        const handle = await open(p, flags)
        // A real handle whose write fails as it does when the disk fills up.
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
          },
          close: () => handle.close()
        })
      }) as typeof open, // same signature, failing writes
      rename: (await import('node:fs/promises')).rename,
      rm: (await import('node:fs/promises')).rm
    }
    const outcome = await writeFileAtomically(path, new Uint8Array([1, 2, 3]), fullDisk)
    expect(outcome).toMatchObject({ ok: false, reason: 'disk-full' })
    expect(!outcome.ok && outcome.message).toContain(dir)
    expect(readdirSync(dir)).toEqual(['report.pdf'])
    expect(readFileSync(path, 'utf8')).toBe('previous report')
  })
})

describe('report server', () => {
  it('serves the print page, its assets and the survey under a random token, and nothing else', async () => {
    const dir = fakeRendererDir()
    const server = await startReportServer(dir, survey)
    try {
      const page = await fetch(server.pageUrl({ paper: 'A4' }))
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(page.headers.get('access-control-allow-origin')).toBeNull()
      expect(await (await fetch(`${server.base}assets/report-1.js`)).text()).toBe('console.log(1)')
      expect(await (await fetch(`${server.base}survey.json`)).json()).toEqual(JSON.parse(JSON.stringify(survey)))
      const origin = new URL(server.base).origin
      for (const path of ['/survey.json', '/wrongtoken/survey.json', `${new URL(server.base).pathname}secret.txt`, `${new URL(server.base).pathname}assets/..%2fsecret.txt`, `${new URL(server.base).pathname}assets/.hidden.js`]) {
        expect((await fetch(`${origin}${path}`)).status, path).toBe(404)
      }
      expect((await fetch(`${server.base}survey.json`, { method: 'POST' })).status).toBe(405)
    } finally {
      await server.close()
    }
    await expect(fetch(`${server.base}survey.json`)).rejects.toThrow()
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const server = await startReportServer(fakeRendererDir(), survey)
    try {
      const { request } = await import('node:http')
      const url = new URL(`${server.base}survey.json`)
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, headers: { Host: 'evil.example:80' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(403)
    } finally {
      await server.close()
    }
  })
})

describe('exportPdf / exportEvidence', () => {
  const context = (over: Partial<ExportContext>): { ctx: ExportContext; events: ReportProgress[] } => {
    const events: ReportProgress[] = []
    const ctx: ExportContext = { rendererDir: fakeRendererDir(), env: {}, platform: 'linux', exportsFolder: null, desktop: null, progress: (p) => events.push(p), exists: () => false, ...over }
    return { ctx, events }
  }

  it('with no Chromium: no-chromium, with the advice, and a failed progress event', async () => {
    const { ctx, events } = context({})
    const outcome = await exportPdf({ survey, paper: 'A4', path: join(root, 'none.pdf') }, ctx)
    expect(outcome).toMatchObject({ ok: false, reason: 'no-chromium' })
    expect(events.at(-1)).toMatchObject({ kind: 'pdf', stage: 'failed' })
  })

  it('when the print page is not built: says to build it', async () => {
    const { ctx } = context({ rendererDir: join(root, 'not-built') })
    const outcome = await exportPdf({ survey, paper: 'A4', path: join(root, 'x.pdf') }, ctx)
    expect(outcome).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('npm run build') })
  })

  it('through the desktop renderer: prints the served page with the escaped header, then saves where the dialog says', async () => {
    const calls: { url: string; options: PdfPrintOptions; surveyJson: unknown }[] = []
    const dest = join(root, 'desktop.pdf')
    const { ctx, events } = context({
      desktop: {
        pickOpenPath: async () => null,
        pickSavePath: async (name, filter) => {
          expect(name).toBe(`${fileSlug(survey.site.name)}-survey-2026-11-18.pdf`)
          expect(filter.extensions).toEqual(['pdf'])
          return dest
        },
        printToPdf: async (url, options) => {
          // The page URL really serves this survey while the renderer runs.
          calls.push({ url, options, surveyJson: await (await fetch(new URL('survey.json', url))).json() })
          return new TextEncoder().encode('%PDF-1.7 desktop')
        },
        capturePng: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47])
      }
    })
    const outcome = await exportPdf({ survey, paper: 'Letter' }, ctx)
    expect(outcome).toEqual({ ok: true, path: dest, download: null })
    expect(readFileSync(dest, 'utf8')).toBe('%PDF-1.7 desktop')
    expect(calls).toHaveLength(1)
    expect(new URL(calls[0]?.url ?? '').searchParams.get('paper')).toBe('Letter')
    expect(calls[0]?.options.paper).toBe('Letter')
    expect(calls[0]?.options.headerTemplate).toContain('Harbour Point Garage')
    // The survey's updatedAt, 2026-11-18T10:31Z, as a person reads it.
    expect(calls[0]?.options.headerTemplate).toContain('Wall Connector network survey · 18 Nov 2026')
    expect(calls[0]?.surveyJson).toMatchObject({ id: survey.id })
    expect(events.map((e) => e.stage)).toEqual(['starting', 'starting', 'rendering', 'saving', 'done'])
    // The server is gone once the export is done.
    await expect(fetch(new URL('survey.json', calls[0]?.url))).rejects.toThrow()
  })

  it('serves the company to the print page and puts it in the footer; an empty company is none', async () => {
    const served: { company: unknown; footer: string }[] = []
    const { ctx } = context({
      desktop: {
        pickOpenPath: async () => null,
        pickSavePath: async () => join(root, 'company.pdf'),
        printToPdf: async (url, options) => {
          served.push({ company: await (await fetch(new URL('company.json', url))).json(), footer: options.footerTemplate })
          return new TextEncoder().encode('%PDF-1.7 company')
        },
        capturePng: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47])
      }
    })
    for (const company of [VOLTLINE, EMPTY_COMPANY, null, undefined]) expect(await exportPdf({ survey, paper: 'A4', company }, ctx)).toMatchObject({ ok: true })
    expect(served[0]?.company).toEqual(VOLTLINE)
    expect(served[0]?.footer).toContain('Voltline Electric Ltd · +44 20 7946 0321')
    for (const none of served.slice(1)) {
      expect(none.company).toBeNull()
      expect(none.footer).toBe(footerTemplate())
    }
    expect(served).toHaveLength(4)
  })

  it('a cancelled save dialog saves nothing', async () => {
    const { ctx } = context({ desktop: { pickOpenPath: async () => null, pickSavePath: async () => null } })
    expect(await exportPdf({ survey, paper: 'A4' }, ctx)).toMatchObject({ ok: false, reason: 'cancelled' })
  })

  it('an evidence image for an unknown location fails with a message naming it', async () => {
    const { ctx } = context({})
    expect(await exportEvidence({ survey, locationId: 'nope' }, ctx)).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('nope') })
  })
})
