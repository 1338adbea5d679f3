/** Live page (placeholder: its issue fills this in). */
export function LivePage() {
  return <p>Not available yet.</p>
}
