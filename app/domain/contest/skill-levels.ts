/**
 * National vocational qualification levels (国家职业资格等级), lowest first.
 * The official numbering runs the other way (五级 = 初级工 … 一级 = 高级技师), hence GRADE.
 * The 2022 extension (特级技师, 首席技师) is not modelled yet; add it above senior_technician.
 */
export const SKILL_LEVELS = [
  "junior",
  "intermediate",
  "senior",
  "technician",
  "senior_technician",
] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_LEVEL_GRADE = {
  junior: 5,
  intermediate: 4,
  senior: 3,
  technician: 2,
  senior_technician: 1,
} as const satisfies Record<SkillLevel, number>;

export function isSkillLevel(value: string): value is SkillLevel {
  return (SKILL_LEVELS as readonly string[]).includes(value);
}

/** Negative when a is lower than b, zero when equal, positive when higher. */
export function compareSkillLevels(a: SkillLevel, b: SkillLevel): number {
  return SKILL_LEVELS.indexOf(a) - SKILL_LEVELS.indexOf(b);
}

/** A worker without any certified level meets only a "no minimum" requirement. */
export function meetsSkillLevel(
  worker: { readonly skillLevel?: SkillLevel | null },
  min: SkillLevel | null | undefined,
): boolean {
  if (min == null) return true;
  if (worker.skillLevel == null) return false;
  return compareSkillLevels(worker.skillLevel, min) >= 0;
}

export function skillLevelFromGrade(grade: number): SkillLevel | null {
  return SKILL_LEVELS.find((l) => SKILL_LEVEL_GRADE[l] === grade) ?? null;
}

const ZH_NAMES: Record<string, SkillLevel> = {
  初级工: "junior",
  初级: "junior",
  中级工: "intermediate",
  中级: "intermediate",
  高级工: "senior",
  高级: "senior",
  技师: "technician",
  高级技师: "senior_technician",
};
const ZH_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

function parseOne(text: string): SkillLevel | null {
  if (isSkillLevel(text)) return text;
  const zh = ZH_NAMES[text];
  if (zh) return zh;
  const grade = /^([1-5一二三四五])级?$/.exec(text)?.[1];
  if (grade === undefined) return null;
  return skillLevelFromGrade(ZH_NUMERALS[grade] ?? Number(grade));
}

/**
 * Reads a level as people write it in spreadsheets: the code, the Chinese title ("高级工"),
 * the grade ("三级", "3") or the certificate style "三级/高级工". Combined forms must agree,
 * so "三级/技师" is refused rather than guessed.
 */
export function parseSkillLevel(text: string): SkillLevel | null {
  // A title written as the template writes it (an import reads one per row) is found as it is.
  if (Object.hasOwn(ZH_NAMES, text)) return ZH_NAMES[text] as SkillLevel;
  const parts = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .split(/[/()（）]/)
    .filter((p) => p !== "");
  if (parts.length === 0) return null;
  const levels = parts.map(parseOne);
  const first = levels[0];
  if (first == null || levels.some((l) => l !== first)) return null;
  return first;
}
