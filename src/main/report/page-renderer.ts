/**
 * What prints the report page: Electron's hidden window (desktop) or headless Chromium through
 * playwright-core (browser mode, CLI). Both wait for the page's own "ready" signal.
 */
import type { PdfPrintOptions } from '../service-deps'

export type { PdfPrintOptions }

/** Prints or captures pages served by the report server. */
export interface PageRenderer {
  printToPdf(url: string, options: PdfPrintOptions): Promise<Uint8Array>
  capturePng(url: string, size: { readonly width: number; readonly height: number }): Promise<Uint8Array>
  /** Releases the browser, when the renderer owns one. */
  close(): Promise<void>
}

/** How long the page may take to fetch its data and lay out (50 locations take ~1 s). */
export const PAGE_READY_TIMEOUT_MS = 60_000

/** Thrown when the page reports `data-report-state="error"`: its message is for the user. */
export class ReportPageError extends Error {}
