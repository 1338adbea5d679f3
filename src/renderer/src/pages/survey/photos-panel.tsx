/**
 * Photos of one location (issue 16 item 8): add (main strips location data; the page says so),
 * thumbnails with their caption (also the alt text), kind and removal, all from the keyboard.
 * Thumbnails are the stored photo itself, scaled by the browser (it honours EXIF orientation:
 * `image-orientation: from-image` is Chromium's default for <img>): no second copy in the file.
 */
import { useState } from 'react'
import { PHOTO_KIND_LABELS, PHOTO_KINDS, PHOTO_LIMITS, PHOTO_LIMITS_TEXT, photoDataUrl, photoKindSchema, type Photo, type PhotoKind } from '../../../../shared/model/photo'
import type { Survey, SurveyLocation } from '../../../../shared/model/survey'
import { ConfirmButton } from '../../components/confirm-button'
import { TextField } from '../../components/fields'
import { UserText } from '../../report/user-text'
import { importPhotoFile } from '../../state/photo-import'
import { addPhoto, patchPhoto, removePhoto } from '../../state/survey-edits'
import { getSurveyState, updateSurvey } from '../../state/survey-store'
import './photos.css'

/** What the import removed, as the page says it under a thumbnail. */
export function removedLine(photo: Pick<Photo, 'removed'>): string {
  if (photo.removed.includes('GPS location')) return 'Location data removed'
  return photo.removed.length > 0 ? 'No location data in it; camera details removed' : 'No location data in it'
}

function KindSelect({
  value,
  onChange,
  label,
  name,
  disabled
}: {
  readonly value: PhotoKind
  readonly onChange: (kind: PhotoKind) => void
  readonly label: string
  /** The select's accessible name when the visible label alone is ambiguous (one per photo). */
  readonly name?: string
  readonly disabled?: boolean
}) {
  return (
    <label className="inline-label">
      {label}
      <select value={value} aria-label={name} disabled={disabled} onChange={(e) => onChange(photoKindSchema.parse(e.currentTarget.value))}>
        {PHOTO_KINDS.map((k) => (
          <option key={k} value={k}>
            {PHOTO_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  )
}

function PhotoItem({ photo, locationId, readOnly }: { readonly photo: Photo; readonly locationId: string; readonly readOnly: boolean }) {
  const kind = PHOTO_KIND_LABELS[photo.kind]
  return (
    <li className="photo-item">
      <figure>
        <img className="photo-thumb" src={photoDataUrl(photo)} alt={photo.caption !== '' ? photo.caption : `${kind} (no caption)`} />
        <figcaption className="small">
          <span className="photo-kind">{kind}</span>
          <span className="muted">
            <UserText text={photo.fileName} /> · <span className="photo-removed">{removedLine(photo)}</span>
          </span>
        </figcaption>
      </figure>
      <TextField label="Caption" value={photo.caption} disabled={readOnly} limit="photoCaption" placeholder="What it shows" onChange={(caption) => updateSurvey(patchPhoto(locationId, photo.id, { caption }))} />
      <div className="photo-actions">
        <KindSelect label="Shows" name={`What ${photo.fileName} shows`} value={photo.kind} disabled={readOnly} onChange={(k) => updateSurvey(patchPhoto(locationId, photo.id, { kind: k }))} />
        {!readOnly ? (
          <ConfirmButton label="Remove photo" question={`Remove the photo ${photo.fileName}?`} confirmLabel="Remove" onConfirm={() => updateSurvey(removePhoto(locationId, photo.id))} />
        ) : null}
      </div>
    </li>
  )
}

/** The photos of `location` with the controls to add more. */
export function PhotosPanel({ location, readOnly }: { readonly location: SurveyLocation; readonly readOnly: boolean }) {
  const [kind, setKind] = useState<PhotoKind>('mounting-wall')
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState<string | null>(null)
  const [problems, setProblems] = useState<readonly string[]>([])
  const full = location.photos.length >= PHOTO_LIMITS.perLocation

  // One file after the other: each is checked against the survey as the previous one left it.
  const pick = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return
    setBusy(true)
    setAdded(null)
    const refused: string[] = []
    const kept: string[] = []
    try {
      for (const file of files) {
        const survey: Survey | null = getSurveyState().survey
        if (survey === null) break
        const outcome = await importPhotoFile(file, survey, location.id, kind)
        if (outcome.ok) {
          updateSurvey(addPhoto(location.id, outcome.photo))
          kept.push(`${outcome.photo.fileName} added: ${removedLine(outcome.photo).toLowerCase()}.`)
        } else refused.push(outcome.message)
      }
    } catch (error) {
      refused.push(`The photos could not be read: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
      setAdded(kept.length > 0 ? kept.join(' ') : null)
      setProblems(refused)
    }
  }

  return (
    <section className="photos-panel" aria-labelledby={`photos-${location.id}`}>
      <h3 id={`photos-${location.id}`}>
        Photos <span className="muted small">({location.photos.length} of {PHOTO_LIMITS.perLocation})</span>
      </h3>
      <p className="small muted photo-rules">
        {PHOTO_LIMITS_TEXT}. HEIC only where the platform decodes it (not in Chromium on Linux or Windows: export as JPEG first). Location data (GPS) and other camera
        details are removed on import; the orientation is kept; nothing is re-encoded.
      </p>
      {!readOnly ? (
        <div className="photo-add">
          <KindSelect label="Next photo shows" value={kind} onChange={setKind} disabled={busy || full} />
          <label className="btn btn-small photo-pick" aria-disabled={busy || full}>
            {busy ? 'Reading…' : 'Add photos…'}
            <input
              type="file"
              multiple
              className="visually-hidden"
              accept=".jpg,.jpeg,.png,.heic,.heif,image/jpeg,image/png,image/heic,image/heif"
              aria-label="Add photos…"
              disabled={busy || full}
              onChange={(e) => {
                void pick(Array.from(e.target.files ?? []))
                e.target.value = ''
              }}
            />
          </label>
          {full ? <span className="small muted">This location has {PHOTO_LIMITS.perLocation} photos, the most it may have.</span> : null}
        </div>
      ) : null}
      <p role="status" className="small photo-added">
        {added}
      </p>
      {problems.length > 0 ? (
        <ul role="alert" className="photo-problems">
          {problems.map((m) => (
            <li key={m}>
              <UserText text={m} />
            </li>
          ))}
        </ul>
      ) : null}
      {location.photos.length === 0 ? (
        <p className="muted small">No photos yet: the mounting wall, the nearest access point and the phone screenshot SITE-PHONE asks for belong here.</p>
      ) : (
        <ul className="photo-list">
          {location.photos.map((p) => (
            <PhotoItem key={p.id} photo={p} locationId={location.id} readOnly={readOnly} />
          ))}
        </ul>
      )}
    </section>
  )
}
