import { use, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { LoadBoundary } from './LoadBoundary.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { AnnouncerProvider } from '../ui/announcer.tsx';
import { glossaryPageModule, lmsCheckPageModule, printPageModule, resultsPageModule } from './route-loading.ts';
import { Shell } from './shell/Shell.tsx';

/**
 * Routes. Every route is also written out as its own pre-rendered HTML file at build time
 * (lesson/<id>/index.html …), so deep links work on any static host and inside an LMS package
 * without server rewrites.
 */
export function App() {
  const { t } = useTranslation();
  const load = (route: ReactNode) => (
    <LoadBoundary loading={t('app.loading')} failed={t('app.pageLoadFailed')}>
      {route}
    </LoadBoundary>
  );
  return (
    <AnnouncerProvider>
      <Shell>
        <Routes>
          <Route index element={<HomePage />} />
          {/* An LMS launches the package's index.html by name. */}
          <Route path="index.html" element={<Navigate to="/" replace />} />
          <Route path="lesson/:lessonId" element={<LessonPage />} />
          {/* Pages besides the lessons load on demand (their own chunks), so the first lesson needs less. */}
          <Route path="results" element={load(<ResultsRoute />)} />
          <Route path="glossary" element={load(<GlossaryRoute />)} />
          <Route path="lms-check" element={load(<LmsCheckRoute />)} />
          <Route path="print" element={load(<PrintRoute />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Shell>
    </AnnouncerProvider>
  );
}

function ResultsRoute() {
  const { ResultsPage } = use(resultsPageModule());
  return <ResultsPage />;
}

function GlossaryRoute() {
  const { GlossaryPage } = use(glossaryPageModule());
  return <GlossaryPage />;
}

function PrintRoute() {
  const { PrintPage } = use(printPageModule());
  return <PrintPage />;
}

function LmsCheckRoute() {
  const { LmsCheckPage } = use(lmsCheckPageModule());
  return <LmsCheckPage />;
}
