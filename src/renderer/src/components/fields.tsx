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
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
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
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}
