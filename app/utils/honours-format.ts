/** Studio savings are stored in hundredths of 万元 so sums stay exact. */
export function formatWan(hundredths: number): string {
  return (hundredths / 100).toLocaleString("zh-CN", { maximumFractionDigits: 2 });
}
