/**
 * Findings and verdicts: the result of judging one requirement (by its ID) at one location.
 */
import { z } from 'zod'

export const requirementIdSchema = z.enum([
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
])
export type RequirementId = z.infer<typeof requirementIdSchema>

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
