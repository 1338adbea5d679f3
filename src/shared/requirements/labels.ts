/**
 * The words for each verdict and finding result, defined once: the app, the report and the CLI
 * (upper-cased there) all read these, so a site manager and a technician see the same wording.
 */
import type { FindingResult, Verdict } from '../model/finding'

/** The words a customer reads for each verdict. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ready: 'Ready',
  'ready-with-warnings': 'Ready, with warnings',
  'not-ready': 'Not ready',
  incomplete: 'Incomplete'
}

/** The words for each finding result; unknown says what to do, it is never a pass. */
export const RESULT_LABEL: Readonly<Record<FindingResult, string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Unknown'
}

/** A glyph per verdict, beside the word wherever a verdict is a mark (map pins): never colour alone. */
export const VERDICT_GLYPH: Readonly<Record<Verdict, string>> = {
  ready: '✓',
  'ready-with-warnings': '!',
  'not-ready': '✕',
  incomplete: '?'
}
