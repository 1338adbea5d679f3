/** A small busy indicator with a text label for screen readers. */
export function Spinner({ label }: { readonly label: string }) {
  return <span className="spinner" role="progressbar" aria-label={label} />
}
