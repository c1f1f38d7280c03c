const CODE = /^[A-Z0-9]{1,12}$/;
const ENTRY_NUMBER = /^([A-Z0-9]{1,12})-([A-Z0-9]{1,12})-(\d{4,})$/;

export interface EntryNumberParts {
  readonly contestCode: string;
  readonly eventCode: string;
  readonly seq: number;
}

/**
 * "2026-CNC-0042". The sequence is padded to four digits so numbers sort as text in
 * spreadsheets; larger events simply get longer numbers. Invalid arguments are programming
 * errors (codes are validated when the contest and event are defined), so this throws.
 */
export function formatEntryNumber(contestCode: string, eventCode: string, seq: number): string {
  const contest = contestCode.toUpperCase();
  const event = eventCode.toUpperCase();
  if (!CODE.test(contest)) throw new RangeError(`Invalid contest code: ${contestCode}`);
  if (!CODE.test(event)) throw new RangeError(`Invalid event code: ${eventCode}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  return `${contest}-${event}-${String(seq).padStart(4, "0")}`;
}

export function parseEntryNumber(value: string): EntryNumberParts | null {
  const m = ENTRY_NUMBER.exec(value.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[3]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return { contestCode: m[1] ?? "", eventCode: m[2] ?? "", seq };
}
