/**
 * The survey's map: levels of the garage, each with an optional floor plan kept inside the survey
 * file, the scale that turns plan pixels into metres, where each location is, and extra survey
 * points (a walk between stalls) that feed the heatmap and never a verdict.
 *
 * Positions are plan pixels from the plan's top-left corner: they stay true whether or not a scale
 * is set, and a scale set later (or corrected) moves nothing.
 */
import { z } from 'zod'
import { observationSchema } from './observation'
import { TEXT_LIMITS } from './text-limits'

/** What a plan may weigh and measure; said in the UI and enforced on import and on load. */
export const PLAN_LIMITS = {
  /** One plan file as imported. */
  maxBytes: 10 * 1024 * 1024,
  /** Every plan of one survey together: the survey stays under the web API's 32 MiB request body. */
  maxTotalBytes: 16 * 1024 * 1024,
  /** Longest side (Chromium draws canvases up to 16384 px a side; the report rasterises the plan). */
  maxSidePx: 10000,
  /** Width × height. 40 MP holds a 6000 × 4000 scan of an A0 drawing. */
  maxPixels: 40_000_000
} as const

/** The image formats a plan may be: kept as imported, never re-encoded. */
export const planMediaTypeSchema = z.enum(['image/png', 'image/jpeg', 'image/svg+xml'])
export type PlanMediaType = z.infer<typeof planMediaTypeSchema>

/** A point on a plan, in plan pixels from its top-left corner. */
export const planPointSchema = z.object({ x: z.number().finite(), y: z.number().finite() })
export type PlanPoint = Readonly<z.infer<typeof planPointSchema>>

/** A floor plan image, embedded as base64 exactly as imported. */
export const planSchema = z.object({
  /** The imported file's name, for messages ("P1.png"). */
  fileName: z.string().max(255),
  mediaType: planMediaTypeSchema,
  widthPx: z.number().int().min(1).max(PLAN_LIMITS.maxSidePx),
  heightPx: z.number().int().min(1).max(PLAN_LIMITS.maxSidePx),
  /** The file's bytes in base64 (4 characters per 3 bytes). */
  data: z.string().max(Math.ceil(PLAN_LIMITS.maxBytes / 3) * 4)
})
export type Plan = Readonly<z.infer<typeof planSchema>>

/** Length units a survey shows distances in; positions are always stored in plan pixels. */
export const lengthUnitSchema = z.enum(['m', 'ft'])
export type LengthUnit = z.infer<typeof lengthUnitSchema>

/** The scale of a plan: two points on it and the real distance between them. */
export const planScaleSchema = z.object({
  a: planPointSchema,
  b: planPointSchema,
  /** The distance between a and b in metres (typed in the survey's unit, stored in metres). */
  metres: z.number().positive().finite()
})
export type PlanScale = Readonly<z.infer<typeof planScaleSchema>>

/** One level of the garage ("P1", "P2 – upper deck"). */
export const levelSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(TEXT_LIMITS.levelName),
  plan: planSchema.nullable(),
  scale: planScaleSchema.nullable()
})
export type Level = Readonly<z.infer<typeof levelSchema>>

/** Where a location is: its level and, once pinned on the plan, its position. */
export const placementSchema = z.object({
  levelId: z.string().max(64),
  position: planPointSchema.nullable()
})
export type Placement = Readonly<z.infer<typeof placementSchema>>

/** One scan snapshot at a survey point: observations only, never judged. */
export const pointMeasurementSchema = z.object({
  id: z.string().max(64),
  takenAt: z.string().max(40),
  scanCount: z.number().int().min(0),
  observations: z.array(observationSchema).readonly()
})
export type PointMeasurement = Readonly<z.infer<typeof pointMeasurementSchema>>

/**
 * A survey point that is not a stall (a walk between stalls): measured for the heatmap only. It
 * has no findings and no verdict, so the survey's verdict is never decided by one.
 */
export const surveyPointSchema = z.object({
  id: z.string().max(64),
  levelId: z.string().max(64),
  position: planPointSchema,
  /** Oldest first; the latest counts for the heatmap. */
  measurements: z.array(pointMeasurementSchema).readonly()
})
export type SurveyPoint = Readonly<z.infer<typeof surveyPointSchema>>

/** The survey's map. */
export const surveyMapSchema = z.object({
  units: lengthUnitSchema,
  levels: z.array(levelSchema).readonly(),
  points: z.array(surveyPointSchema).readonly()
})
export type SurveyMap = Readonly<z.infer<typeof surveyMapSchema>>

/** The map of a survey that has none yet. */
export const EMPTY_MAP: SurveyMap = { units: 'm', levels: [], points: [] }
