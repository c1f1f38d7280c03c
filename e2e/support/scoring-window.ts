import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A date-time input value in China time, `days` from now. */
export function chinaInput(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * The organiser opens an event's scoring window from yesterday: the demo skills contest has
 * not started, so judges cannot score it until then.
 */
export async function openScoringWindow(
  page: Page,
  loginAs: (username: string) => Promise<void>,
  eventId: number,
) {
  await loginAs("admin");
  await page.goto(`/admin/events/${eventId}/judges`);
  await page.getByLabel("评分开放时间").fill(chinaInput(-1));
  await page.getByRole("button", { name: "保存评分时间" }).click();
  await expect(page.getByText("评分时间已保存")).toBeVisible();
}
