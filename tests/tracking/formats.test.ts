import { describe, expect, it } from 'vitest';
import {
  plainLine,
  progressMeasure,
  scaledScore,
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
  sessionTime,
} from '../../src/tracking/scorm/formats.ts';

// The patterns scorm-again (the LMS side in the browser tests) checks these values against.
const CMI_TIMESPAN_12 = /^([0-9]+):([0-9]{2}):([0-9]{2})(\.\d{1,2})?$/;
const CMI_TIMESPAN_2004 = /^P(?:([.,\d]+)Y)?(?:([.,\d]+)M)?(?:([.,\d]+)W)?(?:([.,\d]+)D)?(?:T?(?:([.,\d]+)H)?(?:([.,\d]+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;
const CMI_TIME_2004 =
  /^(19[7-9][0-9]|[2-9][0-9]{3})((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,6})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/;

describe('session time', () => {
  it.each([
    [0, '00:00:00.00', 'PT0S'],
    [0.004, '00:00:00.00', 'PT0S'],
    [5.5, '00:00:05.50', 'PT5.5S'],
    [59.999, '00:01:00.00', 'PT1M'],
    [3725.25, '01:02:05.25', 'PT1H2M5.25S'],
    [36_000, '10:00:00.00', 'PT10H'],
    [400_000, '111:06:40.00', 'PT111H6M40S'],
  ])('%s s is %s in SCORM 1.2 and %s in SCORM 2004', (seconds, v12, v2004) => {
    expect(scorm12Timespan(seconds)).toBe(v12);
    expect(scorm2004Duration(seconds)).toBe(v2004);
    expect(v12).toMatch(CMI_TIMESPAN_12);
    expect(v2004).toMatch(CMI_TIMESPAN_2004);
    expect(sessionTime('1.2', seconds)).toBe(v12);
    expect(sessionTime('2004', seconds)).toBe(v2004);
  });

  it('caps SCORM 1.2 at the largest value its format holds, and never goes negative', () => {
    expect(scorm12Timespan(1e12)).toBe('9999:59:59.99');
    expect(scorm12Timespan(-5)).toBe('00:00:00.00');
    expect(scorm12Timespan(Number.NaN)).toBe('00:00:00.00');
    expect(scorm2004Duration(-5)).toBe('PT0S');
  });
});

describe('time stamps', () => {
  it('SCORM 1.2 CMITime is the local time of day', () => {
    expect(scorm12Time(new Date(2025, 0, 1, 9, 5, 7))).toBe('09:05:07');
  });

  it('SCORM 2004 time is UTC to the hundredth, the zone after the fraction', () => {
    const stamp = scorm2004Timestamp(new Date('2025-03-04T10:20:30.456Z'));
    expect(stamp).toBe('2025-03-04T10:20:30.45Z');
    expect(stamp).toMatch(CMI_TIME_2004);
  });
});

describe('scores and progress', () => {
  it('scales without ever rounding up', () => {
    expect(scaledScore(17, 22)).toBe('0.7727272');
    expect(scaledScore(2, 3)).toBe('0.6666666');
    expect(scaledScore(4, 5)).toBe('0.8');
    expect(scaledScore(22, 22)).toBe('1');
    expect(scaledScore(0, 22)).toBe('0');
    expect(scaledScore(0, 0)).toBe('1');
    expect(progressMeasure(1, 28)).toBe('0.0357142');
    expect(progressMeasure(28, 28)).toBe('1');
  });
});

describe('text', () => {
  it('makes one line of at most n characters without splitting a character', () => {
    expect(plainLine('  a\n\tb  ', 10)).toBe('a b');
    expect(plainLine('abcdef', 3)).toBe('abc');
    expect(plainLine('😀😀😀', 4)).toBe('😀😀');
    expect(plainLine('😀😀😀', 5)).toBe('😀😀'); // never half a character
  });
});
