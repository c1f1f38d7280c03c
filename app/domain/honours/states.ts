// The states of a round and of a nomination, on their own so that the round, nomination and
// ratio-rule modules can all name them without importing one another.
/** 推荐 (open) → 评审 (reviewing) → 公示 (public_notice) → 表彰 (conferred). */
export const ROUND_STATES = [
  "draft",
  "open",
  "reviewing",
  "public_notice",
  "conferred",
  "cancelled",
] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const NOMINATION_STATES = [
  "submitted",
  "accepted",
  "rejected",
  "awarded",
  "withdrawn",
] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];
