import { describe, expect, it } from 'vitest';
import {
  connectScorm,
  findScormApi,
  isPermanentError,
  type Scorm12Api,
  type Scorm2004Api,
  type SearchableWindow,
} from '../../src/tracking/scorm/api.ts';
import { FakeLms } from './fake-lms.ts';

/** A chain of windows: index 0 is the course's window, each next one its parent. */
function chain(length: number, extra: Record<number, Record<string, unknown>> = {}): SearchableWindow[] {
  const windows: Array<Record<string, unknown>> = Array.from({ length }, (_, i) => ({ ...extra[i] }));
  windows.forEach((win, i) => {
    win.parent = windows[i + 1] ?? win; // the top window is its own parent
    win.top = windows[length - 1];
  });
  return windows as SearchableWindow[];
}

/** A window of another origin: reading any property but `parent` throws. */
function foreign(parent: SearchableWindow | null): SearchableWindow {
  return new Proxy({} as SearchableWindow, {
    get(_, key) {
      if (key === 'parent') return parent;
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  });
}

const api12 = () => new FakeLms('1.2').api();
const api2004 = () => new FakeLms('2004').api();

describe('finding the LMS API', () => {
  it('finds it in the window itself', () => {
    const [win] = chain(1, { 0: { API: api12() } });
    expect(findScormApi(win!, '1.2')?.where).toEqual({ via: 'parent', level: 0 });
  });

  it('walks up the parents, and finds only the edition asked for', () => {
    const windows = chain(4, { 2: { API: api12() }, 3: { API_1484_11: api2004() } });
    expect(findScormApi(windows[0]!, '1.2')?.where).toEqual({ via: 'parent', level: 2 });
    expect(findScormApi(windows[0]!, '2004')?.where).toEqual({ via: 'parent', level: 3 });
    expect(findScormApi(windows[0]!, '1.2')?.version).toBe('1.2');
  });

  it('stops after a bounded number of levels', () => {
    const windows = chain(12, { 11: { API: api12() } });
    expect(findScormApi(windows[0]!, '1.2')).toBeNull();
    expect(findScormApi(windows[0]!, '1.2', 11)?.where.level).toBe(11);
  });

  it('then looks in the opener and its parents', () => {
    const lms = chain(2, { 1: { API_1484_11: api2004() } });
    const [course] = chain(2, { 0: { opener: lms[0] } });
    expect(findScormApi(course!, '2004')?.where).toEqual({ via: 'opener', level: 1 });
  });

  it('also looks in the opener of the top window (a frameset opened in a new window)', () => {
    const lms = chain(1, { 0: { API: api12() } });
    const windows = chain(3, { 2: { opener: lms[0] } });
    expect(findScormApi(windows[0]!, '1.2')?.where).toEqual({ via: 'opener', level: 0 });
  });

  it('skips windows of another origin instead of failing', () => {
    const top = chain(1, { 0: { API: api12() } })[0]!;
    const middle = foreign(top);
    const course = chain(1)[0]! as { parent: SearchableWindow };
    course.parent = middle;
    expect(findScormApi(course as SearchableWindow, '1.2')?.where.level).toBe(2);
  });

  it('ignores objects that are not an API', () => {
    const windows = chain(2, { 0: { API: { LMSInitialize: () => 'true' } }, 1: { API: 'nope' } });
    expect(findScormApi(windows[0]!, '1.2')).toBeNull();
  });

  it('finds nothing in a lone window', () => {
    expect(findScormApi(chain(1)[0]!, '2004')).toBeNull();
  });
});

describe('calling the LMS', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s: results, values and errors, never an exception', (version) => {
    const lms = new FakeLms(version, { 'cmi.suspend_data': 'abc' });
    const connection = connectScorm(findScormApi(chain(1, { 0: { [version === '1.2' ? 'API' : 'API_1484_11']: lms.api() } })[0]!, version)!);
    expect(connection.version).toBe(version);
    expect(connection.getValue('cmi.suspend_data')).toEqual({ ok: false, error: expect.objectContaining({ code: version === '1.2' ? 301 : 122 }) });
    expect(connection.initialize()).toEqual({ ok: true, value: undefined });
    expect(connection.getValue('cmi.suspend_data')).toEqual({ ok: true, value: 'abc' });
    // 2004 answers 403 for an element that has no value yet: that is an empty value, not a failure.
    expect(connection.getValue('cmi.location')).toEqual({ ok: true, value: '' });
    lms.refuse.push({ element: 'cmi.mode', code: '403' });
    expect(connection.setValue('cmi.mode', 'x')).toEqual({ ok: false, error: { code: 403, message: 'error 403' } });
    lms.down = 'throw';
    const thrown = connection.commit();
    expect(thrown.ok).toBe(false);
    if (!thrown.ok) expect(thrown.error).toEqual({ code: -1, message: 'Error: Commit: network down' });
    lms.down = 'false';
    const refused = connection.commit();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe(version === '1.2' ? 101 : 391);
  });

  it('treats "false" without an error code as a failure', () => {
    const api = { ...(new FakeLms('1.2').api() as Scorm12Api), LMSCommit: () => 'false', LMSGetLastError: () => '0' };
    const connection = connectScorm({ version: '1.2', api, where: { via: 'parent', level: 0 } });
    expect(connection.commit()).toEqual({ ok: false, error: { code: 101, message: 'LMSCommit returned false' } });
  });

  it('accepts a boolean true as success (some LMSs return booleans)', () => {
    const api = { ...(new FakeLms('2004').api() as Scorm2004Api), Commit: () => true };
    const connection = connectScorm({ version: '2004', api, where: { via: 'parent', level: 0 } });
    expect(connection.commit().ok).toBe(true);
  });

  it('survives an LMS whose error functions throw', () => {
    const api = {
      ...(new FakeLms('2004').api() as Scorm2004Api),
      SetValue: () => 'false',
      GetLastError: () => {
        throw new Error('broken');
      },
    };
    const connection = connectScorm({ version: '2004', api, where: { via: 'parent', level: 0 } });
    expect(connection.setValue('cmi.location', 'x')).toEqual({ ok: false, error: { code: -1, message: 'GetLastError failed' } });
  });

  it('knows which errors retrying cannot fix', () => {
    expect(isPermanentError('1.2', 405)).toBe(true);
    expect(isPermanentError('1.2', 101)).toBe(false);
    expect(isPermanentError('1.2', 301)).toBe(false);
    expect(isPermanentError('2004', 406)).toBe(true);
    expect(isPermanentError('2004', 408)).toBe(true);
    expect(isPermanentError('2004', 391)).toBe(false);
    expect(isPermanentError('2004', 351)).toBe(false);
  });
});
