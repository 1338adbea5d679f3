/**
 * The Settings page's company (issue 16 item 7a): what main has stored, the draft being edited and
 * what the last load, logo pick and save said. Kept here rather than in the page so a draft
 * survives going to another page and back, and the leave guard (leave-guard.ts) can ask before
 * closing loses it.
 */
import type { Company, CompanyLogo } from '../../../shared/model/company'
import { COMPANY_LOGO_LIMITS, EMPTY_COMPANY, companyLogoRefusal } from '../../../shared/model/company'
import { bytesToBase64 } from '../../../shared/map/plan-image'
import { photoDataUrl } from '../../../shared/model/photo'
import { getApi } from '../api'
import { decodes } from '../map/import-plan'
import { createStore } from './create-store'

export interface CompanyState {
  /** False until main answered `company:get` once. */
  readonly loaded: boolean
  /** What main has stored (EMPTY_COMPANY when nothing, or the stored file was not used). */
  readonly saved: Company
  readonly draft: Company
  /** Why the stored settings file was not used (main's words, naming the file); null when it was. */
  readonly problem: string | null
  /** The last logo pick: what was kept, or why the file was refused. */
  readonly logoNote: { readonly ok: boolean; readonly text: string } | null
  readonly saving: boolean
  /** The last save's outcome. */
  readonly outcome: { readonly ok: boolean; readonly text: string } | null
}

const initial: CompanyState = { loaded: false, saved: EMPTY_COMPANY, draft: EMPTY_COMPANY, problem: null, logoNote: null, saving: false, outcome: null }

export const companyStore = createStore<CompanyState>(initial)

/** Two companies hold the same values (field by field; the logo by its bytes). */
function sameCompany(a: Company, b: Company): boolean {
  return (
    a.name === b.name &&
    a.phone === b.phone &&
    a.email === b.email &&
    a.website === b.website &&
    a.address === b.address &&
    (a.logo === null || b.logo === null ? a.logo === b.logo : a.logo.data === b.logo.data && a.logo.mediaType === b.logo.mediaType)
  )
}

/** True while the draft differs from what main stored: leaving would lose it. */
export function hasUnsavedCompany(): boolean {
  const s = companyStore.get()
  return s.loaded && !sameCompany(s.draft, s.saved)
}

/** Asks main for the stored company; a draft being edited is kept. */
export async function loadCompany(): Promise<void> {
  const setting = await getApi().request('company:get')
  companyStore.update((s) => ({
    ...s,
    loaded: true,
    saved: setting.company,
    draft: s.loaded && !sameCompany(s.draft, s.saved) ? s.draft : setting.company,
    problem: setting.problem
  }))
}

type TextKey = 'name' | 'phone' | 'email' | 'website' | 'address'

/** Changes one field of the draft. */
export function editCompany(key: TextKey, value: string): void {
  companyStore.update((s) => ({ ...s, draft: { ...s.draft, [key]: value }, outcome: null }))
}

/** Takes the logo off the draft (saved with the next Save). */
export function removeLogo(): void {
  companyStore.update((s) => ({ ...s, draft: { ...s.draft, logo: null }, logoNote: null, outcome: null }))
}

/** The logo as a data: URL for an <img>, built from the data main checked. */
export function logoDataUrl(logo: CompanyLogo): string {
  return photoDataUrl(logo)
}

/** Sends a picked file to main to check; a kept logo goes into the draft, a refusal is said naming the file. */
export async function pickLogo(file: File): Promise<void> {
  const fileName = file.name.slice(0, 255) || 'logo'
  const refuse = (text: string): void => companyStore.update((s) => ({ ...s, logoNote: { ok: false, text } }))
  if (file.size > COMPANY_LOGO_LIMITS.maxBytes) return refuse(companyLogoRefusal(fileName, `it is ${(file.size / 1048576).toFixed(1)} MB`))
  if (file.size === 0) return refuse(companyLogoRefusal(fileName, 'the file is empty'))
  const bytes = new Uint8Array(await file.arrayBuffer())
  const outcome = await getApi().request('company:checkLogo', { fileName, data: bytesToBase64(bytes) })
  if (!outcome.ok) return refuse(outcome.message)
  if (!(await decodes(logoDataUrl(outcome.logo)))) {
    return refuse(companyLogoRefusal(fileName, `the image is damaged (its header says ${outcome.logo.widthPx} × ${outcome.logo.heightPx} px, but the browser cannot draw it)`))
  }
  const removed = outcome.removed.length > 0 ? `; removed: ${outcome.removed.join(', ')}` : ''
  companyStore.update((s) => ({
    ...s,
    draft: { ...s.draft, logo: outcome.logo },
    logoNote: { ok: true, text: `${fileName}: ${outcome.logo.widthPx} × ${outcome.logo.heightPx} px${removed}. Save to keep it.` },
    outcome: null
  }))
}

/** Saves the draft through main; the outcome is said either way. */
export async function saveCompanyDraft(): Promise<void> {
  const draft = companyStore.get().draft
  companyStore.update((s) => ({ ...s, saving: true, outcome: null }))
  try {
    const result = await getApi().request('company:save', draft)
    companyStore.update((s) =>
      result.ok
        ? { ...s, saving: false, saved: draft, problem: null, logoNote: null, outcome: { ok: true, text: `Saved in ${result.path}. Every report exported from now on shows it.` } }
        : { ...s, saving: false, outcome: { ok: false, text: result.message } }
    )
  } catch (error) {
    companyStore.update((s) => ({ ...s, saving: false, outcome: { ok: false, text: `The company was not saved: ${error instanceof Error ? error.message : String(error)}` } }))
  }
}

/** Puts the draft back to what is stored. */
export function discardCompanyEdits(): void {
  companyStore.update((s) => ({ ...s, draft: s.saved, logoNote: null, outcome: null }))
}
