/**
 * The top-level error boundary: if rendering the player ever throws, the learner sees a calm
 * page that says so, with "Reload the page" and "Start again", never a blank body.
 *
 * "Start again" keeps the saved progress aside on this device (see `startAgain` in
 * src/course/session.ts) before the course begins anew, so a record that breaks the player
 * cannot break it on every visit.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface AppErrorBoundaryProps {
  /** Sets the saved progress aside and reloads the course from its start. */
  onStartAgain: () => void;
  children: ReactNode;
}

export class AppErrorBoundary extends Component<AppErrorBoundaryProps, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Left in the console for whoever debugs it; the learner sees the calm page.
    console.error('The course player stopped on an error:', error, info.componentStack);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return <CrashPage onStartAgain={this.props.onStartAgain} />;
  }
}

export function CrashPage({ onStartAgain }: { onStartAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="crash-page" tabIndex={-1}>
      <h1>{t('app.crashed.title')}</h1>
      <p>{t('app.crashed.body')}</p>
      <p className="crash-page__actions">
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('app.crashed.reload')}
        </button>{' '}
        <button type="button" className="button" onClick={onStartAgain} aria-describedby="crash-start-again-hint">
          {t('app.crashed.startAgain')}
        </button>
      </p>
      <p id="crash-start-again-hint">{t('app.crashed.startAgainHint')}</p>
    </main>
  );
}
