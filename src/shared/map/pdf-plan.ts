/**
 * A PDF floor plan becomes one of its pages drawn as a PNG (issue 11 item 1): which resolution
 * the page is drawn at so the PNG fits the plan limits, how the chosen page is named in the
 * survey, and what a PDF that cannot be used is told as. The drawing itself is pdf.js in the
 * renderer (src/renderer/src/map/pdf-page-render.ts); this part is pure (no Node, DOM or Electron).
 */
import { PLAN_LIMITS } from '../model/survey-map'

/** The resolution a page is drawn at when the limits allow it: enough to read stall numbers on an A1 sheet. */
export const PDF_PLAN_DPI = 150

/**
 * The least resolution a page is drawn at: a sheet that fits the pixel limits only below it
 * (wider than 200 inches a side, or over 40 megapixels at this resolution) is refused, because
 * its lines and labels would not be legible.
 */
export const PDF_PLAN_MIN_DPI = 50

/** PDF user space is 72 points per inch. */
const POINTS_PER_INCH = 72

/** How many pages of a PDF are offered by their number and sheet size (larger files: by number only). */
export const PDF_PAGES_LISTED_WITH_SIZE = 100

/** The pixel size a page is drawn at, or why it cannot be. */
export type PdfRenderSize =
  | { readonly ok: true; readonly dpi: number; readonly widthPx: number; readonly heightPx: number }
  | { readonly ok: false; readonly why: string }

/** A page's sheet size in millimetres, rounded ("297 × 210 mm"). */
export function pageSizeText(widthPt: number, heightPt: number): string {
  const mm = (pt: number): number => Math.round((pt / POINTS_PER_INCH) * 25.4)
  return `${mm(widthPt)} × ${mm(heightPt)} mm`
}

/**
 * The resolution and pixel size a page of `widthPt` × `heightPt` points (as shown, rotation
 * applied) is drawn at: {@link PDF_PLAN_DPI}, or less when that would pass the longest-side or
 * megapixel limit, never below {@link PDF_PLAN_MIN_DPI}.
 */
export function pdfRenderSize(widthPt: number, heightPt: number): PdfRenderSize {
  if (!(Number.isFinite(widthPt) && Number.isFinite(heightPt) && widthPt > 0 && heightPt > 0)) {
    return { ok: false, why: 'the page has no size' }
  }
  const wIn = widthPt / POINTS_PER_INCH
  const hIn = heightPt / POINTS_PER_INCH
  const bySide = PLAN_LIMITS.maxSidePx / Math.max(wIn, hIn)
  const byPixels = Math.sqrt(PLAN_LIMITS.maxPixels / (wIn * hIn))
  const dpi = Math.min(PDF_PLAN_DPI, bySide, byPixels)
  if (dpi < PDF_PLAN_MIN_DPI) {
    const w = Math.round(wIn * PDF_PLAN_MIN_DPI)
    const h = Math.round(hIn * PDF_PLAN_MIN_DPI)
    return { ok: false, why: `the page is ${pageSizeText(widthPt, heightPt)}: even at ${PDF_PLAN_MIN_DPI} dpi it would be ${w} × ${h} px` }
  }
  // Rounded to the nearest pixel (a sheet of 841.91998 pt is 1754 px at 150 dpi, not 1753); where
  // that would pass a limit the page was fitted to, rounded down instead.
  const round = { w: Math.max(1, Math.round(wIn * dpi)), h: Math.max(1, Math.round(hIn * dpi)) }
  const fits = Math.max(round.w, round.h) <= PLAN_LIMITS.maxSidePx && round.w * round.h <= PLAN_LIMITS.maxPixels
  const px = fits ? round : { w: Math.max(1, Math.floor(wIn * dpi)), h: Math.max(1, Math.floor(hIn * dpi)) }
  return { ok: true, dpi, widthPx: px.w, heightPx: px.h }
}

/** Whether bytes are a PDF: its header within the first 1024 bytes, where readers look for it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

/**
 * The plan's file name as kept in the survey: the PDF's name and the page ("garage.pdf, page 2"),
 * within the model's 255 characters (the PDF's name is shortened, the page always kept).
 */
export function pdfPlanFileName(pdfName: string, pageNumber: number): string {
  const page = `, page ${pageNumber}`
  return pdfName.slice(0, 255 - page.length) + page
}

/** What a PDF that pdf.js could not open is told as (after "<file> cannot be a floor plan: "). */
export function pdfOpenFailure(errorName: string): string {
  if (errorName === 'PasswordException') return 'the PDF is protected by a password; save a copy without the password (or export the page as PNG) and import that'
  if (errorName === 'InvalidPDFException') return 'the PDF is damaged (its structure cannot be read)'
  return 'the PDF cannot be read (it may be damaged)'
}

/** The refusal of a PDF that has no pages. */
export const PDF_NO_PAGES = 'the PDF has no pages'
