/**
 * Survey text in the report: always a React text node (never markup), isolated from the
 * surrounding text's direction, with hidden characters made visible (see `visibleText`).
 */
import { Name } from '../components/name'

/** One piece of survey text (SSID, site name, note). */
export function UserText(props: { readonly text: string; readonly multiline?: boolean; readonly empty?: string }) {
  if (props.text === '') return <span className="rpt-muted">{props.empty ?? '—'}</span>
  // Wraps anywhere: a 130-character name must not push a page wider than the paper.
  return <Name text={props.text} multiline={props.multiline ?? false} />
}
