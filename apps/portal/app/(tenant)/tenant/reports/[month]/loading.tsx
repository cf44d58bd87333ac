import { LoadingPanel } from '@/components/loading-panel';

export default function Loading() {
  return <LoadingPanel label="Loading the month’s report…" />;
}
