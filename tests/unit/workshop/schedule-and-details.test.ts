import { describe, expect, it } from 'vitest';
import { dateInWords, readDetails, startTimes, writeDetails } from '../../../src/lib/workshop/details';
import { planMinutes } from '../../../src/lib/workshop/plan';
import { cssString, runningHeadCss } from '../../../src/lib/workshop/print-margins';
import { clockPair, clockText, durationWords, minutesPerSlide, scheduleAt } from '../../../src/lib/workshop/schedule';

const modules = [
  { id: 'a', minutes: 20, scenarios: ['a1', 'a2', 'a3', 'a4'] },
  { id: 'b', minutes: 30, scenarios: ['b1', 'b2', 'b3'] },
];

describe('the workshop clock against the plan', () => {
  it('shares each module’s minutes among its scenarios, adding up to the planner’s total', () => {
    const plan = [{ module: 'b' }, { module: 'a', scenarios: ['a1', 'a3'] }];
    const per = minutesPerSlide(plan, modules);
    expect(per).toEqual([10, 10, 10, 5, 5]);
    expect(per.reduce((x, y) => x + y)).toBe(planMinutes(plan, modules));
  });

  it('says on schedule, behind or ahead in whole minutes', () => {
    const per = [10, 10, 10];
    expect(scheduleAt(per, 0, 5 * 60000)).toEqual({ kind: 'on-time' });
    expect(scheduleAt(per, 0, 13 * 60000)).toEqual({ kind: 'behind', minutes: 3 });
    expect(scheduleAt(per, 2, 12 * 60000)).toEqual({ kind: 'ahead', minutes: 8 });
    expect(scheduleAt(per, 1, 15 * 60000)).toEqual({ kind: 'on-time' });
  });

  it('writes mm:ss and h:mm:ss', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(61_500)).toBe('01:01');
    expect(clockText(3_725_000)).toBe('1:02:05');
  });

  // The trainer's review: „00:30 no 1:30:00” wrote the two in different forms.
  it('writes elapsed and planned time in one form: h:mm:ss for both once either reaches an hour, else mm:ss for both', () => {
    expect(clockPair(30_000, 90 * 60000)).toEqual({ elapsed: '0:00:30', planned: '1:30:00' });
    expect(clockPair(30_000, 45 * 60000)).toEqual({ elapsed: '00:30', planned: '45:00' });
    expect(clockPair(3_725_000, 45 * 60000)).toEqual({ elapsed: '1:02:05', planned: '0:45:00' });
    expect(clockPair(0, 60 * 60000)).toEqual({ elapsed: '0:00:00', planned: '1:00:00' });
    expect(clockPair(59 * 60000 + 59_999, 59 * 60000)).toEqual({ elapsed: '59:59', planned: '59:00' });
  });

  it('says a duration in words for a screen reader, in each language’s plural forms, leaving out zero parts', () => {
    expect(durationWords(30_000, 'lv-LV')).toBe('30 sekunžu');
    expect(durationWords(90 * 60000, 'lv-LV')).toBe('1 stunda 30 minūšu');
    expect(durationWords(2 * 3600_000 + 2 * 60000 + 1000, 'lv-LV')).toBe('2 stundas 2 minūtes 1 sekunde');
    expect(durationWords(90 * 60000, 'en-GB')).toBe('1 hour 30 minutes');
    expect(durationWords(61_500, 'en-GB')).toBe('1 minute 1 second');
    expect(durationWords(0, 'en-GB')).toBe('0 seconds');
  });
});

describe('workshop details in the link', () => {
  it('round-trip title, date, place and start, leaving empty ones out', () => {
    const params = writeDetails(new URLSearchParams({ plan: 'a' }), { title: 'Jaunie darbinieki', date: '2026-12-01', place: 'Rīga, 3. zāle', start: '09:30' });
    expect(readDetails(new URLSearchParams(params.toString()))).toEqual({ title: 'Jaunie darbinieki', date: '2026-12-01', place: 'Rīga, 3. zāle', start: '09:30' });
    expect(writeDetails(new URLSearchParams(), { title: '', date: '', place: '', start: '' }).toString()).toBe('');
  });

  it('drop what the form could not have produced and cut long text', () => {
    const d = readDetails(new URLSearchParams({ date: '2026-13-01', start: '25:00', title: 'x'.repeat(500), place: 'a\nb' }));
    expect(d.date).toBe('');
    expect(d.start).toBe('');
    expect(d.title).toHaveLength(120);
    expect(d.place).toBe('a b');
  });

  it('give each agenda row its start time and the end', () => {
    expect(startTimes('09:30', [25, 40, 5])).toEqual(['09:30', '09:55', '10:35', '10:40']);
    expect(startTimes('', [25])).toEqual([]);
  });

  it('write the date in the page’s language', () => {
    expect(dateInWords('2026-12-01', 'lv-LV')).toBe('2026. gada 1. decembris');
    expect(dateInWords('2026-12-01', 'en-GB')).toBe('1 December 2026');
    expect(dateInWords('nope', 'en-GB')).toBe('');
  });
});

describe('the printed guide’s running title', () => {
  it('is a safe CSS string whatever the title holds', () => {
    expect(cssString('Vadītāja „ceļvedis” "x" \\ </style>')).toBe('"Vadītāja „ceļvedis” \\"x\\" \\\\ \\3c /style>"');
    expect(runningHeadCss('Title')).toContain('@top-left { content: "Title"');
    expect(runningHeadCss('Title')).toContain('counter(page) " / " counter(pages)');
  });
});

describe('counted phrases in islands', () => {
  it('take the right Latvian form for any count, past the 240 minutes the planner used to stop at', async () => {
    const { pluralFrom } = await import('../../../src/lib/i18n/plural-forms');
    const { plural, STRINGS } = await import('../../../src/lib/i18n/translate');
    for (const n of [0, 1, 5, 21, 250, 1001]) expect(pluralFrom(STRINGS.lv['plural.minutes'], 'lv-LV', n)).toBe(plural('lv', 'plural.minutes', n));
    expect(pluralFrom(STRINGS.en['plural.scenarios'], 'en-GB', 64)).toBe('64 scenarios');
  });
});
