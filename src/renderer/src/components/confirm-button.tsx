/** A destructive button that asks once more in place ("Remove? Yes / Cancel"), no modal needed. */
import { useState } from 'react'

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled
}: {
  readonly label: string
  readonly question: string
  readonly confirmLabel: string
  readonly onConfirm: () => void
  readonly disabled?: boolean
}) {
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <button type="button" className="btn btn-ghost btn-danger-text" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="btn btn-danger btn-small"
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn-ghost btn-small" autoFocus onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
