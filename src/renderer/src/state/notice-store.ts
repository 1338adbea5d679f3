/**
 * Banners: errors and confirmations shown above the page until dismissed. Every error names the
 * file (or device) and what to do — the message comes from the service that failed.
 */
import { createStore } from './create-store'

export interface Notice {
  readonly id: number
  readonly tone: 'error' | 'warning' | 'info' | 'success'
  readonly title: string
  readonly message: string
  /** Steps to fix it, shown as a list. */
  readonly help: readonly string[]
}

export const noticeStore = createStore<readonly Notice[]>([])
let nextId = 1

/** Shows a banner; returns its id. A banner identical to a shown one replaces it. */
export function showNotice(notice: Omit<Notice, 'id' | 'help'> & { help?: readonly string[] }): number {
  const id = nextId++
  noticeStore.update((list) => [
    ...list.filter((n) => !(n.title === notice.title && n.message === notice.message)),
    { id, help: [], ...notice }
  ])
  return id
}

/** Removes a banner. */
export function dismissNotice(id: number): void {
  noticeStore.update((list) => list.filter((n) => n.id !== id))
}

/** Removes every banner (on navigation to another survey). */
export function clearNotices(): void {
  noticeStore.set([])
}

/** The shown banners, for components. */
export function useNotices(): readonly Notice[] {
  return noticeStore.use()
}
