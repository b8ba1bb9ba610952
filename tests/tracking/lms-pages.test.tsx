// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LmsCheckPage } from '../../src/app/pages/LmsCheckPage.tsx';
import { LmsStatusNotice } from '../../src/app/shell/LmsStatusNotice.tsx';
import { CourseRuntimeProvider } from '../../src/ui/course-context.tsx';
import { startCourseSession } from '../../src/course/session.ts';
import { chooseTracking, LMS_META_NAME } from '../../src/tracking/lms.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { renderWithProviders } from '../render.tsx';
import { FakeLms } from './fake-lms.ts';
import { course, MemoryStorage, settle, submitCheck } from './helpers.ts';

const globals = window as unknown as Record<string, unknown>;

async function setUp(mode: 'web' | 'local' | ScormVersion, lms?: FakeLms) {
  document.head.querySelector(`meta[name="${LMS_META_NAME}"]`)?.remove();
  delete globals.API;
  delete globals.API_1484_11;
  if (mode !== 'web') {
    const meta = document.createElement('meta');
    meta.name = LMS_META_NAME;
    meta.content = mode === 'local' ? 'scorm-1.2' : `scorm-${mode}`;
    document.head.append(meta);
  }
  if (lms) globals[lms.version === '1.2' ? 'API' : 'API_1484_11'] = lms.api();
  const tracking = await chooseTracking({ course, storage: new MemoryStorage(), window, document });
  const session = startCourseSession({ course, store: tracking.adapter.records, beforeStart: (actor) => tracking.adapter.attach(actor) });
  return { session, tracking: { connection: tracking.connection, status: tracking.adapter.status } };
}

function renderPage(ui: React.ReactElement, { session, tracking }: Awaited<ReturnType<typeof setUp>>, locale: 'en' | 'fr' = 'en') {
  return renderWithProviders(<CourseRuntimeProvider runtime={{ course, session, contentLocales: ['en'], tracking }}>{ui}</CourseRuntimeProvider>, {
    locale,
    route: '/lms-check',
  });
}

afterEach(() => {
  cleanup();
  document.head.querySelector(`meta[name="${LMS_META_NAME}"]`)?.remove();
});

describe('the LMS status notice', () => {
  it('says nothing in the web version or while everything is saved', async () => {
    const launched = await setUp('web');
    const { container } = renderPage(<LmsStatusNotice />, launched);
    expect(container.textContent).toBe('');
    const lms = await setUp('2004', new FakeLms('2004'));
    await act(settle);
    const saved = renderPage(<LmsStatusNotice />, lms);
    expect(saved.container.textContent).toBe('');
  });

  it('says calmly that progress stays in this browser when no LMS was found', async () => {
    const launched = await setUp('local');
    renderPage(<LmsStatusNotice />, launched);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('Not connected to a learning system: your progress is saved in this browser only.');
    expect(within(notice).getByRole('link', { name: 'Connection details' }).getAttribute('href')).toBe('/lms-check/');
  });

  it('says that progress is not yet saved, and retrying, while the LMS fails; then goes away', async () => {
    const lms = new FakeLms('1.2');
    const launched = await setUp('1.2', lms);
    const { session } = launched;
    await act(settle);
    renderPage(<LmsStatusNotice />, launched);
    lms.commitFault = 'false';
    await act(async () => {
      submitCheck(session.actor, 'roles');
      await settle();
    });
    expect(screen.getByRole('status').textContent).toContain('Progress not yet saved to your learning system — retrying.');
    lms.commitFault = null;
    await act(async () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('is translated', async () => {
    const launched = await setUp('local');
    renderPage(<LmsStatusNotice />, launched, 'fr');
    expect(screen.getByRole('status').textContent).toContain('Pas de connexion à une plateforme de formation');
    expect(screen.getByRole('link', { name: 'Détails de la connexion' })).toBeTruthy();
  });
});

describe('the trainer page', () => {
  it('names the standard found, the session and the saving state, under one h1', async () => {
    const lms = new FakeLms('2004', { 'cmi.learner_id': 'l-1', 'cmi.learner_name': 'Alex' });
    const launched = await setUp('2004', lms);
    await act(settle);
    renderPage(<LmsCheckPage />, launched);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['LMS connection check']);
    const connection = screen.getByRole('region', { name: 'Connection' });
    expect(connection.textContent).toContain('Found the SCORM 2004 (4th edition) API (API_1484_11).');
    expect(connection.textContent).toContain('Everything is saved in the LMS.');
    expect(connection.textContent).toContain('New start: the LMS held no progress for this learner.');
    const table = screen.getByRole('table', { name: 'What the LMS holds for this learner' });
    expect(within(table).getByRole('row', { name: 'cmi.completion_status incomplete' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: 'cmi.learner_name Alex' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: 'cmi.score.raw (empty)' })).toBeTruthy();
  });

  it('round-trips a value by keyboard and reads again', async () => {
    const lms = new FakeLms('1.2');
    const launched = await setUp('1.2', lms);
    const { session } = launched;
    await act(settle);
    renderPage(<LmsCheckPage />, launched);
    const user = userEvent.setup();
    await user.tab();
    const run = screen.getByRole('button', { name: 'Run the test' });
    run.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Passed: the LMS stored “en”, returned it, and saved.')).toBeTruthy();
    expect(lms.data.get('cmi.student_preference.language')).toBe('en');

    await act(async () => {
      submitCheck(session.actor, 'roles');
      await settle();
    });
    await user.click(screen.getByRole('button', { name: 'Read again' }));
    expect(screen.getByRole('row', { name: /^cmi\.interactions\._count 4$/ })).toBeTruthy();
  });

  it('reports a refused round trip', async () => {
    const lms = new FakeLms('2004');
    lms.refuse.push({ element: 'cmi.learner_preference.language', code: '402' });
    const launched = await setUp('2004', lms);
    await act(settle);
    renderPage(<LmsCheckPage />, launched);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Run the test' }));
    expect(screen.getByText('Failed: error 402, error 402.')).toBeTruthy();
  });

  it('explains a package opened outside an LMS, and the web version', async () => {
    const local = await setUp('local');
    const { unmount } = renderPage(<LmsCheckPage />, local);
    expect(screen.getByText(/^No SCORM 1\.2 API found\. This window, 7 windows above it/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    const web = await setUp('web');
    renderPage(<LmsCheckPage />, web, 'fr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vérification de la connexion au LMS');
    expect(screen.getByText('Version Web, pas un paquet pour LMS : la progression est enregistrée dans ce navigateur.')).toBeTruthy();
  });
});
