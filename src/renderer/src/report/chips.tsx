/**
 * Coloured labels for verdicts, finding results and probe outcomes. The word is always printed:
 * colour alone does not survive a black-and-white printer.
 */
import type { FindingResult, Verdict } from '../../../shared/model/finding'
import type { ProbeOutcome } from '../../../shared/model/probe'
import { RESULT_LABEL, VERDICT_LABEL } from '../../../shared/requirements/labels'

/** A location's or the survey's verdict. */
export function VerdictChip(props: { readonly verdict: Verdict }) {
  return <span className={`rpt-chip rpt-v-${props.verdict}`}>{VERDICT_LABEL[props.verdict]}</span>
}

/** A finding's result. */
export function ResultChip(props: { readonly result: FindingResult }) {
  return <span className={`rpt-chip rpt-r-${props.result}`}>{RESULT_LABEL[props.result]}</span>
}

const OUTCOME_LABEL: Readonly<Record<ProbeOutcome, string>> = { pass: 'Pass', fail: 'Fail', 'not-run': 'Not run' }

/** A probe check's outcome. */
export function OutcomeChip(props: { readonly outcome: ProbeOutcome }) {
  return <span className={`rpt-chip rpt-r-${props.outcome}`}>{OUTCOME_LABEL[props.outcome]}</span>
}
