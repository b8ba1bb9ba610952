import { useCallback, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LmsConnection, LmsStatus } from '../../tracking/lms.ts';
import { API_NAMES, type LmsError } from '../../tracking/scorm/api.ts';
import type { LmsReading, RoundTrip } from '../../tracking/scorm/trainer.ts';
import { SUSPEND_DATA_LIMIT } from '../../tracking/scorm/suspend-data.ts';
import { useLmsStatus } from '../shell/LmsStatusNotice.tsx';
import { usePage } from '../use-page.ts';

/**
 * `/lms-check`: for a trainer inside their LMS. Which SCORM edition was found, whether a value
 * round-trips, and what the LMS holds for the learner who opened the course.
 */
export function LmsCheckPage() {
  const { t, i18n } = useTranslation();
  const headingRef = usePage(t('lms.check.title'));
  const { connection, status } = useLmsStatus();
  const ids = useId().replace(/:/g, '');

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('lms.check.title')}
      </h1>
      <p>{t('lms.check.intro')}</p>

      <section aria-labelledby={`${ids}-connection`}>
        <h2 id={`${ids}-connection`}>{t('lms.check.connection')}</h2>
        <ConnectionDetails connection={connection} status={status} />
      </section>

      {connection?.mode === 'lms' && (
        <>
          <RoundTripTest connection={connection} language={i18n.language} headingId={`${ids}-roundtrip`} />
          <LmsHoldings connection={connection} headingId={`${ids}-holds`} />
        </>
      )}
    </div>
  );
}

