import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A date-time input value in China time, `days` from now. */
export function chinaInput(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * The organiser sets when an event's scoring opens, `days` from now: from yesterday by default,
 * since the demo skills contest keeps the report's dates (it starts 2026-12-18) and judges
 * cannot score it before it starts; tomorrow to keep it shut whatever the date.
 */
export async function openScoringWindow(
  page: Page,
  loginAs: (username: string) => Promise<void>,
  eventId: number,
  days = -1,
) {
  await loginAs("admin");
  await page.goto(`/admin/events/${eventId}/judges`);
  await page.getByLabel("评分开放时间").fill(chinaInput(days));
  await page.getByRole("button", { name: "保存评分时间" }).click();
  await expect(page.getByText("评分时间已保存")).toBeVisible();
}
