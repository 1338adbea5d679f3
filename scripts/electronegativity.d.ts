/** Types for scripts/electronegativity.js (plain JS so the gate runs with plain `node`). */
export interface Finding {
  readonly id: string
  readonly severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  readonly confidence: string
  readonly file: string
  readonly line: number
  readonly column: number
  readonly manualReview: boolean
  readonly description: string
}
export interface Suppression {
  readonly id: string
  readonly file: string
  readonly why: string
}
export interface ScanResult {
  readonly findings: Finding[]
  readonly failing: Finding[]
  readonly suppressed: { finding: Finding; suppression: Suppression }[]
  readonly unused: Suppression[]
  readonly parseErrors: { file: string; message: string }[]
  readonly checks: number
}
export declare const SEVERITIES: readonly string[]
export declare const FAIL_AT: string
export declare const EXCLUDED_CHECKS: readonly string[]
export declare const SUPPRESSIONS: readonly Suppression[]
export declare function suppressionFor(finding: Finding, suppressions?: readonly Suppression[]): Suppression | undefined
export declare function scan(input?: string, suppressions?: readonly Suppression[]): Promise<ScanResult>
