/**
 * Importing a floor plan from a file the user picked: checked from its own bytes (type, pixel
 * size, limits), decoded once by the browser to prove the image is whole, then kept as imported.
 * A PDF is opened with pdf.js and one page, chosen by the user, is kept as a PNG drawn from it
 * (./pdf-page-render.ts). Every refusal names the file and says the limits; nothing in the survey
 * changes on a refusal.
 */
import { isPdf, pdfPlanFileName } from '../../../shared/map/pdf-plan'
import { bytesToBase64, inspectPlanBytes, planByteLength, planRefusal } from '../../../shared/map/plan-image'
import type { Survey } from '../../../shared/model/survey'
import { PLAN_LIMITS, type Plan } from '../../../shared/model/survey-map'
import type { OpenPdf } from './pdf-page-render'

/** A plan ready to keep, or why not. */
export type PlanImport = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly message: string }

/** What reading a picked file gives: a plan, a PDF whose page is to be chosen, or a refusal. */
export type PlanFileRead = PlanImport | { readonly ok: 'pdf'; readonly fileName: string; readonly pdf: OpenPdf }

/** Decodes the image in the browser: a header can be right and the pixels behind it damaged. */
export async function decodes(url: string): Promise<boolean> {
  const img = new Image()
  img.src = url
  try {
    await img.decode()
    return true
  } catch {
    return false
  }
}

/** Checks image bytes (as imported, or drawn from a PDF page) as the plan of level `levelId`, named `fileName`. */
async function planFromImage(bytes: Uint8Array, fileName: string, survey: Survey, levelId: string): Promise<PlanImport> {
  const seen = inspectPlanBytes(bytes, fileName)
  if (!seen.ok) return { ok: false, message: seen.message }
  const others = survey.map.levels.reduce((sum, l) => sum + (l.id !== levelId && l.plan !== null ? planByteLength(l.plan) : 0), 0)
  if (others + bytes.length > PLAN_LIMITS.maxTotalBytes) {
    return {
      ok: false,
      message: `${fileName} would bring this survey's plans to ${((others + bytes.length) / 1048576).toFixed(1)} MB; all plans of a survey together may be up to ${PLAN_LIMITS.maxTotalBytes / 1048576} MB. Use a smaller export of the plan (PNG at a lower resolution, or SVG).`
    }
  }
  const plan: Plan = { fileName: fileName.slice(0, 255), mediaType: seen.mediaType, widthPx: seen.widthPx, heightPx: seen.heightPx, data: bytesToBase64(bytes) }
  if (!(await decodes(`data:${plan.mediaType};base64,${plan.data}`))) {
    return { ok: false, message: `${fileName} cannot be a floor plan: the image is damaged (its header says ${seen.widthPx} × ${seen.heightPx} px, but the browser cannot draw it).` }
  }
  return { ok: true, plan }
}

/** Reads and checks a picked file as the plan of level `levelId` of `survey`; a PDF is opened for its page to be chosen. */
export async function readPlanFile(file: File, survey: Survey, levelId: string): Promise<PlanFileRead> {
  if (file.size > PLAN_LIMITS.maxBytes) return { ok: false, message: planRefusal(file.name, `it is ${(file.size / 1048576).toFixed(1)} MB`) }
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (!isPdf(bytes)) return planFromImage(bytes, file.name, survey, levelId)
  const { openPdf } = await import('./pdf-page-render')
  const opened = await openPdf(bytes)
  return opened.ok ? { ok: 'pdf', fileName: file.name, pdf: opened.pdf } : { ok: false, message: planRefusal(file.name, opened.why) }
}

/** Page `pageNumber` of an open PDF as the plan of level `levelId`, named "<file>, page N". */
export async function planFromPdfPage(read: { readonly fileName: string; readonly pdf: OpenPdf }, pageNumber: number, survey: Survey, levelId: string): Promise<PlanImport> {
  const drawn = await read.pdf.drawPage(pageNumber)
  const name = pdfPlanFileName(read.fileName, pageNumber)
  if (!drawn.ok) return { ok: false, message: planRefusal(name, drawn.why) }
  return planFromImage(drawn.png, name, survey, levelId)
}
