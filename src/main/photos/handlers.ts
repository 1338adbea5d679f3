/** Photo requests: `photo:import` (a picked file's bytes, checked and stripped; see import-photo.ts). */
import type { Handlers } from '../../shared/contract'
import { base64ToBytes } from '../../shared/map/plan-image'
import { photoRefusal } from '../../shared/photos/photo-format'
import { importPhoto } from './import-photo'

export function createPhotoHandlers(): { handlers: Pick<Handlers, 'photo:import'> } {
  return {
    handlers: {
      'photo:import': async ({ fileName, data }) => {
        const bytes = base64ToBytes(data)
        if (bytes === null) return { ok: false, reason: 'damaged', message: photoRefusal(fileName, 'its data did not arrive whole (not base64)') }
        return importPhoto(fileName, bytes)
      }
    }
  }
}
