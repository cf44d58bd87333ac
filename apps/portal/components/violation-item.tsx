import Link from 'next/link';
import type { Violation } from '@/lib/graphql/operations/license-report';
import type { ViolationLink } from '@/lib/violation-links';

/** One violation: its code, the sentence the engine wrote, and a link to what it concerns. */
export function ViolationItem({ v, link }: { v: Violation; link: ViolationLink | null }) {
  return (
    <li className="violation">
      <p className="violation__message">
        <code className="violation__code">{v.code}</code> {v.message}
      </p>
      {link && (
        <Link className="violation__link" href={link.href}>
          {link.label}
        </Link>
      )}
    </li>
  );
}