function useErrorText() {
  const { t } = useTranslation();
  return (error: LmsError & { call?: string }) =>
    error.call
      ? t('lms.check.error', { call: error.call, code: error.code, message: error.message })
      : t('lms.check.errorNoCall', { code: error.code, message: error.message });
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ConnectionDetails({ connection, status }: { connection: LmsConnection | null; status: LmsStatus }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const format = new Intl.NumberFormat(i18n.language);
  const standardName = (version: '1.2' | '2004') => t(version === '1.2' ? 'lms.standard.scorm12' : 'lms.standard.scorm2004');

  if (connection === null || connection.mode === 'web' || status.mode === 'web') {
    return (
      <dl>
        <Row term={t('lms.check.package')}>{t('lms.check.packageWeb')}</Row>
        <Row term={t('lms.check.api')}>{t('lms.check.apiNone')}</Row>
      </dl>
    );
  }
  if (connection.mode === 'local' && connection.expected === 'cmi5') {
    return (
      <dl>
        <Row term={t('lms.check.package')}>{t('lms.check.packageCmi5')}</Row>
        <Row term={t('lms.check.api')}>{t('lms.check.cmi5NotLaunched')}</Row>
      </dl>
    );
  }
  if (connection.mode === 'cmi5') {
    const { launch } = connection.tracking;
    const pending = status.mode === 'lms' && status.standard === 'cmi5' ? status.pending : 0;
    return (
      <dl>
        <Row term={t('lms.check.package')}>{t('lms.check.packageCmi5')}</Row>
        <Row term={t('lms.check.endpoint')}>{launch.endpoint}</Row>
        <Row term={t('lms.check.registration')}>{launch.registration}</Row>
        <Row term={t('lms.check.launchMode')}>{launch.launchMode}</Row>
        <Row term={t('lms.check.masteryScore')}>
          {launch.masteryScore === undefined ? t('lms.check.masteryNone') : format.format(launch.masteryScore)}
        </Row>
        <Row term={t('lms.check.returnUrl')}>{launch.returnURL ?? t('lms.check.returnNone')}</Row>
        <Row term={t('lms.check.statementsPending')}>{format.format(pending)}</Row>
      </dl>
    );
  }
  if (connection.mode === 'local' && connection.expected !== 'cmi5') {
    const standard = standardName(connection.expected);
    return (
      <dl>
        <Row term={t('lms.check.package')}>{t('lms.check.packageScorm', { standard })}</Row>
        <Row term={t('lms.check.api')}>
          {t('lms.check.apiNotFound', { standard, levels: format.format(connection.searchedLevels) })}
        </Row>
      </dl>
    );
  }
  if (status.mode !== 'lms' || status.standard === 'cmi5' || connection.mode !== 'lms') return null;
  const standard = standardName(connection.standard);
  const saving = status.readOnly
    ? t('lms.check.readOnly')
    : status.state === 'saved'
      ? t('lms.check.saved')
      : status.state === 'pending'
        ? t('lms.check.pending')
        : status.state === 'retrying'
          ? t('lms.check.retrying', { count: Math.max(1, status.failures) })
          : t('lms.check.ended');
  const restored =
    status.restoredFrom === 'lms'
      ? t('lms.check.restoredLms')
      : status.restoredFrom === 'browser'
        ? t('lms.check.restoredBrowser')
        : t('lms.check.restoredNone');
  return (
    <dl>
      <Row term={t('lms.check.package')}>{t('lms.check.packageScorm', { standard })}</Row>
      <Row term={t('lms.check.api')}>{t('lms.check.apiFound', { standard, name: API_NAMES[connection.standard] })}</Row>
      <Row term={t('lms.check.session')}>
        {status.finished ? t('lms.check.sessionEnded') : status.initialized ? t('lms.check.sessionOpen') : t('lms.check.sessionNotOpen')}
      </Row>
      <Row term={t('lms.check.saving')}>{saving}</Row>
      {status.lastError && <Row term={t('lms.check.lastError')}>{errorText(status.lastError)}</Row>}
      <Row term={t('lms.check.restored')}>{restored}</Row>
      {status.suspendDataLength !== null ? (
        <Row term={t('lms.check.suspendData')}>
          {t('lms.check.suspendDataValue', {
            length: format.format(status.suspendDataLength),
            limit: format.format(SUSPEND_DATA_LIMIT),
          })}
        </Row>
      ) : (
        status.reduced.length > 0 && <Row term={t('lms.check.suspendData')}>{t('lms.check.suspendDataTooLong')}</Row>
      )}
      {status.refused.length > 0 && (
        <Row term={t('lms.check.refused')}>
          <ul>
            {status.refused.map((r) => (
              <li key={r.element}>
                <code>{r.element}</code>: {errorText(r.error)}
              </li>
            ))}
          </ul>
        </Row>
      )}
    </dl>
  );
}

function RoundTripTest({
  connection,
  language,
  headingId,
}: {
  connection: Extract<LmsConnection, { mode: 'lms' }>;
  language: string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [result, setResult] = useState<RoundTrip | null>(null);
  const element = connection.standard === '1.2' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language';
  let message = '';
  if (result) {
    if (result.error) message = t('lms.check.roundTripFailed', { error: errorText(result.error) });
    else if (!result.ok) message = t('lms.check.roundTripMismatch', { read: result.read ?? '', written: result.written });
    else if (!result.commit.ok) {
      message = t('lms.check.roundTripNotSaved', { error: result.commit.error ? errorText(result.commit.error) : '' });
    } else message = t('lms.check.roundTripOk', { written: result.written });
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('lms.check.roundTrip')}</h2>
      <p>
        {t('lms.check.roundTripIntro', { language, element })}
      </p>
      <p>
        <button type="button" className="button" onClick={() => setResult(connection.tracking.roundTrip(language))}>
          {t('lms.check.roundTripRun')}
        </button>
      </p>
      <p role="status">{message}</p>
    </section>
  );
}

function LmsHoldings({ connection, headingId }: { connection: Extract<LmsConnection, { mode: 'lms' }>; headingId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const read = useCallback(() => connection.tracking.inspect(), [connection]);
  const [readings, setReadings] = useState<LmsReading[]>(read);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('lms.check.holds')}</h2>
      <p>{t('lms.check.holdsIntro')}</p>
      <p>
        <button type="button" className="button button--secondary" onClick={() => setReadings(read())}>
          {t('lms.check.readAgain')}
        </button>
      </p>
      {readings.length === 0 ? (
        <p>{t('lms.check.nothingToRead')}</p>
      ) : (
        <table className="summary-table">
          <caption className="visually-hidden">{t('lms.check.holds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lms.check.element')}</th>
              <th scope="col">{t('lms.check.value')}</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((reading) => (
              <tr key={reading.element}>
                <th scope="row">
                  <code>{reading.element}</code>
                </th>
                <td>
                  {reading.error
                    ? t('lms.check.unavailable', { error: errorText(reading.error) })
                    : reading.value === ''
                      ? t('lms.check.empty')
                      : reading.value}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
