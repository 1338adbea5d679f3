/**
 * Importing a floor plan from a file the user picked: checked from its own bytes (type, pixel
 * size, limits), decoded once by the browser to prove the image is whole, then kept as imported.
 * Every refusal names the file and says the limits; nothing in the survey changes on a refusal.
 */
import { bytesToBase64, inspectPlanBytes, planByteLength, PLAN_LIMITS_TEXT } from '../../../shared/map/plan-image'
import type { Survey } from '../../../shared/model/survey'
import { PLAN_LIMITS, type Plan } from '../../../shared/model/survey-map'

/** A plan ready to keep, or why not. */
export type PlanImport = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly message: string }

/** Decodes the image in the browser: a header can be right and the pixels behind it damaged. */
async function decodes(url: string): Promise<boolean> {
  const img = new Image()
  img.src = url
  try {
    await img.decode()
    return true
  } catch {
    return false
  }
}

/** Reads and checks a picked file as the plan of level `levelId` of `survey`. */
export async function importPlanFile(file: File, survey: Survey, levelId: string): Promise<PlanImport> {
  if (file.size > PLAN_LIMITS.maxBytes) {
    return { ok: false, message: `${file.name} cannot be a floor plan: it is ${(file.size / 1048576).toFixed(1)} MB. Plans are ${PLAN_LIMITS_TEXT}.` }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const seen = inspectPlanBytes(bytes, file.name)
  if (!seen.ok) return { ok: false, message: seen.message }
  const others = survey.map.levels.reduce((sum, l) => sum + (l.id !== levelId && l.plan !== null ? planByteLength(l.plan) : 0), 0)
  if (others + bytes.length > PLAN_LIMITS.maxTotalBytes) {
    return {
      ok: false,
      message: `${file.name} would bring this survey's plans to ${((others + bytes.length) / 1048576).toFixed(1)} MB; all plans of a survey together may be up to ${PLAN_LIMITS.maxTotalBytes / 1048576} MB. Use a smaller export of the plan (PNG at a lower resolution, or SVG).`
    }
  }
  const plan: Plan = { fileName: file.name.slice(0, 255), mediaType: seen.mediaType, widthPx: seen.widthPx, heightPx: seen.heightPx, data: bytesToBase64(bytes) }
  if (!(await decodes(`data:${plan.mediaType};base64,${plan.data}`))) {
    return { ok: false, message: `${file.name} cannot be a floor plan: the image is damaged (its header says ${seen.widthPx} × ${seen.heightPx} px, but the browser cannot draw it).` }
  }
  return { ok: true, plan }
}
