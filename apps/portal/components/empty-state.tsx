import type { ReactNode } from 'react';

/** What a section shows when there is nothing to list: say so, and what it means. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
