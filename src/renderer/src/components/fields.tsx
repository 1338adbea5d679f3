/**
 * Labelled form fields: the label is always visible and tied to its input.
 *
 * Every free-text field counts against its limit in TEXT_LIMITS (issue 16 item 9): the count
 * ("130 / 200 characters") is the field's description, shown once half the limit is used, and a
 * typed or pasted change that would pass the limit is refused with a message, the text kept as it
 * was. Nothing is ever cut: `maxLength` would cut a paste silently, so it is not used.
 */
import { useId, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'
import { TEXT_LIMITS, type TextLimitKey } from '../../../shared/model/text-limits'

interface FieldBase {
  readonly label: string
  readonly hint?: ReactNode
  readonly required?: boolean
  readonly disabled?: boolean
  readonly className?: string
}

/** A one-line text input. */
export function TextField(
  props: FieldBase & {
    readonly value: string
    readonly onChange: (value: string) => void
    readonly placeholder?: string
    /** The TEXT_LIMITS entry this field is counted against. */
    readonly limit: TextLimitKey
    readonly name?: string
  }
) {
  const id = useId()
  const limited = useTextLimit(props.limit, props.label, id)
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        required={props.required}
        disabled={props.disabled}
        onChange={(e: ChangeEvent<HTMLInputElement>) => limited.change(e.target.value, props.onChange)}
        aria-describedby={describedBy(props.hint ? hintId(id) : undefined, limited.describedBy)}
      />
      <FieldHint fieldId={id} hint={props.hint} />
      {limited.status(props.value)}
    </div>
  )
}

/** A multi-line text input. */
export function TextArea(
  props: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly rows?: number; readonly limit: TextLimitKey }
) {
  const id = useId()
  const limited = useTextLimit(props.limit, props.label, id)
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => limited.change(e.target.value, props.onChange)}
        aria-describedby={describedBy(props.hint ? hintId(id) : undefined, limited.describedBy)}
      />
      <FieldHint fieldId={id} hint={props.hint} />
      {limited.status(props.value)}
    </div>
  )
}

/** A labelled drop-down of `options` (value and text). */
export function SelectField(
  props: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly options: readonly { readonly value: string; readonly text: string }[] }
) {
  const id = useId()
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} aria-describedby={props.hint ? hintId(id) : undefined}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
      <FieldHint fieldId={id} hint={props.hint} />
    </div>
  )
}

/** The hint's element ID: the input names it in aria-describedby, so screen readers read it. */
function hintId(fieldId: string): string {
  return `${fieldId}-hint`
}

/** The hint under a field, when it has one. */
function FieldHint(props: { readonly fieldId: string; readonly hint: ReactNode | undefined }) {
  return props.hint ? (
    <p className="field-hint" id={hintId(props.fieldId)}>
      {props.hint}
    </p>
  ) : null
}

/** IDs for aria-describedby, or undefined when there are none. */
export function describedBy(...ids: readonly (string | undefined)[]): string | undefined {
  const joined = ids.filter((i) => i !== undefined && i !== '').join(' ')
  return joined === '' ? undefined : joined
}

/** What a field counted against a limit needs: its description's ID, the guarded change and the status under it. */
export interface TextLimitState {
  /** The ID of the count (and refusal), for the input's aria-describedby. */
  readonly describedBy: string
  /** Applies `next` through `apply` when it fits the limit; else refuses it, says so, and keeps the text as it was. */
  readonly change: (next: string, apply: (value: string) => void) => boolean
  /** The count and any refusal, to place under the input. */
  readonly status: (value: string) => ReactNode
}

/** The count shows from this share of the limit on; below it, it is the input's description only. */
const COUNT_SHOWN_FROM = 0.5

/**
 * The limit of one field (TEXT_LIMITS[key]): counts, and refuses a change past it with a message
 * naming the field, the length it would have had and the limit. `label` names the field in the
 * message; `fieldId` is the input's ID (the count's ID is derived from it).
 */
export function useTextLimit(key: TextLimitKey, label: string, fieldId: string): TextLimitState {
  const limit = TEXT_LIMITS[key]
  const [refused, setRefused] = useState<number | null>(null)
  const countId = `${fieldId}-count`
  return {
    describedBy: countId,
    change: (next, apply) => {
      if (next.length > limit) {
        setRefused(next.length)
        return false
      }
      setRefused(null)
      apply(next)
      return true
    },
    status: (value) => (
      <div className="field-limit">
        <span id={countId} className="field-count" hidden={refused === null && value.length < limit * COUNT_SHOWN_FROM}>
          {value.length.toLocaleString('en')} / {limit.toLocaleString('en')} characters
        </span>
        {/* Only while refused: an alert that appears is announced, and an empty one would be one more alert on the page. */}
        {refused === null ? null : (
          <span className="field-refusal" role="alert">
            Not changed: {label} would be {refused.toLocaleString('en')} characters, over its limit of {limit.toLocaleString('en')}. Nothing was cut; shorten the text and try again.
          </span>
        )}
      </div>
    )
  }
}

/**
 * A bare one-line input counted against a limit, for layouts that label it themselves (the
 * location list's "Add location", the map's level names): the count and any refusal follow it.
 */
export function LimitedInput(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'maxLength' | 'type'> & {
    readonly id: string
    readonly value: string
    readonly onChange: (value: string) => void
    readonly limit: TextLimitKey
    /** Names the field in a refusal ("Location name"). */
    readonly fieldName: string
    readonly inputRef?: Ref<HTMLInputElement>
  }
) {
  const { value, onChange, limit, fieldName, inputRef, ...rest } = props
  const limited = useTextLimit(limit, fieldName, props.id)
  return (
    <span className="limited-input">
      <input
        {...rest}
        ref={inputRef}
        type="text"
        value={value}
        onChange={(e) => limited.change(e.target.value, onChange)}
        aria-describedby={describedBy(rest['aria-describedby'], limited.describedBy)}
      />
      {limited.status(value)}
    </span>
  )
}
