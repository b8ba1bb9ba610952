import { useCallback, useId, useState, type ReactNode } from 'react';
import { useLmsCheckTranslation } from '../../i18n/lms-check.ts';
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
  const { t, i18n } = useLmsCheckTranslation();
  const headingRef = usePage(t('lmsCheck.title'));
  const { connection, status } = useLmsStatus();
  const ids = useId().replace(/:/g, '');

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('lmsCheck.title')}
      </h1>
      <p>{t('lmsCheck.intro')}</p>

      <section aria-labelledby={`${ids}-connection`}>
        <h2 id={`${ids}-connection`}>{t('lmsCheck.connection')}</h2>
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
  const { t } = useLmsCheckTranslation();
  return (error: LmsError & { call?: string }) =>
    error.call
      ? t('lmsCheck.error', { call: error.call, code: error.code, message: error.message })
      : t('lmsCheck.errorNoCall', { code: error.code, message: error.message });
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A section of the page: a heading, what it does, one button, and what it shows. */
function ActionSection({
  headingId,
  title,
  intro,
  action,
  secondary = false,
  disabled = false,
  onAction,
  children,
}: {
  headingId: string;
  title: string;
  intro: ReactNode;
  action: string;
  secondary?: boolean;
  disabled?: boolean;
  onAction: () => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{intro}</p>
      <p>
        <button type="button" className={secondary ? 'button button--secondary' : 'button'} onClick={onAction} disabled={disabled}>
          {action}
        </button>
      </p>
      {children}
    </section>
  );
}

