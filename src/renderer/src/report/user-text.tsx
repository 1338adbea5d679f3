/**
 * Survey text in the report: always a React text node (never markup), isolated from the
 * surrounding text's direction, with hidden characters made visible (see `visibleText`).
 */
import { visibleText } from '../../../shared/text/hidden-chars'

/** One piece of survey text (SSID, site name, note). */
export function UserText(props: { readonly text: string; readonly multiline?: boolean; readonly empty?: string }) {
  if (props.text === '') return <span className="rpt-muted">{props.empty ?? '—'}</span>
  return <bdi>{visibleText(props.text, { multiline: props.multiline ?? false })}</bdi>
}
