/**
 * Settings (issue 16 item 7a): the surveying company — name, contact and logo — that main stores
 * for this installation and prints on every report exported here. Fields count against their
 * limits (TEXT_LIMITS); the logo's bytes go to main to be checked (type from its bytes, size from
 * its header, metadata removed) before it is shown or saved; unsaved edits are kept across pages
 * and guarded on close (leave-guard.ts). Everything shown is text: a name like
 * `<b>Acme</b> \u202Egnp.exe` reads exactly so, its hidden characters shown (visibleText).
 */
import { useEffect, useState } from 'react'
import { COMPANY_LOGO_LIMITS_TEXT, isEmptyCompany } from '../../../shared/model/company'
import { visibleText } from '../../../shared/text/hidden-chars'
import { Banner } from '../components/banner'
import { TextArea, TextField } from '../components/fields'
import { companyStore, discardCompanyEdits, editCompany, hasUnsavedCompany, loadCompany, logoDataUrl, pickLogo, removeLogo, saveCompanyDraft } from '../state/company-store'

export function SettingsPage() {
  const state = companyStore.use()
  const [loadError, setLoadError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  useEffect(() => {
    loadCompany().catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)))
  }, [])
  const { draft } = state
  const unsaved = hasUnsavedCompany()
  const busy = !state.loaded || state.saving || reading
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
        <p>Settings of this installation of WC Site Survey, kept on this computer (not in survey files).</p>
      </header>

      {loadError !== null ? <Banner tone="error" title="The company settings could not be loaded">{loadError}</Banner> : null}
      {state.problem !== null ? (
        <Banner tone="warning" title="The saved company settings could not be used">
          <p>{state.problem}</p>
          <p>Saving below writes a new settings file.</p>
        </Banner>
      ) : null}

      <form
        className="card settings-company"
        aria-labelledby="company-title"
        onSubmit={(e) => {
          e.preventDefault()
          void saveCompanyDraft()
        }}
      >
        <div className="card-header">
          <div>
            <h2 id="company-title">Surveying company</h2>
            <p className="small">
              Appears on every report exported from this computer — on the cover and in the page footer, in the app and from <code>wc-survey report</code> — so the
              customer knows who surveyed the site and how to reach you. Leave it empty and reports show no company.
            </p>
          </div>
        </div>
        <div className="form-grid">
          <TextField
            className="span-2"
            label="Company name"
            limit="companyName"
            value={draft.name}
            disabled={busy}
            hint={visibleText(draft.name) === draft.name ? undefined : `Contains hidden characters; reports show it as ${visibleText(draft.name)}`}
            onChange={(v) => editCompany('name', v)}
          />
          <TextField label="Phone" limit="companyPhone" value={draft.phone} disabled={busy} onChange={(v) => editCompany('phone', v)} />
          <TextField label="Email" limit="companyEmail" value={draft.email} disabled={busy} onChange={(v) => editCompany('email', v)} />
          <TextField label="Website" limit="companyWebsite" value={draft.website} disabled={busy} onChange={(v) => editCompany('website', v)} />
          <TextArea className="span-2" label="Address" limit="companyAddress" rows={3} value={draft.address} disabled={busy} onChange={(v) => editCompany('address', v)} />
        </div>

        <div className="settings-lower">
        <fieldset className="settings-logo">
          <legend>Logo</legend>
          <p className="small" id="logo-limits">
            {COMPANY_LOGO_LIMITS_TEXT}. Location data and other metadata are removed when you choose it.
          </p>
          <div className="settings-logo-row">
            <div className="settings-logo-preview">
              {draft.logo !== null ? (
                <img src={logoDataUrl(draft.logo)} alt={draft.name.trim() === '' ? 'Company logo' : `Logo of ${visibleText(draft.name)}`} />
              ) : (
                <span className="muted small">No logo</span>
              )}
            </div>
            <div className="settings-logo-actions">
              <label className="btn btn-small" aria-disabled={busy}>
                {reading ? 'Reading…' : draft.logo === null ? 'Choose logo…' : 'Replace logo…'}
                <input
                  type="file"
                  className="visually-hidden"
                  accept=".png,.jpg,.jpeg,image/png,image/jpeg"
                  aria-describedby="logo-limits"
                  disabled={busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0]
                    e.target.value = ''
                    if (file === undefined) return
                    setReading(true)
                    pickLogo(file)
                      .catch((error: unknown) => companyStore.update((s) => ({ ...s, logoNote: { ok: false, text: error instanceof Error ? error.message : String(error) } })))
                      .finally(() => setReading(false))
                  }}
                />
              </label>
              {draft.logo !== null ? (
                <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={removeLogo}>
                  Remove logo
                </button>
              ) : null}
            </div>
          </div>
          {state.logoNote !== null ? (
            <p className={state.logoNote.ok ? 'small' : 'field-refusal'} role={state.logoNote.ok ? 'status' : 'alert'}>
              {visibleText(state.logoNote.text)}
            </p>
          ) : null}
        </fieldset>

        <section className="settings-preview" aria-labelledby="preview-title">
          <h3 id="preview-title">On the report</h3>
          {isEmptyCompany(draft) ? (
            <p className="muted small">No company: the report&apos;s cover and footer show none.</p>
          ) : (
            <div className="settings-preview-block">
              {draft.logo !== null ? <img src={logoDataUrl(draft.logo)} alt="" /> : null}
              <div>
                {draft.name.trim() !== '' ? <p className="settings-preview-name">{visibleText(draft.name)}</p> : null}
                {draft.address.trim() !== '' ? <p className="settings-preview-address">{visibleText(draft.address, { multiline: true })}</p> : null}
                <p className="small">{[draft.phone, draft.email, draft.website].filter((t) => t.trim() !== '').map((t) => visibleText(t)).join(' · ')}</p>
              </div>
            </div>
          )}
        </section>
        </div>

        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !unsaved}>
            {state.saving ? 'Saving…' : 'Save company'}
          </button>
          <button type="button" className="btn btn-ghost" disabled={busy || !unsaved} onClick={discardCompanyEdits}>
            Discard changes
          </button>
          <span className="small" role="status">
            {state.outcome?.ok === true ? state.outcome.text : unsaved ? 'Not saved yet.' : ''}
          </span>
        </div>
        {state.outcome?.ok === false ? (
          <p className="field-refusal" role="alert">
            {state.outcome.text}
          </p>
        ) : null}
      </form>
    </section>
  )
}
