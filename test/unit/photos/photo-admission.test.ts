/** The survey's own photo limits (6 a location, 24 MB a survey), checked before a photo is kept. */
import { describe, expect, it } from 'vitest'
import type { Photo } from '../../../src/shared/model/photo'
import type { Survey } from '../../../src/shared/model/survey'
import { photoAdmissionProblem, surveyPhotoBytes } from '../../../src/shared/photos/photo-admission'
import { makeLocation, makeSurvey } from '../../support/survey-builders'

/** A stored photo of `bytes` bytes (base64 of that many zero bytes: 4 characters per 3). */
const photo = (id: string, bytes: number): Photo => ({
  id,
  fileName: `${id}.jpg`,
  kind: 'other',
  caption: '',
  mediaType: 'image/jpeg',
  widthPx: 10,
  heightPx: 10,
  orientation: 1,
  removed: [],
  addedAt: '2026-12-02T05:00:00.000Z',
  data: Buffer.alloc(bytes).toString('base64')
})

const withPhotos = (...perLocation: Photo[][]): Survey => makeSurvey({ locations: perLocation.map((photos, i) => makeLocation({ id: `l${i + 1}`, photos })) })

describe('photoAdmissionProblem', () => {
  it('a photo fits: none', () => {
    expect(photoAdmissionProblem(withPhotos([photo('a', 1000)]), 'l1', 'new.jpg', 5000)).toBeNull()
  })

  it('the seventh photo of a location is refused by name; another location still takes one', () => {
    const six = Array.from({ length: 6 }, (_, i) => photo(`p${i}`, 10))
    const survey = withPhotos(six, [])
    expect(photoAdmissionProblem(survey, 'l1', 'seventh.jpg', 10)).toBe('seventh.jpg was not added: this location already has 6 photos, the most a location may have. Remove one first.')
    expect(photoAdmissionProblem(survey, 'l2', 'seventh.jpg', 10)).toBeNull()
  })

  it('over 24 MB for the survey (20 MB kept at another location + 5 MB): refused saying the total', () => {
    const survey = withPhotos([photo('big', 20 * 1048576)], [])
    expect(surveyPhotoBytes(survey)).toBe(20 * 1048576)
    expect(photoAdmissionProblem(survey, 'l2', 'wall.jpg', 5 * 1048576)).toBe(
      "wall.jpg was not added: it would bring this survey's photos to 25.0 MB; all photos of a survey together may be up to 24 MB. Remove a photo or add a smaller one."
    )
    expect(photoAdmissionProblem(survey, 'l2', 'wall.jpg', 4 * 1048576)).toBeNull()
  })

  it('a location removed meanwhile: refused, nothing added', () => {
    expect(photoAdmissionProblem(withPhotos([]), 'gone', 'a.jpg', 1)).toBe('a.jpg was not added: its location was removed meanwhile.')
  })
})
