export const HONOUR_KINDS = [
  "model_worker", // 劳动模范
  "advanced_worker", // 先进工作者
  "advanced_collective", // 先进集体
  "may_day_medal", // 五一劳动奖章 (individuals)
  "may_day_certificate", // 五一劳动奖状 (units)
  "craftsman", // 工匠
  "technical_expert", // 技术能手
  "innovation_studio", // 劳模和工匠人才创新工作室
] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];

export const HONOUR_LEVELS = ["national", "provincial", "city", "district"] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

/** `organisation` covers units and teams (集体); a studio is recognised as a studio, not its host unit. */
export const RECIPIENT_KINDS = ["worker", "organisation", "studio"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

const RECIPIENT_BY_KIND: Readonly<Record<HonourKind, RecipientKind>> = {
  model_worker: "worker",
  advanced_worker: "worker",
  advanced_collective: "organisation",
  may_day_medal: "worker",
  may_day_certificate: "organisation",
  craftsman: "worker",
  technical_expert: "worker",
  innovation_studio: "studio",
};

export function recipientKindFor(kind: HonourKind): RecipientKind {
  return RECIPIENT_BY_KIND[kind];
}

export function isHonourKind(value: string): value is HonourKind {
  return (HONOUR_KINDS as readonly string[]).includes(value);
}

/** Two-letter codes printed in certificate serials; letters only so they never blur into the digits. */
export const HONOUR_KIND_SERIAL_CODES: Readonly<Record<HonourKind, string>> = {
  model_worker: "MW",
  advanced_worker: "AW",
  advanced_collective: "AC",
  may_day_medal: "MM",
  may_day_certificate: "MC",
  craftsman: "CR",
  technical_expert: "TE",
  innovation_studio: "IS",
};

export function honourKindForSerialCode(code: string): HonourKind | null {
  return HONOUR_KINDS.find((k) => HONOUR_KIND_SERIAL_CODES[k] === code.toUpperCase()) ?? null;
}
