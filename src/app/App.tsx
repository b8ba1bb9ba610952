import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { LoadBoundary } from './LoadBoundary.tsx';
import { GlossaryPage } from './pages/GlossaryPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ResultsPage } from './pages/ResultsPage.tsx';
import { AnnouncerProvider } from '../ui/announcer.tsx';
import { lmsCheckPageModule, printPageModule } from './route-loading.ts';
import { Shell } from './shell/Shell.tsx';

/**
 * Routes. Every route is also written out as its own pre-rendered HTML file at build time
 * (lesson/<id>/index.html …), so deep links work on any static host and inside an LMS package
 * without server rewrites.
 */
export function App() {
  const { t } = useTranslation();
  return (
    <AnnouncerProvider>
      <Shell>
        <Routes>
          <Route index element={<HomePage />} />
          {/* An LMS launches the package's index.html by name. */}
          <Route path="index.html" element={<Navigate to="/" replace />} />
          <Route path="lesson/:lessonId" element={<LessonPage />} />
          <Route path="results" element={<ResultsPage />} />
          <Route path="glossary" element={<GlossaryPage />} />
          <Route
            path="lms-check"
            element={
              <LoadBoundary loading={t('app.loading')} failed={t('app.pageLoadFailed')}>
                <LmsCheckRoute />
              </LoadBoundary>
            }
          />
          <Route
            path="print"
            element={
              <LoadBoundary loading={t('app.loading')} failed={t('app.pageLoadFailed')}>
                <PrintRoute />
              </LoadBoundary>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Shell>
    </AnnouncerProvider>
  );
}

function PrintRoute() {
  const { PrintPage } = use(printPageModule());
  return <PrintPage />;
}

function LmsCheckRoute() {
  const { LmsCheckPage } = use(lmsCheckPageModule());
  return <LmsCheckPage />;
}
