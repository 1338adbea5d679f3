/**
 * What every scanner (Linux, Windows, macOS, replay) offers the scan loop.
 */
import type { ScanError } from '../../../shared/contract'
import type { ParseResult } from '../../../shared/model/observation'

export type ScanOutcome = ({ readonly ok: true } & ParseResult) | { readonly ok: false; readonly error: ScanError }

export interface Scanner {
  /** Human name for app:info, e.g. "Linux (nmcli + iw + node-wifi)". */
  readonly name: string
  /** Shortest useful gap between scan starts (never below 2000 ms: OS scans take 2–4 s). */
  readonly minIntervalMs: number
  /** One scan; expected failures are values. */
  scan(): Promise<ScanOutcome>
}

/** The interval floor every scanner respects. */
export const MIN_INTERVAL_MS = 2000
