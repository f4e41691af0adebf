import { describe, expect, it } from 'vitest'
import { continuesRange, endsInRange, holdsSpan, spanApart } from '@core/screening/broken-range'

describe('a date range a layout broke in two', () => {
  it.each([
    ['Head of Enterprise PMO      2019 –', 'present'],
    ['Business Analyst — Pacific Benefit Administrators 2009', '– 2012'],
    ['Site Engineer Jun 2017', '- Feb 2021'],
    ['Zenport Microfinance Bank | May 2019', '– Date'],
    ['Reliability Engineer, Summit Freight — Denver 04/2021', '– present'],
    ['Python Developer — Sanvi Softlabs LLP, Ahmedabad Since Aug', '2021'],
    ["Junior Python Developer — Techwave Infotech Jan'21 –", "Jul'21"],
    ['Software Engineer, Quadrant Softsol 16th Jan 2017 to 30th', 'Dec 2018'],
    ['Corvix Technologies Pvt. Ltd., Noida Jan 2020', 'to till date'],
    ['Meghna Knit Composite Ltd., Gazipur 01 July 2017 – till', 'date'],
    ['Smart Contract Developer — Tejo Digital Assets, Lisbon 2021-02 →', '2022-04'],
  ])('joins %j and %j', (line, next) => expect(continuesRange(line, next)).toBe(true))

  it.each([
    ['B.Sc Physics 2018', '- Led the lab team'],
    ['I joined in 2019', '- built the pipelines'],
    ['Skills: Java', '2019'],
    ['I moved to', '2021'],
    ['2018', '2019'],
    ['Worked on May', '2021 revenue grew'],
    ['Total 2019', '– 2012 was a good year'],
    // A column of dates beside the jobs: each line a job's whole range.
    ['Mar 2019 – Present', 'Aug 2014 – Feb 2019'],
    ['Site Engineer 2009 – 2012', '2006 to 2009'],
  ])('keeps %j and %j apart', (line, next) => expect(continuesRange(line, next)).toBe(false))

  it('tells a line that ends with a whole range from one that starts one', () => {
    expect(endsInRange('Cognizant - Programmer Analyst, Sep 2022 - present')).toBe(true)
    expect(endsInRange('Analyst 2009 – 2012')).toBe(true)
    expect(endsInRange('Jan 2016 - till date')).toBe(true)
    expect(endsInRange('Consultant - Coromandel Digital, Chennai (Jun 2021 - Present)')).toBe(true)
    expect(endsInRange('Analyst 2009 –')).toBe(false)
    expect(endsInRange('Since 2019')).toBe(false)
    expect(endsInRange('I worked there in 2019')).toBe(false)
  })
})

describe('a span of dates anywhere in a line', () => {
  it.each([
    ['In-house designer, Adeola Prints (2022 – 2023): prepared print files', true],
    ['Business Analyst - Broking firm - 2016 - 2019', true],
    ['Freelance designer (2021 – present), clients on referral', true],
    ['Team Lead, Jan 2019 to Mar 2021, Pune', true],
    ['Backend Developer — Farol Software, Porto 2015-01 → 2021-01', true],
    ['Duration : Jan 2019 to till date * Designed contracts', true],
    ['Independent practice since 2018, with a steady brief', false],
    ["I've been here since March 2020. Day to day I look after", false],
    ['Joined in May 2019 as a trainee', false],
    ['Reduced returns from 2 to 3 per cent', false],
    ['Client billing - 2019 - and case diary', false],
  ])('%s: %s', (line, holds) => {
    expect(holdsSpan(line)).toBe(holds)
  })
})

describe("a span's two ends on lines of their own", () => {
  it.each([
    ['Jan 2022', 'Present', true],
    ['Jul 2020', 'Dec 2021', true],
    ['03/2019', '11/2021', true],
    ['Sept, 2018', 'current', true],
    // Later first, a bare year, or more than a date on either line: no span.
    ['Dec 2021', 'Jul 2020', false],
    ['2015', '2017', false],
    ['Jan 2022', 'Software Engineer', false],
    ['Joined Jan 2022', 'Present', false],
  ])('%s / %s: %s', (line, next, apart) => {
    expect(spanApart(line, next)).toBe(apart)
  })
})