/** A table with a header row and a row header in each row (`cells[0]`). */
function SummaryTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <table className="summary-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [head, ...rest] }) => (
          <tr key={key}>
            <th scope="row">{head}</th>
            {rest.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConnectionDetails({ connection, status }: { connection: LmsConnection | null; status: LmsStatus }) {
  const { t, i18n } = useLmsCheckTranslation();
  const errorText = useErrorText();
  const format = new Intl.NumberFormat(i18n.language);
  // The standards' names are the main catalog's (the status notice uses them too).
  const standardName = (version: '1.2' | '2004') =>
    version === '1.2' ? t('lms.standard.scorm12', { ns: 'translation' }) : t('lms.standard.scorm2004', { ns: 'translation' });

  if (connection === null || connection.mode === 'web' || status.mode === 'web') {
    return (
      <dl>
        <Row term={t('lmsCheck.package')}>{t('lmsCheck.packageWeb')}</Row>
        <Row term={t('lmsCheck.api')}>{t('lmsCheck.apiNone')}</Row>
      </dl>
    );
  }
  if (connection.mode === 'local' && (connection.expected === 'cmi5' || connection.expected === 'xapi')) {
    const xapi = connection.expected === 'xapi';
    return (
      <dl>
        <Row term={t('lmsCheck.package')}>{t(xapi ? 'lmsCheck.packageXapi' : 'lmsCheck.packageCmi5')}</Row>
        <Row term={t('lmsCheck.api')}>{t(xapi ? 'lmsCheck.xapiNotLaunched' : 'lmsCheck.cmi5NotLaunched')}</Row>
      </dl>
    );
  }
  if (connection.mode === 'cmi5') return <Cmi5Details connection={connection} status={status} />;
  if (connection.mode === 'local' && connection.expected !== 'cmi5' && connection.expected !== 'xapi') {
    const standard = standardName(connection.expected);
    return (
      <dl>
        <Row term={t('lmsCheck.package')}>{t('lmsCheck.packageScorm', { standard })}</Row>
        <Row term={t('lmsCheck.api')}>
          {t('lmsCheck.apiNotFound', { standard, levels: format.format(connection.searchedLevels) })}
        </Row>
      </dl>
    );
  }
  if (status.mode !== 'lms' || status.standard === 'cmi5' || connection.mode !== 'lms') return null;
  const standard = standardName(connection.standard);
  const saving = status.readOnly
    ? t('lmsCheck.readOnly')
    : status.state === 'saved'
      ? t('lmsCheck.saved')
      : status.state === 'pending'
        ? t('lmsCheck.pending')
        : status.state === 'retrying'
          ? t('lmsCheck.retrying', { count: Math.max(1, status.failures) })
          : t('lmsCheck.ended');
  const restored =
    status.restoredFrom === 'lms'
      ? t('lmsCheck.restoredLms')
      : status.restoredFrom === 'browser'
        ? t('lmsCheck.restoredBrowser')
        : t('lmsCheck.restoredNone');
  return (
    <dl>
      <Row term={t('lmsCheck.package')}>{t('lmsCheck.packageScorm', { standard })}</Row>
      <Row term={t('lmsCheck.api')}>{t('lmsCheck.apiFound', { standard, name: API_NAMES[connection.standard] })}</Row>
      <Row term={t('lmsCheck.session')}>
        {status.finished ? t('lmsCheck.sessionEnded') : status.initialized ? t('lmsCheck.sessionOpen') : t('lmsCheck.sessionNotOpen')}
      </Row>
      <Row term={t('lmsCheck.saving')}>{saving}</Row>
      {status.lastError && <Row term={t('lmsCheck.lastError')}>{errorText(status.lastError)}</Row>}
      <Row term={t('lmsCheck.restored')}>{restored}</Row>
      {status.suspendDataLength !== null ? (
        <Row term={t('lmsCheck.suspendData')}>
          {t('lmsCheck.suspendDataValue', {
            length: format.format(status.suspendDataLength),
            limit: format.format(SUSPEND_DATA_LIMIT),
          })}
        </Row>
      ) : (
        status.reduced.length > 0 && <Row term={t('lmsCheck.suspendData')}>{t('lmsCheck.suspendDataTooLong')}</Row>
      )}
      {status.refused.length > 0 && (
        <Row term={t('lmsCheck.refused')}>
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
  const { t } = useLmsCheckTranslation();
  const errorText = useErrorText();
  const [result, setResult] = useState<RoundTrip | null>(null);
  const element = connection.standard === '1.2' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language';
  let message = '';
  if (result) {
    if (result.error) message = t('lmsCheck.roundTripFailed', { error: errorText(result.error) });
    else if (!result.ok) message = t('lmsCheck.roundTripMismatch', { read: result.read ?? '', written: result.written });
    else if (!result.commit.ok) {
      message = t('lmsCheck.roundTripNotSaved', { error: result.commit.error ? errorText(result.commit.error) : '' });
    } else message = t('lmsCheck.roundTripOk', { written: result.written });
  }
  return (
    <ActionSection
      headingId={headingId}
      title={t('lmsCheck.roundTrip')}
      intro={t('lmsCheck.roundTripIntro', { language, element })}
      action={t('lmsCheck.roundTripRun')}
      onAction={() => setResult(connection.tracking.roundTrip(language))}
    >
      <p role="status">{message}</p>
    </ActionSection>
  );
}

function LmsHoldings({ connection, headingId }: { connection: Extract<LmsConnection, { mode: 'lms' }>; headingId: string }) {
  const { t } = useLmsCheckTranslation();
  const errorText = useErrorText();
  const read = useCallback(() => connection.tracking.inspect(), [connection]);
  const [readings, setReadings] = useState<LmsReading[]>(read);
  return (
    <ActionSection
      headingId={headingId}
      title={t('lmsCheck.holds')}
      intro={t('lmsCheck.holdsIntro')}
      action={t('lmsCheck.readAgain')}
      secondary
      onAction={() => setReadings(read())}
    >
      {readings.length === 0 ? (
        <p>{t('lmsCheck.nothingToRead')}</p>
      ) : (
        <SummaryTable
          caption={t('lmsCheck.holds')}
          columns={[t('lmsCheck.element'), t('lmsCheck.value')]}
          rows={readings.map((reading) => ({
            key: reading.element,
            cells: [
              <code>{reading.element}</code>,
              reading.error
                ? t('lmsCheck.unavailable', { error: errorText(reading.error) })
                : reading.value === ''
                  ? t('lmsCheck.empty')
                  : reading.value,
            ],
          }))}
        />
      )}
    </ActionSection>
  );
}

type Cmi5Connection = Extract<LmsConnection, { mode: 'cmi5' }>;

function cmi5Status(status: LmsStatus) {
  return status.mode === 'lms' && status.standard === 'cmi5' ? status : null;
}

function Cmi5Details({ connection, status }: { connection: Cmi5Connection; status: LmsStatus }) {
  const { t, i18n } = useLmsCheckTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const { launch, edition } = connection.tracking;
  const live = cmi5Status(status);
  // A plain xAPI launch's mode, moveOn and mastery score are the course's own, not the LMS's.
  const fromLms = edition === 'cmi5';
  return (
    <dl>
      <Row term={t('lmsCheck.package')}>{t(fromLms ? 'lmsCheck.packageCmi5' : 'lmsCheck.packageXapi')}</Row>
      <Row term={t('lmsCheck.endpoint')}>
        <code>{launch.endpoint}</code>
      </Row>
      <Row term={t('lmsCheck.registration')}>
        <code>{launch.registration}</code>
      </Row>
      {fromLms && (
        <>
          <Row term={t('lmsCheck.launchMode')}>{t(`lmsCheck.launchModes.${launch.launchMode}`)}</Row>
          <Row term={t('lmsCheck.moveOn')}>
            {t(`lmsCheck.moveOnValues.${launch.moveOn}`)} (<code>{launch.moveOn}</code>)
          </Row>
          <Row term={t('lmsCheck.masteryScore')}>
            {launch.masteryScore === undefined ? t('lmsCheck.masteryNone') : format.format(launch.masteryScore)}
          </Row>
          <Row term={t('lmsCheck.returnUrl')}>{launch.returnURL === undefined ? t('lmsCheck.returnNone') : <code>{launch.returnURL}</code>}</Row>
        </>
      )}
      <Row term={t('lmsCheck.session')}>{live?.finished ? t('lmsCheck.sessionEnded') : t('lmsCheck.sessionOpen')}</Row>
      <Row term={t('lmsCheck.statementsPending')}>{format.format(live?.pending ?? 0)}</Row>
      {live?.refused && <Row term={t('lmsCheck.lastError')}>{t('lmsCheck.lrsRefused')}</Row>}
    </dl>
  );
}

function useFailureText() {
  const { t } = useLmsCheckTranslation();
  return (failure: ClientFailure) =>
    failure.status === undefined ? t('lmsCheck.lrsNoAnswer') : t(`lmsCheck.lrsAnswered.${failure.kind}`, { status: failure.status });
}

function Cmi5StateTest({ connection, headingId }: { connection: Cmi5Connection; headingId: string }) {
  const { t } = useLmsCheckTranslation();
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
  let message = running ? t('lmsCheck.stateRunning') : '';
  if (result?.ok) message = t('lmsCheck.stateOk');
  else if (result?.step === 'compare') message = t('lmsCheck.stateMismatch');
  else if (result) message = t(`lmsCheck.stateFailed.${result.step}`, { error: failureText(result.failure) });
  return (
    <ActionSection
      headingId={headingId}
      title={t('lmsCheck.roundTrip')}
      intro={
        <>
          {t('lmsCheck.stateIntro')} <code>{connection.tracking.launch.activityId}</code>
        </>
      }
      action={t('lmsCheck.roundTripRun')}
      disabled={running}
      onAction={run}
    >
      <p role="status">{message}</p>
    </ActionSection>
  );
}

function Cmi5Statements({ connection, status, headingId }: { connection: Cmi5Connection; status: LmsStatus; headingId: string }) {
  const { t } = useLmsCheckTranslation();
  const statements = cmi5Status(status)?.statements ?? [];
  return (
    <ActionSection
      headingId={headingId}
      title={t('lmsCheck.statements')}
      intro={t('lmsCheck.statementsIntro')}
      action={t('lmsCheck.sendAgain')}
      secondary
      onAction={() => connection.tracking.flush()}
    >
      {statements.length === 0 ? (
        <p>{t('lmsCheck.statementsNone')}</p>
      ) : (
        <SummaryTable
          caption={t('lmsCheck.statements')}
          columns={[t('lmsCheck.verb'), t('lmsCheck.statementId'), t('lmsCheck.statementStatus')]}
          rows={statements.map((statement) => ({
            key: statement.id,
            cells: [statement.verb, <code>{statement.id}</code>, t(`lmsCheck.statementStates.${statement.state}`)],
          }))}
        />
      )}
    </ActionSection>
  );
}
