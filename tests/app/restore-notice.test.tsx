// @vitest-environment jsdom
/**
 * The home page's notice about saved progress: after a content update it says WHICH answers and
 * lessons were dropped, named as the learner finds them (lesson title and number), in English
 * and French; a record that could not be used is explained by its reason.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CourseRuntimeProvider } from '../../src/ui/course-context.tsx';
import { RestoreNotice } from '../../src/app/pages/RestoreNotice.tsx';
import { describeRestoreLosses } from '../../src/app/pages/restore-losses.ts';
import type { CompiledCourse } from '../../src/content/types.ts';
import { parseProgressRecord, type ProgressRecord } from '../../src/course/progress-record.ts';
import type { CourseSession, RestoreReport } from '../../src/course/session.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import type { UiLocale } from '../../src/i18n/i18n.ts';
import { renderWithProviders } from '../render.tsx';
import { savedRecordAfter, SUBMIT_ROLES_CHECK } from '../saved-record.ts';

const course = compileContentFolder('content').courses.en!;
afterEach(cleanup);

/** A record the player really saved: two lessons read, "check your understanding" (roles) submitted. */
function savedRecord(): ProgressRecord {
  return savedRecordAfter(course, [
    { type: 'lesson.complete', lessonId: 'welcome' },
    { type: 'lesson.complete', lessonId: 'about-this-course' },
    ...SUBMIT_ROLES_CHECK,
  ]);
}

/** The same record as saved by an older version of the content. */
function olderRecord(): ProgressRecord {
  const record = savedRecord();
  record.contentVersion = 'older-content';
  const roles = record.checks.roles!;
  roles.answers.q2!.fingerprint = 'changed-question';
  roles.answers.q3!.fingerprint = 'changed-question';
  roles.attempts[0]!.results.q2!.fingerprint = 'changed-question';
  roles.attempts[0]!.results.q3!.fingerprint = 'changed-question';
  record.lessons['a-lesson-since-removed'] = { status: 'complete', seconds: 30 };
  record.checks['a-check-since-removed'] = { status: 'answering', answers: {}, attempts: [] };
  return record;
}

function migrated(): Extract<RestoreReport, { kind: 'migrated' }> {
  const parsed = parseProgressRecord(JSON.stringify(olderRecord()), course);
  if (parsed.kind !== 'ok') throw new Error(`expected a migrated record, got ${parsed.kind}`);
  return {
    kind: 'migrated',
    dropped: parsed.dropped,
    fromContentVersion: parsed.previousContentVersion,
    contentChanged: parsed.contentChanged,
    damaged: parsed.damaged,
  };
}

function renderNotice(report: RestoreReport, locale: UiLocale = 'en', on: CompiledCourse = course) {
  const session = { restoreReport: report } as CourseSession;
  return renderWithProviders(
    <CourseRuntimeProvider runtime={{ course: on, session, contentLocales: ['en'] }}>
      <RestoreNotice />
    </CourseRuntimeProvider>,
    { locale },
  );
}

describe('describeRestoreLosses', () => {
  it('reads what parseProgressRecord dropped into losses per check, named by lesson', () => {
    const losses = describeRestoreLosses(migrated().dropped, course);
    expect(losses).toEqual({
      checks: [
        {
          checkId: 'roles',
          place: { title: 'check your understanding', number: 8 },
          answersCleared: 2,
          resultsDropped: 2,
          questions: 2,
          unreadable: false,
          reopened: true,
        },
      ],
      unreadableLessons: [],
      timeReset: [],
      completionUnreadable: false,
      lessonsGone: 1,
      checksGone: 1,
      other: 0,
    });
  });

  it('counts items that name nothing in the course, so nothing dropped goes unsaid', () => {
    expect(describeRestoreLosses([{ kind: 'unknown-item' }], course).other).toBe(1);
    expect(describeRestoreLosses([{ kind: 'lesson-unreadable', lessonId: 'sharing' }], course).unreadableLessons).toEqual([
      { title: 'sharing', number: 4 },
    ]);
  });
});

describe('RestoreNotice', () => {
  it('says which answers were cleared and where, after a content update', () => {
    renderNotice(migrated());
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('The course has been updated since your last visit. Your progress was kept, except for the following:');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Your answers to 2 questions in “check your understanding” (lesson 8) were cleared and no longer count towards your score because those questions changed.',
      'You can answer “check your understanding” (lesson 8) again: submit it to update your score.',
      'Your progress in a lesson that is no longer in the course was cleared.',
      'Your answers to a knowledge check that is no longer in the course were cleared.',
    ]);
  });

  it('says the same in French', () => {
    renderNotice(migrated(), 'fr');
    expect(screen.getByRole('status').textContent).toContain('Votre progression a été conservée, sauf ce qui suit :');
    expect(screen.getAllByRole('listitem')[0]!.textContent).toBe(
      'Vos réponses à 2 questions de « check your understanding » (leçon 8) ont été effacées et ne comptent plus dans votre note, car ces questions ont changé.',
    );
  });

  it('uses the singular for one question whose answer alone was cleared', () => {
    renderNotice({
      kind: 'migrated',
      fromContentVersion: 'x',
      contentChanged: true,
      damaged: false,
      dropped: [{ kind: 'answer-changed', checkId: 'benefits', questionId: 'q1' }],
    });
    expect(screen.getByRole('listitem').textContent).toBe(
      'Your answer to 1 question in “check your understanding” (lesson 13) was cleared because that question changed.',
    );
  });

  it('says everything was kept when the course changed but nothing was lost', () => {
    renderNotice({ kind: 'migrated', dropped: [], fromContentVersion: 'older-content', contentChanged: true, damaged: false });
    expect(screen.getByRole('status').textContent).toBe('The course has been updated since your last visit. All your progress was kept.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('explains a record it could not use by its reason, and whether it was kept', () => {
    const { unmount } = renderNotice({ kind: 'rejected', reason: 'foreign-course', keptAside: true });
    expect(screen.getByRole('status').textContent).toBe(
      'The progress saved on this device belongs to another course, so this course starts fresh. The old record was kept on this device in case it is needed.',
    );
    unmount();
    renderNotice({ kind: 'rejected', reason: 'corrupt', keptAside: false });
    expect(screen.getByRole('status').textContent).toBe(
      'Your saved progress could not be read, so the course starts fresh. The old record was left as it was on this device, so progress from this visit will not be saved.',
    );
  });
});
