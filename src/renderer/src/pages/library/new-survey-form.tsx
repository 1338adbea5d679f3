/** The "New survey" form: the site, who it is for, and the network the chargers will join. */
import { useState, type FormEvent } from 'react'
import type { NewSurveyInput } from '../../../../shared/contract'
import type { BillingMode } from '../../../../shared/model/survey'
import { TextArea, TextField } from '../../components/fields'
import { TargetNetworkField } from '../../network-picker/target-network-field'

const BILLING_HELP: Readonly<Record<BillingMode, string>> = {
  free: 'Free charging: a charger that cannot reach the internet still charges, so connectivity problems are warnings.',
  billed: 'Billed charging: sessions are paid through the cloud, so every connectivity problem makes the site not ready.'
}

/** Collects a new survey's details; `onCreate` resolves true when the survey was created. */
export function NewSurveyForm({ onCreate, onCancel }: { readonly onCreate: (input: NewSurveyInput) => Promise<boolean>; readonly onCancel: () => void }) {
  const [siteName, setSiteName] = useState('')
  const [address, setAddress] = useState('')
  const [customer, setCustomer] = useState('')
  const [technician, setTechnician] = useState('')
  const [billingMode, setBillingMode] = useState<BillingMode>('free')
  const [targetSsid, setTargetSsid] = useState('')
  const [notes, setNotes] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (siteName.trim() === '' || busy) return
    setBusy(true)
    try {
      await onCreate({ siteName: siteName.trim(), address, customer, technician, billingMode, targetSsid, notes })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card new-survey" aria-labelledby="new-survey-title" onSubmit={(e) => void submit(e)}>
      <div className="card-header">
        <h2 id="new-survey-title">New survey</h2>
        <p className="muted">One survey per site. It is saved automatically in the library folder.</p>
      </div>
      <div className="form-grid">
        <TextField label="Site name" required value={siteName} onChange={setSiteName} limit="siteName" placeholder="Harbour Point garage" />
        <TextField label="Customer" value={customer} onChange={setCustomer} limit="customer" />
        <TextField label="Address" value={address} onChange={setAddress} limit="siteAddress" className="span-2" />
        <TextField label="Technician" value={technician} onChange={setTechnician} limit="technician" />
        <TargetNetworkField
          value={targetSsid}
          survey={null}
          onChange={setTargetSsid}
          hint="The Wi-Fi network the chargers will join: pick it from the networks seen (↓) or type it. You can set it later."
        />
        <fieldset className="field span-2 billing">
          <legend>Billing mode</legend>
          <div className="segmented">
            {(['free', 'billed'] as const).map((mode) => (
              <label key={mode} className={billingMode === mode ? 'segment selected' : 'segment'}>
                <input type="radio" name="billingMode" value={mode} checked={billingMode === mode} onChange={() => setBillingMode(mode)} />
                {mode === 'free' ? 'Free' : 'Billed'}
              </label>
            ))}
          </div>
          <p className="field-hint">{BILLING_HELP[billingMode]}</p>
        </fieldset>
        <TextArea label="Notes" value={notes} onChange={setNotes} limit="siteNotes" className="span-2" rows={2} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={siteName.trim() === '' || busy}>
          {busy ? 'Creating…' : 'Create survey'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
