/** The survey's site details and target network, edited in place (autosaved). */
import { useState } from 'react'
import type { Survey } from '../../../../shared/model/survey'
import { SelectField, TextArea, TextField } from '../../components/fields'
import { TargetNetworkField } from '../../network-picker/target-network-field'
import { isSiteTimeZone, siteTimeZones } from '../../../../shared/text/date-time'
import { setSite, setTargetSsid } from '../../state/survey-edits'
import { visibleText } from '../../../../shared/text/hidden-chars'
import { updateSurvey } from '../../state/survey-store'

/** The zone choices: every listed zone, plus "not recorded" (a survey from before v9) or the file's unknown name, shown as it is. */
function zoneOptions(current: string | null): { value: string; text: string }[] {
  const listed = siteTimeZones().map((z) => ({ value: z, text: z }))
  if (current === null) return [{ value: '', text: 'Not recorded (report times in UTC)' }, ...listed]
  return isSiteTimeZone(current) ? listed : [{ value: current, text: `${visibleText(current)} (not known here: report times in UTC)` }, ...listed]
}

/**
 * Site details form; every field is disabled in review mode. Folded to a one-line summary once
 * filled (a site name and the chargers' network), so the locations and Measure stay in view.
 */
export function SiteForm({ survey, readOnly }: { readonly survey: Survey; readonly readOnly: boolean }) {
  const site = survey.site
  const [expanded, setExpanded] = useState(site.name.trim() === '' || survey.targetSsid.trim() === '')
  const summary = [site.customer, site.address, site.technician ? `Technician: ${site.technician}` : ''].filter((p) => p !== '')
  return (
    <section className="card site-card" aria-labelledby="site-title">
      <div className="card-header">
        <div className="site-summary">
          <h2 id="site-title">Site details</h2>
          {!expanded ? (
            <p className="muted">
              {summary.length > 0 ? summary.join(' · ') : 'No customer or address yet.'} ·{' '}
              {site.billingMode === 'billed' ? 'Billed charging' : 'Free charging'}
            </p>
          ) : null}
        </div>
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={expanded} aria-controls="site-fields" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Hide details' : readOnly ? 'Show details' : 'Edit details'}
        </button>
      </div>
      <div className="form-grid form-grid-3" id="site-fields" hidden={!expanded}>
        <TextField label="Site name" value={site.name} disabled={readOnly} limit="siteName" onChange={(name) => updateSurvey(setSite({ name }))} />
        <TextField label="Customer" value={site.customer} disabled={readOnly} limit="customer" onChange={(customer) => updateSurvey(setSite({ customer }))} />
        <TextField label="Technician" value={site.technician} disabled={readOnly} limit="technician" onChange={(technician) => updateSurvey(setSite({ technician }))} />
        <TextField label="Address" value={site.address} disabled={readOnly} limit="siteAddress" className="span-2" onChange={(address) => updateSurvey(setSite({ address }))} />
        <TargetNetworkField
          value={survey.targetSsid}
          survey={survey}
          disabled={readOnly}
          onChange={(ssid) => updateSurvey(setTargetSsid(ssid))}
          hint="Findings judge this network: pick it from the networks seen (↓) or type it exactly."
        />
        <fieldset className="field billing" disabled={readOnly}>
          <legend>Billing mode</legend>
          <div className="segmented">
            {(['free', 'billed'] as const).map((mode) => (
              <label key={mode} className={site.billingMode === mode ? 'segment selected' : 'segment'}>
                <input
                  type="radio"
                  name="site-billing"
                  value={mode}
                  checked={site.billingMode === mode}
                  onChange={() => updateSurvey(setSite({ billingMode: mode }))}
                />
                {mode === 'free' ? 'Free' : 'Billed'}
              </label>
            ))}
          </div>
          <p className="field-hint">
            {site.billingMode === 'billed'
              ? 'Billed: any connectivity failure makes a location not ready.'
              : 'Free: connectivity failures are warnings (charging works offline).'}
          </p>
        </fieldset>
        <SelectField
          label="Site time zone"
          value={site.timeZone ?? ''}
          disabled={readOnly}
          options={zoneOptions(site.timeZone)}
          // Only a listed zone is stored (the options are the list; a stale value cannot be chosen back).
          onChange={(zone) => updateSurvey(setSite({ timeZone: zone !== '' && isSiteTimeZone(zone) ? zone : null }))}
          hint="The report shows every time in the site's local time, with its offset from UTC."
        />
        <TextArea label="Site notes" value={site.notes} disabled={readOnly} rows={2} limit="siteNotes" className="span-2" onChange={(notes) => updateSurvey(setSite({ notes }))} />
      </div>
    </section>
  )
}
