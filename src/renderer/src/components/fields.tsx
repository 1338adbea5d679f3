/** Labelled form fields: the label is always visible and tied to its input. */
import { useId, type ChangeEvent, type ReactNode } from 'react'

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
    readonly maxLength?: number
    readonly name?: string
  }
) {
  const id = useId()
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
        maxLength={props.maxLength}
        required={props.required}
        disabled={props.disabled}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
        aria-describedby={props.hint ? hintId(id) : undefined}
      />
      <FieldHint fieldId={id} hint={props.hint} />
    </div>
  )
}

/** A multi-line text input. */
export function TextArea(
  props: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly rows?: number; readonly maxLength?: number }
) {
  const id = useId()
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        maxLength={props.maxLength}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={props.hint ? hintId(id) : undefined}
      />
      <FieldHint fieldId={id} hint={props.hint} />
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
