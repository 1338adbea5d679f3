/**
 * Opens a PDF floor plan with pdf.js (pdfjs-dist, Mozilla's PDF.js) and draws one page to a
 * lossless PNG (issue 11 item 1). Parsing runs in pdf.js's worker (./pdf-worker.ts); the page is
 * painted on a canvas here. A PDF's own code never runs: no scripting (pdf.js runs PDF JavaScript
 * only in its viewer's sandbox, which is not used), no XFA or form widgets, isEvalSupported false
 * (no `new Function` for fonts or PostScript functions, which the CSP forbids anyway). Loaded on
 * demand, so the app's first screen does not carry pdf.js.
 */
import { AnnotationMode, getDocument, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist'
import { PDF_NO_PAGES, PDF_PAGES_LISTED_WITH_SIZE, pdfOpenFailure, pdfRenderSize } from '../../../shared/map/pdf-plan'
import { PALETTE } from '../charts/palette'

/** A page's sheet size in PDF points, as shown (rotation applied). */
export interface PdfPageSize {
  readonly widthPt: number
  readonly heightPt: number
}

/** An open PDF: its pages, one of them drawn on demand; close it when done. */
export interface OpenPdf {
  readonly pageCount: number
  /** The first {@link PDF_PAGES_LISTED_WITH_SIZE} pages' sizes, page 1 first. */
  readonly sizes: readonly PdfPageSize[]
  /** Page `pageNumber` (1-based) as PNG bytes, or why it cannot be drawn within the limits. */
  drawPage(pageNumber: number): Promise<{ readonly ok: true; readonly png: Uint8Array; readonly dpi: number } | { readonly ok: false; readonly why: string }>
  close(): Promise<void>
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : ''
}

async function pageSize(pdf: PDFDocumentProxy, pageNumber: number): Promise<PdfPageSize> {
  const page = await pdf.getPage(pageNumber)
  const viewport = page.getViewport({ scale: 1 })
  return { widthPt: viewport.width, heightPt: viewport.height }
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      if (blob === null) resolve(null)
      else void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), () => resolve(null))
    }, 'image/png')
  })
}

/** Opens `bytes` as a PDF, or says why it cannot be a plan (password, damage, no pages). */
export async function openPdf(bytes: Uint8Array): Promise<{ readonly ok: true; readonly pdf: OpenPdf } | { readonly ok: false; readonly why: string }> {
  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' })
  const pdfWorker = PDFWorker.create({ port: worker })
  const close = async (): Promise<void> => {
    await task.destroy()
    pdfWorker.destroy()
    worker.terminate()
  }
  const task = getDocument({
    data: bytes.slice(), // pdf.js transfers the buffer to its worker: keep the caller's
    worker: pdfWorker,
    isEvalSupported: false,
    enableXfa: false,
    // Nothing is fetched: no standard-font, CMap, ICC or wasm files (a plan's fonts are embedded; others fall back).
    useWorkerFetch: false,
    useWasm: false,
    stopAtErrors: false
  })
  let pdf: PDFDocumentProxy
  try {
    pdf = await task.promise
  } catch (error) {
    await close()
    return { ok: false, why: pdfOpenFailure(errorName(error)) }
  }
  if (pdf.numPages < 1) {
    await close()
    return { ok: false, why: PDF_NO_PAGES }
  }
  let sizes: PdfPageSize[]
  try {
    sizes = await Promise.all(Array.from({ length: Math.min(pdf.numPages, PDF_PAGES_LISTED_WITH_SIZE) }, (_, i) => pageSize(pdf, i + 1)))
  } catch (error) {
    await close()
    return { ok: false, why: pdfOpenFailure(errorName(error)) }
  }
  return {
    ok: true,
    pdf: {
      pageCount: pdf.numPages,
      sizes,
      close,
      async drawPage(pageNumber) {
        try {
          const page = await pdf.getPage(pageNumber)
          const sheet = page.getViewport({ scale: 1 })
          const size = pdfRenderSize(sheet.width, sheet.height)
          if (!size.ok) return size
          const canvas = document.createElement('canvas')
          canvas.width = size.widthPx
          canvas.height = size.heightPx
          const viewport = page.getViewport({ scale: size.dpi / 72 })
          // White behind the drawing (pdf.js's default); annotations drawn as they print, never as live form fields.
          await page.render({ canvas, viewport, annotationMode: AnnotationMode.ENABLE, background: PALETTE.paper }).promise
          const png = await canvasPng(canvas)
          canvas.width = canvas.height = 0 // free the pixels now, not at the next collection
          return png === null ? { ok: false, why: `page ${pageNumber} could not be drawn` } : { ok: true, png, dpi: size.dpi }
        } catch {
          return { ok: false, why: `page ${pageNumber} cannot be drawn (the PDF may be damaged)` }
        }
      }
    }
  }
}
