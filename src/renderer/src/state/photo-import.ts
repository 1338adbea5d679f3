/**
 * Adding a picked file as a photo of a location: main checks and strips it (`photo:import`:
 * location data removed, never re-encoded), the survey's own limits are checked here, and the
 * browser decodes it once to prove the pixels behind the header are whole. A HEIC file is tried
 * in the browser first: where the platform decodes it, its pixels become a PNG (lossless, turned
 * upright, no metadata at all); where not (Chromium on Linux and Windows), it is refused saying so.
 * Every refusal names the file; nothing in the survey changes on one.
 */
import { getApi } from '../api'
import { decodes } from '../map/import-plan'
import { bytesToBase64, base64ByteLength } from '../../../shared/map/plan-image'
import { PHOTO_LIMITS, photoDataUrl, type Photo, type PhotoKind } from '../../../shared/model/photo'
import type { Survey } from '../../../shared/model/survey'
import { photoAdmissionProblem } from '../../../shared/photos/photo-admission'
import { heicRefusal, isHeif, photoRefusal } from '../../../shared/photos/photo-format'
import { newId } from './survey-edits'

export type PhotoFileImport = { readonly ok: true; readonly photo: Photo } | { readonly ok: false; readonly message: string }

/** A HEIC's pixels as PNG bytes where this browser decodes HEIC; null where it does not. */
async function heicAsPng(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const bitmap = await createImageBitmap(new Blob([bytes.slice()], { type: 'image/heic' }), { imageOrientation: 'from-image' })
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
    return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
  } catch {
    return null
  }
}

/** Reads, checks and strips `file` as a photo of kind `kind` at `locationId` of `survey`. */
export async function importPhotoFile(file: File, survey: Survey, locationId: string, kind: PhotoKind): Promise<PhotoFileImport> {
  const fileName = file.name.slice(0, 255) || 'photo'
  if (file.size > PHOTO_LIMITS.maxBytes) return { ok: false, message: photoRefusal(fileName, `it is ${(file.size / 1048576).toFixed(1)} MB`) }
  let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer())
  if (isHeif(bytes)) {
    const png = await heicAsPng(bytes)
    if (png === null) return { ok: false, message: heicRefusal(fileName) }
    bytes = png
  }
  const outcome = await getApi().request('photo:import', { fileName, data: bytesToBase64(bytes) })
  if (!outcome.ok) return { ok: false, message: outcome.message }
  const problem = photoAdmissionProblem(survey, locationId, fileName, base64ByteLength(outcome.photo.data))
  if (problem !== null) return { ok: false, message: problem }
  if (!(await decodes(photoDataUrl(outcome.photo)))) {
    return { ok: false, message: photoRefusal(fileName, `the image is damaged (its header says ${outcome.photo.widthPx} × ${outcome.photo.heightPx} px, but the browser cannot draw it)`) }
  }
  return { ok: true, photo: { id: newId(), fileName, kind, caption: '', ...outcome.photo, addedAt: new Date().toISOString() } }
}
