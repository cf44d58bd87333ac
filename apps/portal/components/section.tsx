import type { ReactNode } from 'react';

/** A titled card; the heading names the region for screen-reader landmarks navigation. */
export function Section({
  id,
  title,
  description,
  children,
  actions,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card section" aria-labelledby={id}>
      <div className="section__head">
        <div>
          <h2 id={id}>{title}</h2>
          {description && <p className="muted section__description">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
