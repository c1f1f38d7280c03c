// Invented people with valid (but fictitious) ID numbers: the check character is real,
// the birth dates are plausible, nobody here exists.
import { withIdCheckChar } from "~/domain/identity";
import { randomInt, type Rng } from "~/domain/contest/random";

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, items.length)] as T;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + randomInt(rng, max - min + 1);
}

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
  "梁",
  "宋",
  "郑",
  "谢",
  "韩",
  "唐",
  "冯",
  "于",
  "董",
  "萧",
  "程",
  "曹",
  "袁",
  "邓",
  "许",
  "傅",
  "沈",
  "曾",
  "彭",
  "吕",
  "苏",
  "卢",
  "蒋",
  "蔡",
  "贾",
  "丁",
  "魏",
  "薛",
];
const GIVEN_MALE = [
  "伟",
  "强",
  "磊",
  "军",
  "勇",
  "杰",
  "涛",
  "斌",
  "超",
  "明",
  "刚",
  "平",
  "辉",
  "鹏",
  "华",
  "飞",
  "鑫",
  "波",
  "宁",
  "浩",
  "建国",
  "志强",
  "海龙",
  "振华",
  "文博",
  "晓东",
  "国栋",
  "立新",
  "宏伟",
  "永刚",
];
const GIVEN_FEMALE = [
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "艳",
  "娟",
  "霞",
  "燕",
  "玲",
  "婷",
  "雪",
  "慧",
  "莹",
  "倩",
  "颖",
  "佳",
  "琳",
  "晓燕",
  "秀英",
  "丽华",
  "雅琴",
  "春梅",
  "文静",
  "欣怡",
  "海燕",
  "玉兰",
  "淑芬",
];

export type Person = {
  name: string;
  gender: "male" | "female";
  idNumber: string;
  birthDate: string;
  phone: string;
};

/**
 * `region` is the six-digit division code (610102 新城区, 610502 临渭区 …). The 17th digit
 * is odd for men and even for women, as GB 11643 says.
 */
export function invent(rng: Rng, region: string, used: Set<string>): Person {
  for (;;) {
    const gender = rng() < 0.72 ? "male" : "female";
    const name = pick(rng, SURNAMES) + pick(rng, gender === "male" ? GIVEN_MALE : GIVEN_FEMALE);
    const year = intBetween(rng, 1968, 2003);
    const month = intBetween(rng, 1, 12);
    const day = intBetween(rng, 1, 28);
    const seq = intBetween(rng, 10, 99);
    const genderDigit = gender === "male" ? pick(rng, [1, 3, 5, 7, 9]) : pick(rng, [0, 2, 4, 6, 8]);
    const birth = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    const idNumber = withIdCheckChar(`${region}${birth}${seq}${genderDigit}`);
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const phone = `1${pick(rng, ["3", "5", "7", "8", "9"])}${String(intBetween(rng, 0, 999_999_999)).padStart(9, "0")}`;
    return {
      name,
      gender,
      idNumber,
      birthDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      phone,
    };
  }
}
