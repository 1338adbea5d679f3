/** Connectivity page (placeholder: its issue fills this in). */
export function ConnectivityPage() {
  return <p>Not available yet.</p>
}
