import { LoadingPanel } from '@/components/loading-panel';

export default function Loading() {
  return <LoadingPanel label="Loading users, keys and the audit log…" />;
}
