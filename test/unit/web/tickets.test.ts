/** Single-use, short-lived tickets for the event stream (src/main/web/tickets.ts). */
import { describe, expect, it } from 'vitest'
import { createTicketBook, MAX_TICKETS } from '../../../src/main/web/tickets'

describe('ticket book', () => {
  it('redeems a ticket once, for its own purpose only', () => {
    const book = createTicketBook()
    const a = book.issue('/api/events')
    expect(book.redeem(a, '/api/events')).toBe(true)
    expect(book.redeem(a, '/api/events')).toBe(false)
    const b = book.issue('/api/events')
    // Shown for the wrong purpose it is spent too: a guess costs the holder the ticket.
    expect(book.redeem(b, '/api/other')).toBe(false)
    expect(book.redeem(b, '/api/events')).toBe(false)
    expect(book.redeem(null, '/api/events')).toBe(false)
    expect(book.redeem('made-up', '/api/events')).toBe(false)
  })

  it('expires after its time to live', () => {
    let now = 1000
    const book = createTicketBook({ ttlMs: 30000, now: () => now })
    const fresh = book.issue('/api/events')
    const stale = book.issue('/api/events')
    now += 29999
    expect(book.redeem(fresh, '/api/events')).toBe(true)
    now += 1
    expect(book.redeem(stale, '/api/events')).toBe(false)
  })

  it('keeps at most MAX_TICKETS outstanding, dropping the oldest', () => {
    const book = createTicketBook()
    const first = book.issue('/api/events')
    const rest = Array.from({ length: MAX_TICKETS }, () => book.issue('/api/events'))
    expect(book.redeem(first, '/api/events')).toBe(false)
    expect(rest.every((t) => book.redeem(t, '/api/events'))).toBe(true)
  })
})
