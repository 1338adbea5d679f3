/**
 * The desktop's page renderer: a hidden, sandboxed BrowserWindow per job, `printToPDF` for the
 * report and `capturePage` for evidence cards. main/electron/main.ts wires it into `deps.desktop`
 * (`printToPdf`, `capturePng`).
 *
 * The window gets its own in-memory session: it may only load the throwaway report server's
 * origin, every permission is denied, navigation elsewhere and new windows are refused
 * (Electron security checklist #13, #14), and it has no preload: the page needs nothing of main.
 */
import { BrowserWindow, session, type WebContents } from 'electron'
import type { DesktopServices, PdfPrintOptions } from '../service-deps'
import { PAGE_READY_TIMEOUT_MS, ReportPageError } from '../report/page-renderer'

const PARTITION = 'wc-report-print'
const MM_PER_INCH = 25.4

/** Origins of the report servers of the jobs running now. */
const allowedOrigins = new Set<string>()

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function waitReady(contents: WebContents): Promise<void> {
  const deadline = Date.now() + PAGE_READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    // A fixed expression reading the page's own marker: no survey data reaches this code.
    const state: unknown = await contents.executeJavaScript('[document.documentElement.dataset.reportState || "", document.documentElement.dataset.reportError || ""]')
    if (Array.isArray(state) && state[0] === 'ready') return
    if (Array.isArray(state) && state[0] === 'error') throw new ReportPageError(String(state[1] ?? 'The report page could not render the survey.'))
    await delay(100)
  }
  throw new Error(`The report page did not finish rendering within ${PAGE_READY_TIMEOUT_MS / 1000} s.`)
}

async function withHiddenWindow<T>(url: string, size: { readonly width: number; readonly height: number }, job: (contents: WebContents) => Promise<T>): Promise<T> {
  const origin = new URL(url).origin
  const ses = session.fromPartition(PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // One listener for the session: several exports may run at once, each with its own server.
  allowedOrigins.add(origin)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedOrigins.has(new URL(details.url).origin) }))
  const win = new BrowserWindow({
    show: false,
    width: size.width,
    height: size.height,
    useContentSize: true,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      session: ses,
      spellcheck: false
    }
  })
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    win.webContents.on('will-navigate', (event, target) => {
      if (new URL(target).origin !== origin) event.preventDefault()
    })
    await win.loadURL(url)
    await waitReady(win.webContents)
    return await job(win.webContents)
  } finally {
    win.destroy()
    allowedOrigins.delete(origin)
  }
}

/** The Electron implementations of `DesktopServices.printToPdf` and `capturePng`. */
export function createElectronPageRenderer(): Required<Pick<DesktopServices, 'printToPdf' | 'capturePng'>> {
  return {
    printToPdf: (url: string, options: PdfPrintOptions) =>
      withHiddenWindow(url, { width: 1000, height: 1300 }, async (contents) => {
        const inch = (mm: number): number => mm / MM_PER_INCH
        const pdf = await contents.printToPDF({
          pageSize: options.paper,
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          // No tagged PDF or outline: as in playwright-renderer.ts, they slow big reports down a lot.
          margins: { top: inch(options.marginsMm.top), right: inch(options.marginsMm.right), bottom: inch(options.marginsMm.bottom), left: inch(options.marginsMm.left) }
        })
        return new Uint8Array(pdf)
      }),
    capturePng: (url, size) =>
      withHiddenWindow(url, size, async (contents) => {
        const image = await contents.capturePage({ x: 0, y: 0, width: size.width, height: size.height }, { stayHidden: true })
        return new Uint8Array(image.toPNG())
      })
  }
}
