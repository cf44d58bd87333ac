/** Shown by loading.tsx while a page's API calls run; announced politely to screen readers. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div className="stack" aria-busy="true">
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" /> {label}
      </p>
      <div className="skeleton skeleton--header" />
      <div className="skeleton" />
      <div className="skeleton" />
    </div>
  );
}
