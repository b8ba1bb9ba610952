/**
 * An in-memory LMS API of either SCORM edition, with switchable faults: calls that return
 * "false", error codes, exceptions, values refused outright, and an outage. `stored` is what the
 * LMS's server holds: the data at the last successful commit (or terminate).
 */
import type { Scorm12Api, Scorm2004Api } from '../../src/tracking/scorm/api.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';

export type Fault = 'false' | 'throw';

export class FakeLms {
  /** Values of this session. */
  readonly data = new Map<string, string>();
  /** What the LMS's server has, as of the last successful commit. */
  stored = new Map<string, string>();
  /** Every call, in order, as "Method element=value". */
  readonly calls: string[] = [];
  state: 'new' | 'running' | 'terminated' = 'new';
  lastError = '0';
  /** Every call fails this way while set (an outage). */
  down: Fault | null = null;
  /** Only commits fail this way while set. */
  commitFault: Fault | null = null;
  /** Elements (exact, or a RegExp) the LMS refuses with a permanent error code. */
  readonly refuse: Array<{ element: string | RegExp; code: string }> = [];
  /** Elements that fail with a general (retryable) error while the rest works. */
  readonly flaky: Array<string | RegExp> = [];
  /** Initialize fails with this code (and false) while set. */
  initializeError: string | null = null;

  constructor(
    readonly version: ScormVersion,
    initial: Record<string, string> = {},
  ) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, value);
    this.stored = new Map(this.data);
  }

  private general(): string {
    return this.version === '1.2' ? '101' : '391';
  }

  private fail(code: string): 'false' {
    this.lastError = code;
    return 'false';
  }

  private outage(call: string): 'false' | null {
    if (this.down === 'throw') throw new Error(`${call}: network down`);
    if (this.down === 'false') return this.fail(this.general());
    return null;
  }

  initialize(): string {
    this.calls.push('Initialize');
    const out = this.outage('Initialize');
    if (out) return out;
    if (this.initializeError) return this.fail(this.initializeError);
    if (this.state === 'running') return this.fail(this.version === '1.2' ? '101' : '103');
    if (this.state === 'terminated') return this.fail(this.version === '1.2' ? '101' : '104');
    this.state = 'running';
    this.lastError = '0';
    return 'true';
  }

  terminate(): string {
    this.calls.push('Terminate');
    const out = this.outage('Terminate');
    if (out) return out;
    if (this.state !== 'running') return this.fail(this.version === '1.2' ? '301' : '112');
    this.state = 'terminated';
    this.stored = new Map(this.data);
    this.lastError = '0';
    return 'true';
  }

  commit(): string {
    this.calls.push('Commit');
    const out = this.outage('Commit');
    if (out) return out;
    if (this.commitFault === 'throw') throw new Error('Commit: 500');
    if (this.commitFault === 'false') return this.fail(this.general());
    this.stored = new Map(this.data);
    this.lastError = '0';
    return 'true';
  }

  getValue(element: string): string {
    this.calls.push(`GetValue ${element}`);
    if (this.down === 'throw') throw new Error('GetValue: network down');
    if (this.state !== 'running') {
      this.lastError = this.version === '1.2' ? '301' : '122';
      return '';
    }
    if (element === 'cmi.interactions._count') {
      this.lastError = '0';
      return String(this.interactionCount());
    }
    const value = this.data.get(element);
    this.lastError = value === undefined && this.version === '2004' ? '403' : '0';
    return value ?? '';
  }

  setValue(element: string, value: string): string {
    this.calls.push(`SetValue ${element}=${value}`);
    const out = this.outage('SetValue');
    if (out) return out;
    if (this.state !== 'running') return this.fail(this.version === '1.2' ? '301' : '132');
    const match = (pattern: string | RegExp) => (typeof pattern === 'string' ? pattern === element : pattern.test(element));
    const refusal = this.refuse.find((r) => match(r.element));
    if (refusal) return this.fail(refusal.code);
    if (this.flaky.some(match)) return this.fail(this.version === '1.2' ? '101' : '351');
    const index = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
    if (index !== undefined && Number(index) > this.interactionCount()) return this.fail(this.version === '1.2' ? '201' : '351');
    this.data.set(element, value);
    this.lastError = '0';
    return 'true';
  }

  interactionCount(): number {
    let count = 0;
    while (this.data.has(`cmi.interactions.${count}.id`)) count += 1;
    return count;
  }

  /** Interaction records: index → field → value. */
  interactions(source: Map<string, string> = this.data): Array<Record<string, string>> {
    const out: Array<Record<string, string>> = [];
    for (const [key, value] of source) {
      const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
      if (match) (out[Number(match[1])] ??= {})[match[2]!] = value;
    }
    return out;
  }

  /** Calls of one kind (Initialize, Commit, Terminate, SetValue…). */
  count(kind: string): number {
    return this.calls.filter((c) => c === kind || c.startsWith(`${kind} `)).length;
  }

  /** The API object, under the edition's method names. */
  api(): Scorm12Api | Scorm2004Api {
    const error = () => this.lastError;
    const text = (code: string) => `error ${code}`;
    if (this.version === '1.2') {
      return {
        LMSInitialize: () => this.initialize(),
        LMSFinish: () => this.terminate(),
        LMSGetValue: (e: string) => this.getValue(e),
        LMSSetValue: (e: string, v: string) => this.setValue(e, v),
        LMSCommit: () => this.commit(),
        LMSGetLastError: error,
        LMSGetErrorString: text,
        LMSGetDiagnostic: () => '',
      };
    }
    return {
      Initialize: () => this.initialize(),
      Terminate: () => this.terminate(),
      GetValue: (e: string) => this.getValue(e),
      SetValue: (e: string, v: string) => this.setValue(e, v),
      Commit: () => this.commit(),
      GetLastError: error,
      GetErrorString: text,
      GetDiagnostic: () => '',
    };
  }

  /** What the LMS hands the next launch: the stored data, entry set from the stored exit. */
  relaunch(): FakeLms {
    const exitKey = this.version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
    const next: Record<string, string> = {};
    for (const [key, value] of this.stored) {
      if (/session_time|\.exit$|\.entry$/.test(key)) continue;
      if (this.version === '1.2' && key.startsWith('cmi.interactions.')) continue;
      next[key] = value;
    }
    next[this.version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = this.stored.get(exitKey) === 'suspend' ? 'resume' : '';
    return new FakeLms(this.version, next);
  }
}
