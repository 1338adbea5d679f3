/** A message across the page: an error naming the file and what to do, or a confirmation. */
import type { ReactNode } from 'react'

export interface BannerProps {
  readonly tone: 'error' | 'warning' | 'info' | 'success'
  readonly title: string
  readonly children?: ReactNode
  /** Steps to fix it, shown as a numbered list. */
  readonly help?: readonly string[]
  /** Buttons (Retry, Edit survey, …). */
  readonly actions?: ReactNode
  readonly onDismiss?: () => void
}

/** A banner; errors are announced to screen readers at once (role="alert"). */
export function Banner({ tone, title, children, help, actions, onDismiss }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="banner-body">
        <p className="banner-title">{title}</p>
        {children ? <div className="banner-text">{children}</div> : null}
        {help && help.length > 0 ? (
          <ol className="banner-help">
            {help.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        ) : null}
      </div>
      {actions || onDismiss ? (
        <div className="banner-actions">
          {actions}
          {onDismiss ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss} aria-label={`Dismiss: ${title}`}>
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
