/**
 * One pass of setting what the outbox holds in the LMS (no commit): each value to set, then each
 * interaction not yet sent. Returns the new outbox and what happened, for the connection machine
 * (`valuesSet`); the only state it keeps is in what it returns.
 *
 * - A value the LMS refuses outright (a permanent error: wrong type, not implemented…) is not
 *   retried. A refused interaction field is left out of that record; a refused interaction **id**
 *   means the LMS takes no interactions: they stop.
 * - A call that fails with another error is tried again on the next pass; while the LMS answers
 *   other calls (it is up), one that keeps failing is given up after {@link MAX_REFUSALS} tries.
 */
import { isPermanentError, type LmsError, type ScormConnection } from './api.ts';
import { ELEMENTS, STATUS_ELEMENTS } from './cmi-values.ts';
import type { InteractionFields } from './interactions.ts';
import { raisedFloor, type Outbox } from './outbox.ts';

/** How many times one value or interaction may be refused while other calls succeed before it is given up. */
export const MAX_REFUSALS = 5;

export interface Refusal {
  element: string;
  error: LmsError;
}

export interface PassOutcome {
  outbox: Outbox;
  /** Values and interactions refused or given up in this pass, in order. */
  refusals: Refusal[];
  /** The last word in this pass on the record (bookmark or suspend data): `null` when neither was tried. */
  record: 'accepted' | 'refused' | null;
  /** The LMS refused an interaction's id: it does not take interactions. */
  interactionsRefused: boolean;
  /** The first call that failed and may work later (`null`: none). */
  failed: LmsError | null;
}

/** A pass's own copy of a queued interaction. */
interface Queued {
  fields: InteractionFields;
  index: number | null;
  sent: boolean;
}

interface Failure {
  element: string;
  error: LmsError;
  giveUp: () => void;
}

/** A pass's working copy of the outbox and what it has seen. */
interface Pass {
  lms: ScormConnection;
  toSet: Set<string>;
  unsent: Set<string>;
  tries: Map<string, number>;
  floor: ReadonlyMap<string, string>;
  nextInteraction: number;
  refusals: Refusal[];
  record: PassOutcome['record'];
  failures: Failure[];
  /** Calls the LMS answered (accepted or refused): proof it is up. */
  answered: number;
}

/**
 * Sets what is due. `takesInteractions`: the LMS has not refused interactions.
 *
 * @example
 * const outcome = setPending(lms, outbox, true);
 * connection.send({ type: 'valuesSet', outcome });
 */
export function setPending(lms: ScormConnection, outbox: Outbox, takesInteractions: boolean): PassOutcome {
  const pass: Pass = {
    lms,
    toSet: new Set(outbox.toSet),
    unsent: new Set(outbox.unsent),
    tries: new Map(outbox.tries),
    floor: outbox.floor,
    nextInteraction: outbox.nextInteraction,
    refusals: [],
    record: null,
    failures: [],
    answered: 0,
  };
  for (const element of [...pass.toSet]) setValue(pass, element, outbox.desired.get(element));
  const queue: Queued[] = outbox.queue.map((item) => ({ ...item }));
  const dropped = new Set<Queued>();
  let interactionsRefused = !takesInteractions;
  for (const item of queue) {
    if (interactionsRefused) break;
    if (item.sent) continue;
    const sent = sendInteraction(pass, item, () => dropped.add(item));
    if (sent === 'id refused') interactionsRefused = true;
    else if (sent === 'sent') item.sent = true;
  }
  giveUpOnStubborn(pass);
  return {
    outbox: {
      ...outbox,
      toSet: pass.toSet,
      unsent: pass.unsent,
      tries: pass.tries,
      floor: pass.floor,
      nextInteraction: pass.nextInteraction,
      queue: interactionsRefused ? [] : queue.filter((item) => !dropped.has(item)),
    },
    refusals: pass.refusals,
    record: pass.record,
    interactionsRefused,
    failed: pass.failures[0]?.error ?? null,
  };
}

const isRecordElement = (pass: Pass, element: string) => {
  const names = ELEMENTS[pass.lms.version];
  return element === names.suspendData || element === names.location;
};

function refuse(pass: Pass, element: string, error: LmsError) {
  if (isRecordElement(pass, element)) pass.record = 'refused';
  pass.refusals.push({ element, error });
}

function setValue(pass: Pass, element: string, value: string | undefined) {
  const { lms } = pass;
  if (value === undefined) {
    pass.toSet.delete(element);
    return;
  }
  const result = lms.setValue(element, value);
  if (result.ok) {
    pass.answered += 1;
    pass.toSet.delete(element);
    pass.tries.delete(element);
    if (isRecordElement(pass, element)) pass.record = 'accepted';
    if (STATUS_ELEMENTS[lms.version].includes(element)) pass.floor = raisedFloor(pass.floor, element, value);
  } else if (isPermanentError(lms.version, result.error.code)) {
    pass.answered += 1;
    pass.toSet.delete(element);
    pass.unsent.delete(element);
    refuse(pass, element, result.error);
  } else {
    const { error } = result;
    pass.failures.push({
      element,
      error,
      giveUp: () => {
        pass.toSet.delete(element);
        pass.unsent.delete(element);
        refuse(pass, element, error);
      },
    });
  }
}

/** Sets one interaction's fields in order; a failure stops at that field (the record is sent again). */
function sendInteraction(
  pass: Pass,
  item: Queued,
  drop: () => void,
): 'sent' | 'failed' | 'id refused' {
  const { lms } = pass;
  const index = item.index ?? pass.nextInteraction;
  const refusedFields = new Set<string>();
  let outcome: 'sent' | 'failed' | 'id refused' = 'sent';
  for (const [field, value] of item.fields) {
    const element = `cmi.interactions.${index}.${field}`;
    const result = lms.setValue(element, value);
    if (result.ok) {
      pass.answered += 1;
      if (item.index === null) {
        // The id is set: this record now owns the index (SCORM 1.2 allows no gaps).
        item.index = index;
        pass.nextInteraction = index + 1;
      }
      continue;
    }
    if (isPermanentError(lms.version, result.error.code)) {
      pass.answered += 1;
      refuse(pass, element, result.error);
      if (field !== 'id') {
        refusedFields.add(field);
        continue;
      }
      outcome = 'id refused';
    } else {
      const label = `interaction:${item.fields[0]?.[1] ?? ''}:${index}`;
      pass.failures.push({ element: label, error: result.error, giveUp: drop });
      outcome = 'failed';
    }
    break;
  }
  if (refusedFields.size > 0) item.fields = item.fields.filter(([field]) => !refusedFields.has(field));
  return outcome;
}

/** The LMS is up but keeps failing these: give up on each after a few tries. */
function giveUpOnStubborn(pass: Pass) {
  if (pass.failures.length === 0) return;
  // Only failures: is the LMS down, or refusing just these? A read that works says it is up.
  if (pass.answered === 0 && pass.lms.getValue(ELEMENTS[pass.lms.version].location).ok) pass.answered = 1;
  if (pass.answered === 0) return;
  for (const failure of pass.failures) {
    const count = (pass.tries.get(failure.element) ?? 0) + 1;
    pass.tries.set(failure.element, count);
    if (count >= MAX_REFUSALS) {
      pass.tries.delete(failure.element);
      failure.giveUp();
      refuse(pass, failure.element, failure.error);
    }
  }
}
