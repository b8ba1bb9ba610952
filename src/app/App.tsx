import { Navigate, Route, Routes } from 'react-router';
import { HomePage } from './pages/HomePage.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { LmsCheckPage } from './pages/LmsCheckPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ResultsPage } from './pages/ResultsPage.tsx';
import { AnnouncerProvider } from './shell/announcer.tsx';
import { Shell } from './shell/Shell.tsx';

/**
 * Routes. Every route is also written out as its own pre-rendered HTML file at build time
 * (lesson/<id>/index.html …), so deep links work on any static host and inside an LMS package
 * without server rewrites.
 */
export function App() {
  return (
    <AnnouncerProvider>
      <Shell>
        <Routes>
          <Route index element={<HomePage />} />
          {/* An LMS launches the package's index.html by name. */}
          <Route path="index.html" element={<Navigate to="/" replace />} />
          <Route path="lesson/:lessonId" element={<LessonPage />} />
          <Route path="results" element={<ResultsPage />} />
          <Route path="lms-check" element={<LmsCheckPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Shell>
    </AnnouncerProvider>
  );
}
