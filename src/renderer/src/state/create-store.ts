/**
 * A minimal external store for `useSyncExternalStore`: one value, replaced (never mutated) on change.
 */
import { useSyncExternalStore } from 'react'

export interface Store<T> {
  get(): T
  set(next: T): void
  update(recipe: (current: T) => T): void
  subscribe(listener: () => void): () => void
  /** The value, re-rendering the component when it changes. */
  use(): T
}

/** Creates a store holding `initial`. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  const store: Store<T> = {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (const listener of listeners) listener()
    },
    update(recipe) {
      store.set(recipe(value))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    use: () => useSyncExternalStore(store.subscribe, store.get, store.get)
  }
  return store
}
