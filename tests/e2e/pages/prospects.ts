import { expect, type Page, type TestInfo } from '@playwright/test';
import { CalculatorPage, PLAN_NAMES, WORKED_EXAMPLE, type MoneyStory, type PlanName } from './calculator';

// The prospects of the issue "An estimate a prospect can trust", with what the default config
// (config/default.json) must tell each of them, and helpers shared by the specs that follow them.

export interface Sizes {
  users: string;
  computers: string;
  servers: string;
}

export interface Prospect {
  /** A short name for test titles and screenshot files. */
  id: string;
  sizes: Sizes;
  existingClient: boolean;
  /** The response time option, as labelled. */
  response: string;
  /** [question, option] in the order the widget asks them. */
  answers: [string, string][];
  band: 'Strong fit' | 'Possible fit' | 'Not a fit yet';
  score: number;
  /** The recommended plan, or null for "Pay per job, for now". */
  plan: PlanName | null;
  /** The plan offered "if a contract suits you" before the verdict. */
  planBeforeVerdict: PlanName;
  prices: Record<PlanName, string>;
  /** The money sentences for the plan the comparison shows by default. */
  story: MoneyStory;
}

const Q = {
  partner: 'How do you see your IT support?',
  trust: 'How much would you hand over to an outside IT team?',
  payment: 'How would you rather pay for IT support?',
  urgency: 'When IT stops your work, how much does a guaranteed response matter?',
  upkeep: 'Should updates, antivirus and backups be looked after before anything goes wrong?',
  today: 'What happens today when something breaks?',
};

/**
 * A 12-person dental office that wants peace of mind and a response within 4 hours: the
 * numbers of the issue ("you save about $24,300" beside "pays for itself above 117.6 hours, we
 * expect 112"), now each with its basis.
 */
export const DENTAL_OFFICE: Prospect = {
  id: 'dental-office',
  sizes: { users: '12', computers: '14', servers: '1' },
  existingClient: false,
  response: 'Within 4 hours',
  answers: [
    [Q.partner, 'A long-term partner who knows our systems'],
    [Q.trust, "We'd like to approve the bigger changes"],
    [Q.payment, 'A predictable monthly fee'],
    [Q.urgency, "It's critical: we lose money every hour"],
    [Q.upkeep, 'Yes, keep everything current for us'],
    [Q.today, 'We call an IT firm and wait our turn'],
  ],
  band: 'Strong fit',
  score: 94, // (15 + 14) / 31
  plan: 'Priority',
  planBeforeVerdict: 'Priority',
  prices: { Essential: '$1,170.00', Priority: '$1,580.00', Premium: '$2,075.00' },
  story: {
    labour: 'On support work alone, the Priority plan costs about $900 a year more than paying per job.',
    labourBreakEven:
      'On support work alone, the contract pays for itself once you need more than 117.6 hours of support a year; ' +
      'we expect about 112 hours for your business.',
    total: 'Counting the downtime a response guaranteed within 4 hours avoids, you save about $24,300 a year.',
    totalBreakEven: 'Counting downtime, it pays for itself above 49.1 hours of support a year.',
  },
};

/** A 3-person shop that only wants break-fix: honestly told to pay per job, once it has answered. */
export const BREAK_FIX_SHOP: Prospect = {
  id: 'break-fix-shop',
  sizes: { users: '3', computers: '3', servers: '0' },
  existingClient: false,
  response: 'No particular need',
  answers: [
    [Q.partner, 'Someone reliable we call when we need them'],
    [Q.trust, "We'd rather keep control in-house"],
    [Q.payment, 'Only when something breaks'],
    [Q.urgency, 'We can usually wait a few days'],
    [Q.upkeep, 'We only deal with things when they break'],
    [Q.today, "Hardly anything breaks; we're fine as we are"],
  ],
  band: 'Not a fit yet',
  score: 10, // (-11 + 14) / 31
  plan: null,
  planBeforeVerdict: 'Essential',
  // Every plan's minimum applies to three people.
  prices: { Essential: '$600.00', Priority: '$800.00', Premium: '$1,000.00' },
  story: {
    labour: 'On support work alone, the Essential plan costs about $3,330 a year more than paying per job.',
    labourBreakEven:
      'On support work alone, the contract pays for itself once you need more than 44.7 hours of support a year; ' +
      'we expect about 24 hours for your business.',
    total:
      'Even counting the downtime a response guaranteed within 8 hours avoids, the Essential plan costs about ' +
      '$2,250 a year more; what you buy is peace of mind and the upkeep.',
    totalBreakEven: 'Counting downtime, it pays for itself above 34.9 hours of support a year.',
  },
};

/** An existing client with 25 people: 5% off every plan, shown line by line. */
export const EXISTING_CLIENT: Prospect = {
  id: 'existing-client',
  sizes: { users: '25', computers: '25', servers: '2' },
  existingClient: true,
  response: 'Within 8 hours',
  answers: [
    [Q.partner, 'Someone reliable we call when we need them'],
    [Q.trust, "We'd like to approve the bigger changes"],
    [Q.payment, 'A small monthly fee, extras when needed'],
    [Q.urgency, "It matters, but we can manage for a day"],
    [Q.upkeep, 'We handle some of it ourselves'],
    [Q.today, 'A colleague fixes it alongside their own job'],
  ],
  band: 'Possible fit',
  score: 61, // (5 + 14) / 31
  plan: 'Essential',
  planBeforeVerdict: 'Essential',
  prices: { Essential: '$2,303.75', Priority: '$3,111.25', Premium: '$4,085.00' },
  story: {
    labour: 'On support work alone, the Essential plan costs about $8,475 a year less than paying per job.',
    labourBreakEven:
      'On support work alone, the contract pays for itself once you need more than 171.4 hours of support a year; ' +
      'we expect about 224 hours for your business.',
    total: 'Counting the downtime a response guaranteed within 8 hours avoids, you save about $92,475 a year.',
    totalBreakEven: 'Counting downtime, it pays for itself above 51.6 hours of support a year.',
  },
};

