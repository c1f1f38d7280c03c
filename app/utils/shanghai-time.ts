// <input type="datetime-local"> carries no zone; contests run on China Standard Time (UTC+8,
// no daylight saving), so the organiser's wall-clock value is read and written in +08:00.
const OFFSET_MS = 8 * 60 * 60 * 1000;

export function toShanghaiLocal(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16);
}

export function fromShanghaiLocal(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)
    ? new Date(`${value}+08:00`)
    : new Date(value);
}
