/** Coloured labels for verdicts and finding results; the word is always there, not only the colour. */
import type { FindingResult, Verdict } from '../../../shared/model/finding'
import { resultLabel, verdictLabel } from '../state/selectors'

/** A location's or survey's verdict; null (not judged, unreadable) shows a dash. */
export function VerdictBadge({ verdict, reason }: { readonly verdict: Verdict | null; readonly reason?: string }) {
  if (verdict === null) return <span className="muted" aria-label="No verdict">—</span>
  return (
    <span className={`badge verdict-${verdict}`} title={reason}>
      {verdictLabel(verdict)}
    </span>
  )
}

/** A finding's result. */
export function ResultBadge({ result }: { readonly result: FindingResult }) {
  return <span className={`badge result-${result}`}>{resultLabel(result)}</span>
}