export const PROSPECTS = [DENTAL_OFFICE, BREAK_FIX_SHOP, EXISTING_CLIENT];

/** Types the prospect's business and picks its response time (no fit question answered yet). */
export async function describeBusiness(calc: CalculatorPage, p: Prospect): Promise<void> {
  await calc.fillSizes(p.sizes);
  if (p.existingClient) await calc.existingClient.check();
  await calc.chooseResponse(p.response);
}

/** The worked example with every question answered with its first option and a 4-hour response. */
export async function strongFitJourney(calc: CalculatorPage): Promise<void> {
  await calc.fillSizes(WORKED_EXAMPLE);
  await calc.answerEveryQuestion('first');
  await calc.chooseResponse('Within 4 hours');
  await expect(calc.fitBand('Strong fit')).toBeVisible();
}

// --- reading the money sentences ------------------------------------------------------------------

/** Which way a saving goes, and by about how much (whole currency units). */
export type Direction = { kind: 'less' | 'more'; amount: number } | { kind: 'same' };

export interface ParsedStory {
  labour: Direction;
  /** Support hours above which the plan is cheaper on support work alone (null: never). */
  labourBreakEven: number | null;
  /** The support hours the widget expects for this business. */
  expected: number;
  total: Direction;
  /** Support hours above which the plan is cheaper counting downtime (null: never). */
  totalBreakEven: number | null;
}

const num = (s: string) => Number(s.replace(/,/g, ''));

/** Reads the numbers and directions out of the four English money sentences. */
export function parseStory(s: MoneyStory): ParsedStory {
  const labour = /costs about \$([\d,]+) a year (less|more) than paying per job\.$/.exec(s.labour);
  const labourSame = /costs about the same as paying per job\.$/.test(s.labour);
  const labourBE = /more than ([\d,.]+) hours of support a year; we expect about ([\d,.]+) hours/.exec(s.labourBreakEven);
  const labourNever = /never pays for itself on support work alone/.test(s.labourBreakEven);
  const saves = /, you save about \$([\d,]+) a year\.$/.exec(s.total);
  const costs = /costs about \$([\d,]+) a year more;/.exec(s.total);
  const totalSame = /costs about the same as paying per job\.$/.test(s.total);
  const totalBE = /^Counting downtime, it pays for itself above ([\d,.]+) hours of support a year\.$/.exec(s.totalBreakEven);
  const totalNever = /never becomes cheaper than paying per job/.test(s.totalBreakEven);
  expect(!!labour || labourSame, `labour sentence: ${s.labour}`).toBe(true);
  expect(!!labourBE || labourNever, `labour break-even sentence: ${s.labourBreakEven}`).toBe(true);
  expect(!!saves || !!costs || totalSame, `total sentence: ${s.total}`).toBe(true);
  expect(!!totalBE || totalNever, `total break-even sentence: ${s.totalBreakEven}`).toBe(true);
  const expectedHours = /we expect about ([\d,.]+) hours/.exec(s.labourBreakEven);
  return {
    labour: labour ? { kind: labour[2] as 'less' | 'more', amount: num(labour[1]) } : { kind: 'same' },
    labourBreakEven: labourBE ? num(labourBE[1]) : null,
    expected: expectedHours ? num(expectedHours[1]) : NaN,
    total: saves ? { kind: 'less', amount: num(saves[1]) } : costs ? { kind: 'more', amount: num(costs[1]) } : { kind: 'same' },
    totalBreakEven: totalBE ? num(totalBE[1]) : null,
  };
}

/**
 * A saving and its break-even never contradict each other: cheaper on a basis exactly when the
 * expected hours are above that basis's break-even. Hours are compared as shown (one decimal), so
 * equal shown hours agree with either direction.
 */
export function expectNoContradiction(story: ParsedStory, what: string): void {
  const check = (basis: string, dir: Direction, breakEven: number | null) => {
    const detail = `${what}, ${basis}: ${JSON.stringify(dir)}, break-even ${breakEven}, expected ${story.expected}`;
    if (breakEven === null) {
      expect(dir.kind, `${detail}: never pays for itself, so never cheaper`).toBe('more');
      return;
    }
    if (dir.kind === 'less') expect(story.expected, `${detail}: cheaper, so above the break-even`).toBeGreaterThanOrEqual(breakEven);
    if (dir.kind === 'more') expect(story.expected, `${detail}: dearer, so below the break-even`).toBeLessThanOrEqual(breakEven);
    if (dir.kind === 'same') expect(Math.abs(story.expected - breakEven), `${detail}: the same, so at the break-even`).toBeLessThanOrEqual(0.1);
  };
  expect(story.expected, `${what}: expected hours are stated`).toBeGreaterThan(0);
  check('support work alone', story.labour, story.labourBreakEven);
  check('counting downtime', story.total, story.totalBreakEven);
}

/** A full-page screenshot kept in the test's output folder and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

export { PLAN_NAMES };
