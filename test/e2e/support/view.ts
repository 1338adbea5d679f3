/** What the technician sees at a laptop's 1366×768: is it in view, and where is the focus. */
import type { Locator, Page } from 'playwright-core'

/** The field laptop's viewport the issue 16 walks use. */
export const LAPTOP_VIEWPORT = { width: 1366, height: 768 }

/** Is the whole element inside the viewport (nothing to scroll to see it)? */
export async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = page.viewportSize() ?? LAPTOP_VIEWPORT
  return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width
}

/** The focused element: "input:<its label>" or "<tag>:<its text>". */
export function focused(page: Page): Promise<string> {
  // Page-side code as text: the tests are type-checked for Node, which has no DOM types.
  return page.evaluate<string>(
    "(() => { const el = document.activeElement; if (el instanceof HTMLInputElement) return 'input:' + (el.labels?.[0]?.textContent ?? ''); return (el ? el.tagName.toLowerCase() : 'none') + ':' + (el?.textContent ?? '') })()"
  )
}
