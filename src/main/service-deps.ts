/**
 * What every service factory receives: the outside world as parameters, so the services run the
 * same in Electron, in browser mode, in the CLI and in tests (ARCHITECTURE.md).
 */
import type { EventSink } from '../shared/contract'

/** Native pieces only Electron has; browser mode and the CLI leave them out. */
export interface DesktopServices {
  /** Native open dialog for a .wcsurvey file; null when cancelled. */
  pickOpenPath(): Promise<string | null>
  /** Native save dialog; null when cancelled. */
  pickSavePath(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>
  /**
   * Renders a URL of the app's own report page to PDF (hidden window + printToPDF), once the page
   * says it is ready (src/main/electron/report-window.ts implements it).
   */
  printToPdf?(url: string, options: PdfPrintOptions): Promise<Uint8Array>
  /** Captures a URL of the app's own report page (an evidence card) as a PNG of `size` CSS px. */
  capturePng?(url: string, size: { readonly width: number; readonly height: number }): Promise<Uint8Array>
}

/** How main/report asks for the report page to be printed. */
export interface PdfPrintOptions {
  readonly paper: 'A4' | 'Letter'
  /** Chromium header/footer templates: HTML, survey text already escaped (main/report/pdf-templates). */
  readonly headerTemplate: string
  readonly footerTemplate: string
  readonly marginsMm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number }
}

export interface ServiceDeps {
  /** Pushes an event to every attached renderer (IPC window or SSE clients). */
  readonly emit: EventSink
  /** Per-user data folder; surveys live in `<dataDir>/surveys`. */
  readonly dataDir: string
  readonly platform: NodeJS.Platform
  readonly env: NodeJS.ProcessEnv
  readonly appVersion: string
  readonly mode: 'electron' | 'browser'
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** The shipped assets folder (sample survey, replay scans, icons). */
  readonly assetsDir: string
  readonly desktop: DesktopServices | null
}
