/**
 * Serving the built renderer: URL path → file inside the renderer folder, never outside it, and
 * the content type for its extension. Used by the web server and Electron's `app://` protocol.
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

/** The content type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** True when `child` is `root` itself or inside it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/**
 * The file a URL path names inside `root`, or null (outside the root, not a file, bad encoding).
 *
 * `/` serves `index.html`. The path is decoded once, NUL and backslashes are refused (Windows
 * separators), and symlinks are resolved before the containment check.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null
  const wanted = decoded === '/' ? '/index.html' : decoded
  const base = resolve(root)
  const candidate = resolve(base, `.${wanted}`)
  if (!isInside(base, candidate)) return null
  try {
    const real = await realpath(candidate)
    if (!isInside(await realpath(base), real)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}
