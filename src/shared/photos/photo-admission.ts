/**
 * Whether one more photo fits the location and the survey (PHOTO_LIMITS): the limits main cannot
 * check alone, since the survey lives in the renderer until it is saved. Pure.
 */
import { PHOTO_LIMITS } from '../model/photo'
import type { Survey } from '../model/survey'
import { base64ByteLength } from '../map/plan-image'

const megabytes = (n: number): string => `${(n / 1048576).toFixed(1)} MB`

/** Bytes of every photo of a survey. */
export function surveyPhotoBytes(survey: Survey): number {
  return survey.locations.reduce((sum, l) => sum + l.photos.reduce((n, p) => n + base64ByteLength(p.data), 0), 0)
}

/** Why a photo of `byteLength` bytes named `fileName` cannot be added at `locationId`, or null when it can. */
export function photoAdmissionProblem(survey: Survey, locationId: string, fileName: string, byteLength: number): string | null {
  const location = survey.locations.find((l) => l.id === locationId)
  if (location === undefined) return `${fileName} was not added: its location was removed meanwhile.`
  if (location.photos.length >= PHOTO_LIMITS.perLocation) {
    return `${fileName} was not added: this location already has ${PHOTO_LIMITS.perLocation} photos, the most a location may have. Remove one first.`
  }
  const total = surveyPhotoBytes(survey) + byteLength
  if (total > PHOTO_LIMITS.maxTotalBytes) {
    return `${fileName} was not added: it would bring this survey's photos to ${megabytes(total)}; all photos of a survey together may be up to ${PHOTO_LIMITS.maxTotalBytes / 1048576} MB. Remove a photo or add a smaller one.`
  }
  return null
}
