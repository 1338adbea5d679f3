/** What a page shows when there is nothing yet, with the next step to take. */
import type { ReactNode } from 'react'

export function EmptyState({ title, children, actions }: { readonly title: string; readonly children?: ReactNode; readonly actions?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </section>
  )
}
