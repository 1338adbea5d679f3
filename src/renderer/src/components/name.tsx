/**
 * A name as people see it (issue 16 item 9): site, location, level, survey and network names are
 * attacker-controlled text of any length. One component shows them everywhere: as a text node
 * (never markup), direction-isolated (`<bdi>`), hidden and bidi characters made visible through
 * `visibleText` ("stall\u202Egnp.exe" reads "stall[U+202E]gnp.exe", never "stallexe.png"), and
 * held to its box: a long name wraps anywhere, or in tight cells is cut to one or two lines with
 * an ellipsis, the full visible name in `title` (hover) and shown whole while the element holding
 * it has keyboard focus (name.css). The DOM text is always the whole name, so the accessible name
 * of a button or cell holding it is whole too.
 */
import './name.css'
import { visibleText } from '../../../shared/text/hidden-chars'

/**
 * A name for an attribute or a sentence (aria-label, title, a message): visible characters only.
 * Null or undefined (a field an older file lacks) is `empty`, never a crash.
 */
export function nameText(text: string | null | undefined, empty = ''): string {
  return typeof text === 'string' && text !== '' ? visibleText(text) : empty
}

/**
 * A name for a place with no room and no CSS (a chart axis, an SVG label): its visible text, cut
 * to `max` characters with an ellipsis. Only what is drawn is cut; the name itself never is.
 */
export function shortName(text: string | null | undefined, max: number, empty = ''): string {
  const shown = nameText(text, empty)
  return shown.length <= max ? shown : `${shown.slice(0, max - 1).trimEnd()}…`
}

/** How a name fits its box: wrap anywhere (default), one line with an ellipsis, or two lines then an ellipsis. */
export type NameFit = 'wrap' | 'line' | 'clamp'

/**
 * A name. `empty` is shown (muted) for an empty or missing name. `focusable` makes a cut name a
 * tab stop of its own, for one that stands outside any control (the top bar's site name).
 */
export function Name(props: { readonly text: string | null | undefined; readonly fit?: NameFit; readonly empty?: string; readonly className?: string; readonly multiline?: boolean; readonly focusable?: boolean }) {
  const fit = props.fit ?? 'wrap'
  const shown = typeof props.text === 'string' ? visibleText(props.text, { multiline: props.multiline ?? false }) : ''
  if (shown === '') return <span className={`name name-empty ${props.className ?? ''}`}>{props.empty ?? '—'}</span>
  return (
    <bdi className={`name name-${fit} ${props.className ?? ''}`} title={fit === 'wrap' ? undefined : shown} tabIndex={props.focusable === true && fit !== 'wrap' ? 0 : undefined}>
      {shown}
    </bdi>
  )
}
