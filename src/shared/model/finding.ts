/**
 * Findings and verdicts: the result of judging one requirement (by its ID) at one location.
 */
import { z } from 'zod'
import { knownName, nameForDisplay, newerNameSchema } from './newer-names'

/** The requirement IDs this build knows (its profile's, in any version of it). */
export const REQUIREMENT_IDS = [
  'WIFI-SEC',
  'WIFI-AUTH',
  'WIFI-BAND',
  'WIFI-WIDTH',
  'WIFI-PHY',
  'WIFI-RATE',
  'WIFI-SIGNAL',
  'WIFI-MIXED',
  'WIFI-HIDDEN',
  'WIFI-STEER',
  'WIFI-STABLE',
  'WIFI-PORTAL',
  'NET-DNS',
  'NET-NTP',
  'NET-HTTP',
  'NET-TLS',
  'NET-DOMAINS',
  'SITE-BILLING',
  'SITE-PHONE',
  'WC-ONLINE',
  'WC-NETWORK',
  'WC-SIGNAL'
] as const
export type RequirementId = (typeof REQUIREMENT_IDS)[number]

/**
 * A requirement ID as a file stores it: one this build knows, or one a newer build added (a new
 * rule). A file carrying an ID this build does not know is not damaged: it was written by a newer
 * version, and its finding is shown as "unknown (written by a newer version)", never as a pass.
 * The brand keeps such an ID out of anything keyed by RequirementId until narrowed (knownName).
 */
export const requirementIdSchema = z.union([z.enum(REQUIREMENT_IDS), newerNameSchema.brand<'NewerRequirementId'>()])
export type StoredRequirementId = z.infer<typeof requirementIdSchema>

/** A stored requirement ID as one this build knows, or null (written by a newer version). */
export function knownRequirement(id: string): RequirementId | null {
  return knownName(REQUIREMENT_IDS, id)
}

/** A stored requirement ID as shown to a person (app, report, CLI): see nameForDisplay. */
export function requirementIdForDisplay(id: string): string {
  return nameForDisplay(REQUIREMENT_IDS, id)
}

/** `unknown` is never a pass: it always tells how to verify on the access point. */
export const findingResultSchema = z.enum(['pass', 'warn', 'fail', 'unknown'])
export type FindingResult = z.infer<typeof findingResultSchema>

export const findingSchema = z.object({
  requirement: requirementIdSchema,
  result: findingResultSchema,
  /** What was seen: which BSS, which value. Plain text. */
  evidence: z.string().max(4000),
  /** BSSIDs the evidence refers to (for highlighting), may be empty. */
  bssids: z.array(z.string().max(32)).readonly().default([]),
  explanation: z.string().max(2000),
  /** What a technician or network admin does about it; empty for a pass. */
  remediation: z.string().max(2000)
})
export type Finding = Readonly<z.infer<typeof findingSchema>> & {
  /**
   * The remediation is a survey step for the technician (measure again, run the firewall check
   * here, verify a setting the scanner cannot see, take the phone screenshot), not a change to the
   * network. Set by the rules when judging, never stored: a stored finding is judged afresh.
   */
  readonly step?: true
}

export const verdictSchema = z.enum(['ready', 'ready-with-warnings', 'not-ready', 'incomplete'])
export type Verdict = z.infer<typeof verdictSchema>

export interface VerdictWithReason {
  readonly verdict: Verdict
  readonly reason: string
}
