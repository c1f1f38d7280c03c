// Scoring for Jiangxin skills contests: marking schemes, aggregation of judges'
// marks, part weighting, ranking, prizes, standardised scores and receipts.
// Pure functions — no I/O, no clock, no randomness — so any stored result can
// be checked by recomputing it with `computeEventResults`.
//
// Representation
// --------------
// Every mark is an INTEGER number of hundredths of a mark ("centimarks"):
// 7.25 marks = 725, a full mark of 100.00 = 10000. Sums are then exact, a
// total fits a small integer column, and equality (ties!) is never at the mercy
// of binary fractions. The one exception is the WorldSkills rule, whose judges
// enter integer points 0–3 instead of centimarks. Weights and shares are
// integer basis points (30% = 3000).
//
// Where rounding happens (always half-up, i.e. .5 goes up, via divRoundHalfUp;
// everything before the rounding point is exact integer/rational arithmetic):
//   1. each criterion result: mean, trimmed mean, even-panel median, and
//      WorldSkills maxMark × points / 9 are rounded to a centimark;
//   2. each part's weighted contribution, partTotal / partFull × weight ×
//      eventFull, is rounded to a centimark; the event total is the exact sum
//      of the rounded contributions (so a receipt always adds up);
//   3. the standardised score is rounded to an integer point once, at the end.
// Part totals (sums of criterion results) and event totals need no rounding.
// Prize shares round the number of places down (at least 1), see prizes.ts.
//
// Problems are typed codes with params (see problems.ts); their zh/en text
// lives in app/i18n/messages/scoring.ts under `scoring.<code>`.

export * from "./centimarks";
export * from "./problems";
export * from "./scheme";
export * from "./aggregate";
export * from "./disagreements";
export * from "./parts";
export * from "./rank";
export * from "./prizes";
export * from "./standardise";
export * from "./results";
export * from "./receipt";
