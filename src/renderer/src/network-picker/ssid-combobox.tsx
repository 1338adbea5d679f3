/**
 * The SSID field with the networks of the latest scan (issue 16 item 2): an editable combobox
 * after the WAI-ARIA "combobox with list autocomplete" pattern. Typing stays free (a hidden
 * network's name can only be typed); the list filters by what was typed. Keys: ↓/↑ open and move,
 * Alt+↓ opens, Enter picks, Escape closes, Tab leaves. The focus never leaves the input.
 */
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { TextLimitKey } from '../../../shared/model/text-limits'
import { describedBy as joinIds, useTextLimit } from '../components/fields'
import type { NetworkChoice, NetworkChoices } from './network-choices'

export interface SsidComboboxProps {
  readonly label: string
  readonly value: string
  readonly onChange: (ssid: string) => void
  readonly disabled?: boolean
  /** The TEXT_LIMITS entry the SSID is counted against. */
  readonly limit: TextLimitKey
  readonly hint?: ReactNode
  /** The latest scan's networks; null when there is no scan yet. */
  readonly choices: NetworkChoices | null
  /** Where the networks come from ("the live scan"), said above the list. */
  readonly sourceLabel: string
  /** Shown under the field when there is no scan (a "Scan for networks" button, or why not). */
  readonly noScan?: ReactNode
  readonly className?: string
}

/** The list's accessible description of one network: "HarbourPoint-EV, 2.4 + 5 GHz, −48 dBm, WPA2 · CCMP". */
function describe(c: NetworkChoice): string {
  const bands = c.bands === '—' ? 'band not reported' : `${c.bands} GHz`
  // Whole dB: a measurement averages its scans (-67.5), a precision no radio reading has.
  const signal = c.bestSignalDbm === null ? 'signal not reported' : `${Math.round(c.bestSignalDbm)} dBm`
  return `${bands}, ${signal}, ${c.security}`
}

/** Case-insensitive "contains" on the displayed name; '' shows every network. */
function filtered(choices: readonly NetworkChoice[], text: string): readonly NetworkChoice[] {
  const needle = text.trim().toLowerCase()
  return needle === '' ? choices : choices.filter((c) => c.label.toLowerCase().includes(needle))
}

/** The combobox. */
export function SsidCombobox(props: SsidComboboxProps) {
  const id = useId()
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const limited = useTextLimit(props.limit, props.label, id)
  const [open, setOpen] = useState(false)
  // Filter only after typing: opening the list shows every network, the current value included.
  const [filter, setFilter] = useState<string | null>(null)
  const [active, setActive] = useState(-1)
  const all = props.choices?.choices
  const shown = useMemo(() => filtered(all ?? [], filter ?? ''), [all, filter])
  const expanded = open && props.choices !== null && !props.disabled
  const activeChoice = expanded ? shown[active] : undefined

  const show = (at: number): void => {
    setOpen(true)
    setActive(at)
  }
  const close = (): void => {
    setOpen(false)
    setActive(-1)
    setFilter(null)
  }
  const pick = (c: NetworkChoice): void => {
    props.onChange(c.ssid)
    close()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (props.choices === null) return
    const n = shown.length
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!expanded) show(e.altKey ? -1 : 0)
      else if (n > 0) setActive((active + 1) % n)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      if (!expanded) show(n - 1)
      else if (n > 0) setActive(active <= 0 ? n - 1 : active - 1)
    } else if (e.key === 'Enter' && activeChoice !== undefined) {
      // Picks the network; never submits the form around the field.
      e.preventDefault()
      pick(activeChoice)
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault()
      close()
    }
  }

  const describedBy = joinIds(props.hint ? hintId : undefined, props.choices === null ? `${id}-noscan` : undefined, limited.describedBy)
  const hiddenNote = props.choices === null ? '' : notListed(props.choices)
  return (
    <div className={`field ssid-combobox ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="combobox-row">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeChoice === undefined ? undefined : `${id}-opt-${active}`}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => {
            const next = e.target.value
            if (!limited.change(next, props.onChange)) return
            setFilter(next)
            if (props.choices !== null) show(-1)
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {props.choices !== null ? (
          <button
            type="button"
            className="btn btn-ghost btn-small combobox-toggle"
            // Not a tab stop: the input's arrow keys open the list; the button is for the pointer.
            tabIndex={-1}
            aria-label={`Networks seen (${all?.length ?? 0})`}
            aria-controls={listId}
            aria-expanded={expanded}
            disabled={props.disabled}
            // Keeps the focus in the input, so the list stays tied to it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (expanded ? close() : show(-1))}
          >
            ▾
          </button>
        ) : null}
      </div>
      <div className="combobox-popup" hidden={!expanded}>
        <p className="combobox-source" id={`${id}-source`}>
          {shown.length === 0 ? `No network in ${props.sourceLabel} matches “${filter ?? ''}”: the name typed is kept.` : `Seen in ${props.sourceLabel}, strongest first`}
          {hiddenNote !== '' ? ` · ${hiddenNote}` : ''}
        </p>
        <ul id={listId} role="listbox" aria-labelledby={`${id}-source`} className="combobox-list">
          {shown.map((c, i) => (
            <li
              key={c.ssid}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={c.ssid === props.value ? 'combobox-option current' : 'combobox-option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <span className="option-ssid">{c.label}</span>
              <span className="option-meta">{describe(c)}</span>
            </li>
          ))}
        </ul>
      </div>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.choices === null && props.noScan ? (
        <div className="field-hint" id={`${id}-noscan`}>
          {props.noScan}
        </div>
      ) : null}
      {limited.status(props.value)}
    </div>
  )
}

/** "2 hidden BSSes not listed (type the name)", "names of 3 withheld by the OS". */
function notListed(c: NetworkChoices): string {
  const parts: string[] = []
  if (c.hiddenCount > 0) parts.push(`${c.hiddenCount} hidden BSS${c.hiddenCount === 1 ? '' : 'es'} not listed (type a hidden name exactly)`)
  if (c.redactedCount > 0) parts.push(`${c.redactedCount} name${c.redactedCount === 1 ? '' : 's'} withheld by the OS (macOS: allow Location Services)`)
  return parts.join(' · ')
}
