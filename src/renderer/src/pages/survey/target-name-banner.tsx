/**
 * Said once at the top of the survey page (issue 16 item 2): the target network's name is not in
 * any location's latest measurement, and a near miss is ("HarbourPoint-ev" typed,
 * "HarbourPoint-EV" seen) — with one click to use the seen name. The findings say it too, but
 * inside one requirement's evidence, six times over.
 */
import { useMemo, useRef, useState, useEffect } from 'react'
import type { Survey } from '../../../../shared/model/survey'
import { latestMeasurement } from '../../../../shared/requirements/judge'
import { targetSighting } from '../../../../shared/requirements/near-miss'
import { visibleText } from '../../../../shared/text/hidden-chars'
import { Banner } from '../../components/banner'
import { setTargetSsid } from '../../state/survey-edits'
import { updateSurvey } from '../../state/survey-store'

/** Most near-miss names offered as buttons (a site rarely has more than one). */
const MAX_OFFERED = 3

/** The banner, or nothing when the target is seen (or nothing was measured yet). */
export function TargetNameBanner({ survey, readOnly }: { readonly survey: Survey; readonly readOnly: boolean }) {
  const sighting = useMemo(
    () => targetSighting(survey.targetSsid, survey.locations.flatMap((l) => latestMeasurement(l)?.observations ?? [])),
    [survey.targetSsid, survey.locations]
  )
  const [usedName, setUsedName] = useState<string | null>(null)
  const done = useRef<HTMLDivElement>(null)
  // The button the technician used is gone with the banner: the confirmation takes the focus.
  useEffect(() => {
    if (usedName !== null) done.current?.focus()
  }, [usedName])
  const target = `“${visibleText(survey.targetSsid)}”`

  if (usedName !== null && usedName === survey.targetSsid) {
    return (
      <div ref={done} tabIndex={-1} className="target-name-done">
        <Banner tone="success" title={`Target network is now “${visibleText(usedName)}”`} onDismiss={() => setUsedName(null)}>
          <p>Every location is judged again on this name.</p>
        </Banner>
      </div>
    )
  }
  if (sighting.kind === 'near-miss') {
    const names = sighting.names.slice(0, MAX_OFFERED)
    // Sticky: it stays at the top of the view while the technician scrolls to a location's findings.
    return (
      <div className="target-name-banner sticky-top">
      <Banner
        tone="warning"
        title={`Target network ${target} was not seen — ${names.map((n) => `“${visibleText(n)}”`).join(', ')} was`}
        actions={
          readOnly
            ? undefined
            : names.map((n) => (
                <button
                  key={n}
                  type="button"
                  className="btn btn-primary btn-small"
                  onClick={() => {
                    updateSurvey(setTargetSsid(n))
                    setUsedName(n)
                  }}
                >
                  Use {visibleText(n)}
                </button>
              ))
        }
      >
        <p>
          The chargers join the exact name only: case, spaces and dashes count. Until the target matches, every Wi-Fi requirement stays unknown.
          {readOnly ? ' Edit the survey to change the target network.' : ''}
        </p>
      </Banner>
      </div>
    )
  }
  if (sighting.kind === 'not-seen') {
    return (
      <Banner tone="warning" title={`Target network ${target} was not seen at any location measured`}>
        <p>
          Check the name in the site details (exact spelling and case; pick it from the networks seen), that its access points are on, and measure again. A
          hidden network is listed under WIFI-HIDDEN.
        </p>
      </Banner>
    )
  }
  return null
}
