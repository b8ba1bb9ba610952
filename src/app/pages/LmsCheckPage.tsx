import { useCallback, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LmsConnection, LmsStatus } from '../../tracking/lms.ts';
import type { ClientFailure } from '../../tracking/cmi5/client.ts';
import type { StateRoundTrip } from '../../tracking/cmi5/trainer.ts';
import { API_NAMES, type LmsError } from '../../tracking/scorm/api.ts';
import type { LmsReading, RoundTrip } from '../../tracking/scorm/trainer.ts';
import { SUSPEND_DATA_LIMIT } from '../../tracking/scorm/suspend-data.ts';
import { useLmsStatus } from '../shell/LmsStatusNotice.tsx';
import { usePage } from '../use-page.ts';

/**
 * `/lms-check`: for a trainer inside their LMS. Which SCORM edition was found, whether a value
 * round-trips, and what the LMS holds for the learner who opened the course. For a cmi5 launch:
 * the launch values, whether a state document round-trips, and the statements sent.
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
      {connection?.mode === 'cmi5' && (
        <>
          <Cmi5StateTest connection={connection} headingId={`${ids}-state`} />
          <Cmi5Statements connection={connection} status={status} headingId={`${ids}-statements`} />
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
  if (connection.mode === 'cmi5') return <Cmi5Details connection={connection} status={status} />;
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

type Cmi5Connection = Extract<LmsConnection, { mode: 'cmi5' }>;

function cmi5Status(status: LmsStatus) {
  return status.mode === 'lms' && status.standard === 'cmi5' ? status : null;
}

function Cmi5Details({ connection, status }: { connection: Cmi5Connection; status: LmsStatus }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const { launch } = connection.tracking;
  const live = cmi5Status(status);
  return (
    <dl>
      <Row term={t('lms.check.package')}>{t('lms.check.packageCmi5')}</Row>
      <Row term={t('lms.check.endpoint')}>
        <code>{launch.endpoint}</code>
      </Row>
      <Row term={t('lms.check.registration')}>
        <code>{launch.registration}</code>
      </Row>
      <Row term={t('lms.check.launchMode')}>{t(`lms.check.launchModes.${launch.launchMode}`)}</Row>
      <Row term={t('lms.check.moveOn')}>
        {t(`lms.check.moveOnValues.${launch.moveOn}`)} (<code>{launch.moveOn}</code>)
      </Row>
      <Row term={t('lms.check.masteryScore')}>
        {launch.masteryScore === undefined ? t('lms.check.masteryNone') : format.format(launch.masteryScore)}
      </Row>
      <Row term={t('lms.check.returnUrl')}>{launch.returnURL === undefined ? t('lms.check.returnNone') : <code>{launch.returnURL}</code>}</Row>
      <Row term={t('lms.check.session')}>{live?.finished ? t('lms.check.sessionEnded') : t('lms.check.sessionOpen')}</Row>
      <Row term={t('lms.check.statementsPending')}>{format.format(live?.pending ?? 0)}</Row>
      {live?.refused && <Row term={t('lms.check.lastError')}>{t('lms.check.lrsRefused')}</Row>}
    </dl>
  );
}

function useFailureText() {
  const { t } = useTranslation();
  return (failure: ClientFailure) =>
    failure.status === undefined ? t('lms.check.lrsNoAnswer') : t(`lms.check.lrsAnswered.${failure.kind}`, { status: failure.status });
}

function Cmi5StateTest({ connection, headingId }: { connection: Cmi5Connection; headingId: string }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<StateRoundTrip | null>(null);
  const run = () => {
    setRunning(true);
    setResult(null);
    void connection.tracking.checkState().then((outcome) => {
      setResult(outcome);
      setRunning(false);
    });
  };
  let message = running ? t('lms.check.stateRunning') : '';
  if (result?.ok) message = t('lms.check.stateOk');
  else if (result?.step === 'compare') message = t('lms.check.stateMismatch');
  else if (result) message = t(`lms.check.stateFailed.${result.step}`, { error: failureText(result.failure) });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('lms.check.roundTrip')}</h2>
      <p>
        {t('lms.check.stateIntro')} <code>{connection.tracking.launch.activityId}</code>
      </p>
      <p>
        <button type="button" className="button" onClick={run} disabled={running}>
          {t('lms.check.roundTripRun')}
        </button>
      </p>
      <p role="status">{message}</p>
    </section>
  );
}

function Cmi5Statements({ connection, status, headingId }: { connection: Cmi5Connection; status: LmsStatus; headingId: string }) {
  const { t } = useTranslation();
  const statements = cmi5Status(status)?.statements ?? [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('lms.check.statements')}</h2>
      <p>{t('lms.check.statementsIntro')}</p>
      <p>
        <button type="button" className="button button--secondary" onClick={() => connection.tracking.flush()}>
          {t('lms.check.sendAgain')}
        </button>
      </p>
      {statements.length === 0 ? (
        <p>{t('lms.check.statementsNone')}</p>
      ) : (
        <table className="summary-table">
          <caption className="visually-hidden">{t('lms.check.statements')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lms.check.verb')}</th>
              <th scope="col">{t('lms.check.statementId')}</th>
              <th scope="col">{t('lms.check.statementStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {statements.map((statement) => (
              <tr key={statement.id}>
                <th scope="row">{statement.verb}</th>
                <td>
                  <code>{statement.id}</code>
                </td>
                <td>{t(`lms.check.statementStates.${statement.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
