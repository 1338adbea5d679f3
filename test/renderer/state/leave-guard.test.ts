/** Closing or leaving asks only when something would be lost (issue 16 item 4): a finished run not kept with a stall. */
import { afterEach, describe, expect, it } from 'vitest'
import { runPlaceStore } from '../../../src/renderer/src/connectivity/run-keeper'
import { companyStore, discardCompanyEdits, editCompany } from '../../../src/renderer/src/state/company-store'
import { installLeaveGuard, whatLeavingLoses } from '../../../src/renderer/src/state/leave-guard'
import { EMPTY_COMPANY } from '../../../src/shared/model/company'

/** Dispatches a cancelable beforeunload on a fresh target with the guard installed; true when the guard held the page. */
function leaveIsHeld(): boolean {
  const target = new EventTarget()
  const remove = installLeaveGuard(target as unknown as Window) // Cast: the guard uses only add/removeEventListener
  const event = new Event('beforeunload', { cancelable: true })
  target.dispatchEvent(event)
  remove()
  return event.defaultPrevented
}

afterEach(() => {
  runPlaceStore.set(null)
  companyStore.update((s) => ({ ...s, loaded: false, saved: EMPTY_COMPANY, draft: EMPTY_COMPANY }))
})

describe('leave guard', () => {
  it('lets the page go when no survey edit is pending and no run is waiting', () => {
    expect(whatLeavingLoses()).toBeNull()
    expect(leaveIsHeld()).toBe(false)
  })

  it('holds the page while a finished run could not be kept, and lets it go once it is kept', () => {
    runPlaceStore.set({ runId: 'r1', kept: false, why: 'No survey location was chosen when it started.' })
    expect(whatLeavingLoses()).toBe('The finished firewall run is not kept with a stall yet: save it on the Connectivity page.')
    expect(leaveIsHeld()).toBe(true)
    runPlaceStore.set({ runId: 'r1', kept: true, locationName: 'Level P1 – stall 3' })
    expect(leaveIsHeld()).toBe(false)
  })

  it('holds the page while the Settings page has a company edit not saved (issue 16 item 7a), and lets it go once put back', () => {
    companyStore.update((s) => ({ ...s, loaded: true, saved: { ...EMPTY_COMPANY, name: 'Acme' }, draft: { ...EMPTY_COMPANY, name: 'Acme' } }))
    expect(leaveIsHeld()).toBe(false)
    editCompany('phone', '+44 20 7946 0000')
    expect(whatLeavingLoses()).toBe('Your changes to the company on the Settings page are not saved yet.')
    expect(leaveIsHeld()).toBe(true)
    discardCompanyEdits()
    expect(leaveIsHeld()).toBe(false)
  })
})
