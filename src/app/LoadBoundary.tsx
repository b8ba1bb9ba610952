/**
 * Around anything loaded on demand (a lesson body, the check view, the trainer page): while it
 * loads, a calm status line; if it cannot be loaded (offline, a new deployment removed the old
 * chunk), a message and "Try again" instead of a blank page.
 */
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface LoadBoundaryProps {
  /** Shown while loading. */
  loading: string;
  /** Shown when loading failed. */
  failed: string;
  children: ReactNode;
}

export function LoadBoundary({ loading, failed, children }: LoadBoundaryProps) {
  return (
    <FailureBoundary failed={failed}>
      <Suspense fallback={<p role="status">{loading}</p>}>{children}</Suspense>
    </FailureBoundary>
  );
}

class FailureBoundary extends Component<{ failed: string; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return <LoadFailed message={this.props.failed} onRetry={() => this.setState({ error: false })} />;
  }
}

function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.tryAgain')}
      </button>
    </div>
  );
}
