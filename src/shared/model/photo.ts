/**
 * Photos of a location (issue 16 item 8): the mounting wall, the nearest access point, the phone
 * screenshot SITE-PHONE asks for. Kept inside the survey file (base64, as main's import left
 * them: location data removed, never re-encoded), so the file stays one atomic document.
 */
import { z } from 'zod'
import { TEXT_LIMITS } from './text-limits'

/**
 * What photos may weigh and measure; said in the UI and enforced on import. The survey file is at
 * most 64 MiB (main/survey/survey-file.ts) and base64 adds a third: 24 MB of photos (32 MiB as
 * text) beside 16 MB of plans (21.3 MiB) leaves room for the measurements.
 */
export const PHOTO_LIMITS = {
  /** One photo as imported (a 12 MP phone JPEG is 2–5 MB). */
  maxBytes: 8 * 1024 * 1024,
  /** Width × height: 50 MP phone sensors; Chromium decodes every thumbnail and report image. */
  maxPixels: 50_000_000,
  /** Longest side: Chromium draws images up to 16384 px a side. */
  maxSidePx: 16384,
  perLocation: 6,
  /** Every photo of one survey together. */
  maxTotalBytes: 24 * 1024 * 1024
} as const

/** The limits in words, for the photo control and every refusal. */
export const PHOTO_LIMITS_TEXT = `JPEG or PNG, up to ${PHOTO_LIMITS.maxBytes / 1048576} MB and ${PHOTO_LIMITS.maxPixels / 1e6} megapixels each; ${PHOTO_LIMITS.perLocation} photos per location; all photos of a survey together up to ${PHOTO_LIMITS.maxTotalBytes / 1048576} MB`

/** What a photo shows. */
export const PHOTO_KINDS = ['mounting-wall', 'access-point', 'phone-screenshot', 'other'] as const
export const photoKindSchema = z.enum(PHOTO_KINDS)
export type PhotoKind = z.infer<typeof photoKindSchema>

/** Each kind as shown (survey page, report). */
export const PHOTO_KIND_LABELS: Readonly<Record<PhotoKind, string>> = {
  'mounting-wall': 'Mounting wall',
  'access-point': 'Nearest access point',
  'phone-screenshot': 'Phone screenshot (SITE-PHONE)',
  other: 'Other'
}

/** The formats kept (never re-encoded). HEIC is refused on import: see main/photos. */
export const photoMediaTypeSchema = z.enum(['image/jpeg', 'image/png'])
export type PhotoMediaType = z.infer<typeof photoMediaTypeSchema>

export const photoSchema = z.object({
  id: z.string().max(64),
  /** The imported file's name, for messages. Attacker-controlled text. */
  fileName: z.string().max(255),
  kind: photoKindSchema,
  /** The technician's caption; also the image's alt text. Attacker-controlled text. */
  caption: z.string().max(TEXT_LIMITS.photoCaption),
  mediaType: photoMediaTypeSchema,
  /** The stored pixels (before the EXIF orientation turns them). */
  widthPx: z.number().int().min(1).max(PHOTO_LIMITS.maxSidePx),
  heightPx: z.number().int().min(1).max(PHOTO_LIMITS.maxSidePx),
  /** EXIF orientation 1–8 kept in the file (1: as stored); browsers and the report honour it. */
  orientation: z.number().int().min(1).max(8),
  /** What the import removed, in words ("GPS location", "camera details (EXIF)"); empty: nothing was there. */
  removed: z.array(z.string().max(100)).max(20).readonly(),
  addedAt: z.string().max(40),
  /** The file's bytes after import, base64. */
  data: z.string().max(Math.ceil(PHOTO_LIMITS.maxBytes / 3) * 4)
})
export type Photo = Readonly<z.infer<typeof photoSchema>>

/** The photo as a data: URL for an <img> (Chromium honours its EXIF orientation: `image-orientation: from-image`). */
export function photoDataUrl(photo: Pick<Photo, 'mediaType' | 'data'>): string {
  return `data:${photo.mediaType};base64,${photo.data}`
}
