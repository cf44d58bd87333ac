/**
 * Downloads go through the portal's own route (app/api/export/...), which adds the session's API
 * token server-side: the browser never holds the token. Plain links: they work without JavaScript.
 */
export function ExportLinks({ month }: { month: string }) {
  return (
    <div className="actions-row">
      <a className="button button--secondary" href={`/api/export/${month}/csv`} download>
        Download CSV
      </a>
      <a className="button button--secondary" href={`/api/export/${month}/pdf`} download>
        Download PDF
      </a>
    </div>
  );
}
