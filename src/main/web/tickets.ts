/**
 * Short-lived, single-use tickets for the URLs a browser fetches by itself (the EventSource stream,
 * a download link): those cannot carry the `Authorization` header, and the token must not travel
 * in a cookie (cookies ignore ports: any server on another 127.0.0.1 port would receive it).
 *
 * A ticket is issued only to a request that carried the token, is good for one use within
 * `ttlMs`, and is worthless after that (a download URL left in the browser's history opens nothing).
 */
import { randomBytes } from 'node:crypto'

/** How long an unused ticket stays valid: enough for the browser to open the URL at once. */
export const TICKET_TTL_MS = 30000
/** Outstanding tickets kept at most; the oldest is dropped first (a page asking in a loop gains nothing). */
export const MAX_TICKETS = 64

export interface TicketBook {
  /** A fresh ticket (128 random bits, base64url) for `purpose`. */
  issue(purpose: string): string
  /** True once for a valid, unexpired ticket of `purpose`; the ticket is spent either way. */
  redeem(ticket: string | null, purpose: string): boolean
}

/** An empty ticket book; `now` is injectable for expiry tests. */
export function createTicketBook(options: { ttlMs?: number; now?: () => number } = {}): TicketBook {
  const ttl = options.ttlMs ?? TICKET_TTL_MS
  const now = options.now ?? Date.now
  // Map keeps insertion order: the first entries are the oldest.
  const tickets = new Map<string, { readonly purpose: string; readonly expires: number }>()

  return {
    issue(purpose) {
      const at = now()
      for (const [ticket, entry] of tickets) if (entry.expires <= at) tickets.delete(ticket)
      while (tickets.size >= MAX_TICKETS) {
        const oldest = tickets.keys().next().value
        if (oldest === undefined) break
        tickets.delete(oldest)
      }
      const ticket = randomBytes(16).toString('base64url')
      tickets.set(ticket, { purpose, expires: at + ttl })
      return ticket
    },
    redeem(ticket, purpose) {
      if (ticket === null) return false
      const entry = tickets.get(ticket)
      if (entry === undefined) return false
      tickets.delete(ticket)
      return entry.purpose === purpose && entry.expires > now()
    }
  }
}
