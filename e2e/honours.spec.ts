// Honours: a full nomination round through the browser, from opening to the verified
// certificate, plus who may see and do what.
import { Prisma } from "~/generated/prisma/client";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";
const DAY = 86_400_000;

/** A calendar date in Beijing, as the date inputs take it. */
function beijingDate(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Lets the notice period run out without waiting a week: moves this round's notice dates
 * back in the e2e database. The app's rule (no awards before the notice ends) stays untouched.
 */
async function letNoticeEnd(roundId: number) {
  const start = new Date(Date.now() - 10 * DAY);
  const end = new Date(Date.now() - 2 * DAY);
  await queryDb(
    Prisma.sql`UPDATE "NominationRound" SET "noticeStartsAt" = ${start}, "noticeEndsAt" = ${end} WHERE "id" = ${roundId}`,
  );
}

const STATEMENT =
  "扎根生产一线二十余年，主持完成关键工艺技术攻关十二项，获得国家发明专利三项，带出高级技师和技师三十余名，所在班组连续五年保持安全生产零事故，为企业年均节约成本三百余万元。";

test.describe("honours round", () => {
  test("open → two units nominate → ratio warning → review → notice → objection → awards → roll → certificate → verify", async ({
    page,
    browser,
    loginAs,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const name = `E2E劳模评选${Date.now()}`;

    // ── the organiser opens a round ──
    await loginAs("admin");
    await page.goto("/admin/honours");
    await page.getByLabel("评选名称").fill(name);
    await page.getByLabel("荣誉类别").selectOption({ label: "劳动模范" });
    await page.getByLabel("级别").selectOption({ label: "市级" });
    await page.getByLabel("总名额").fill("2");
    await page.getByLabel("一线职工比例不低于（%）").fill("60");
    await page.getByLabel("企业负责人比例不高于（%）").fill("15");
    await page.getByLabel("推荐截止日期").fill(beijingDate(14));
    await page.getByRole("button", { name: "创建评选" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("筹备中").first()).toBeVisible();
    await page.getByRole("button", { name: "开始推荐" }).click();
    await expect(page.getByText("评选已变为“推荐中”。")).toBeVisible();
    const roundId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(roundId).toBeGreaterThan(0);

    // ── 秦川数控 nominates a manager, with a supporting PDF ──
    await page.context().clearCookies();
    await loginAs("qinchuan");
    await page.goto("/org/honours");
    await page.getByRole("link", { name }).click();
    const nominee = page.getByLabel("被推荐人");
    const managerOption = nominee.locator("option", { hasText: "车间主任" }).first();
    const managerName = ((await managerOption.textContent()) ?? "").split("（")[0]!;
    await nominee.selectOption({ label: (await managerOption.textContent()) ?? "" });
    await expect(page.getByText(/加上此人后：一线职工 0\.0%，企业负责人 100\.0%/)).toBeVisible();
    await page.getByLabel("主要事迹").fill(STATEMENT);
    await page.getByLabel(/附件/).setInputFiles({
      name: "事迹材料.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% e2e\n"),
    });
    await page.getByRole("button", { name: "提交推荐" }).click();
    await expect(page.getByText("推荐已提交。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: managerName })).toBeVisible();
    // The ratio rules are checked as nominations come in: managers 100% > 15%.
    await expect(page.getByText("企业负责人不高于 15%，现为 100.0%")).toBeVisible();
    await expect(page.getByText("预警").first()).toBeVisible();

    // A file whose content is not what its name says is refused with a clear message, nothing stored.
    await nominee.selectOption({ index: 1 });
    await page.getByLabel("主要事迹").fill(STATEMENT);
    await page.getByLabel(/附件/).setInputFiles({
      name: "伪装.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ not a pdf"),
    });
    await page.getByRole("button", { name: "提交推荐" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "伪装.pdf：文件内容与类型不符。" }),
    ).toBeVisible();
    // One byte over the 5 MB limit: the body is within the nomination limit (read as it
    // streams), and the file is refused by name before anything is stored.
    const oversize = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    oversize.write("%PDF-1.4\n");
    await page
      .getByLabel(/附件/)
      .setInputFiles({ name: "过大.pdf", mimeType: "application/pdf", buffer: oversize });
    await page.getByRole("button", { name: "提交推荐" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "过大.pdf：超过 5 MB。" }),
    ).toBeVisible();
    expect(
      (
        await queryDb<{ n: number }>(
          Prisma.sql`SELECT COUNT(*) AS "n" FROM "Nomination" WHERE "roundId" = ${roundId}`,
        )
      )[0]?.n,
    ).toBe(1);

    // ── 秦岭软件 nominates a front-line worker ──
    await page.context().clearCookies();
    await loginAs("qinling");
    await page.goto(`/org/honours/${roundId}`);
    // Before the notice, a manager sees only their own unit's nominations.
    await expect(page.getByText(managerName)).toHaveCount(0);
    const frontLineOption = page
      .getByLabel("被推荐人")
      .locator("option", { hasText: "一线职工" })
      .first();
    const frontLineLabel = (await frontLineOption.textContent()) ?? "";
    const frontLineName = frontLineLabel.split("（")[0]!;
    await page.getByLabel("被推荐人").selectOption({ label: frontLineLabel });
    await page.getByLabel("主要事迹").fill(STATEMENT);
    await page.getByRole("button", { name: "提交推荐" }).click();
    await expect(page.getByText("推荐已提交。")).toBeVisible();
    // Two nominees, one front-line: 50% is below the 60% minimum.
    await expect(page.getByText("一线职工不低于 60%，现为 50.0%")).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/honours-org-round-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // ── the organiser reviews ──
    await page.context().clearCookies();
    await loginAs("admin");
    await page.goto(`/admin/honours/${roundId}`);
    await expect(page.getByText("一线职工占 50%，应不低于 60%")).toBeVisible();
    await page.getByRole("button", { name: "截止推荐，进入评审" }).click();
    await expect(page.getByText("评选已变为“评审中”。")).toBeVisible();

    const managerCard = page.getByRole("listitem", { name: managerName });
    await expect(managerCard.getByRole("link", { name: /事迹材料\.pdf/ })).toBeVisible();
    await managerCard.getByRole("button", { name: "不通过" }).click();
    await expect(managerCard.getByText("请填写原因")).toBeVisible();
    await managerCard
      .getByLabel("意见或理由（不通过时必填）")
      .fill("企业负责人比例超过要求，本次不予通过");
    await managerCard.getByRole("button", { name: "不通过" }).click();
    await expect(managerCard.getByText("未通过")).toBeVisible();

    const frontLineCard = page.getByRole("listitem", { name: frontLineName });
    await frontLineCard.getByRole("button", { name: "通过", exact: true }).click();
    await expect(frontLineCard.getByText("还有 4 项评审要点未确认，不能通过。")).toBeVisible();
    for (const item of [
      "符合推荐条件",
      "推荐材料齐全",
      "已在本单位内部公示",
      "无违纪违法、安全事故等否决情形",
    ]) {
      await frontLineCard.getByLabel(item).check();
    }
    await frontLineCard.getByRole("button", { name: "通过", exact: true }).click();
    await expect(frontLineCard.getByText("评审通过")).toBeVisible();

    // A too-short notice is refused; a week is accepted.
    await page.getByLabel("公示开始日期").fill(beijingDate(0));
    await page.getByLabel("公示结束日期").fill(beijingDate(3));
    await page.getByLabel(/已通过评审的 \d+ 名候选人/).check();
    await page.getByRole("button", { name: "发布公示" }).click();
    await expect(page.getByText(/公示期仅 4 天，应不少于 7 天/)).toBeVisible();
    await page.getByLabel("公示开始日期").fill(beijingDate(0));
    await page.getByLabel("公示结束日期").fill(beijingDate(7));
    await page.getByLabel(/已通过评审的 \d+ 名候选人/).check();
    await page.getByRole("button", { name: "发布公示" }).click();
    await expect(page.getByText("评选已变为“公示中”。")).toBeVisible();

    // ── anyone lodges an objection on the public notice ──
    const visitor = await browser.newContext({ baseURL, locale: "zh-CN" });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`/honours/notices/${roundId}`);
    await expect(publicPage.getByRole("heading", { level: 3, name: frontLineName })).toBeVisible();
    await expect(publicPage.getByText(managerName)).toHaveCount(0);
    await publicPage.getByLabel("针对人选").selectOption({ index: 1 });
    await publicPage.getByLabel("异议内容").fill("该同志的专利数量与实际不符，请核实。");
    await publicPage.getByLabel("您的姓名").fill("李女士");
    await publicPage.getByLabel("手机号码").fill("1380013");
    await publicPage.getByRole("button", { name: "提交异议" }).click();
    await expect(publicPage.getByText("请输入 11 位手机号码。")).toBeVisible();
    await publicPage.getByLabel("手机号码").fill("13800138000");
    await publicPage.getByRole("button", { name: "提交异议" }).click();
    await expect(publicPage.getByText("异议已收到，组织者核实后将与您联系。")).toBeVisible();
    // The objector's contact details are never public.
    await publicPage.reload();
    await expect(publicPage.getByText("13800138000")).toHaveCount(0);
    await publicPage.setViewportSize({ width: 390, height: 844 });
    await publicPage.screenshot({
      path: `${SCREENSHOTS}/honours-notice-phone.png`,
      fullPage: true,
    });
    await visitor.close();

    // ── the organiser answers it; awards wait for the notice to end ──
    await page.reload();
    await expect(
      frontLineCard.getByText("反映人：李女士，电话：13800138000（仅组织者可见）"),
    ).toBeVisible();
    await page.getByLabel(/将向 \d+ 名候选人授予荣誉/).check();
    await page.getByRole("button", { name: "公示期满，表彰授予" }).click();
    await expect(page.getByText(/公示期尚未结束/)).toBeVisible();
    await expect(page.getByText(/还有 1 件异议未处理/)).toBeVisible();
    await frontLineCard.getByLabel("反映不属实").check();
    await frontLineCard.getByLabel("核查情况").fill("经核实，三项发明专利均已授权，反映不属实。");
    await frontLineCard.getByRole("button", { name: "记录处理结果" }).click();
    await expect(
      frontLineCard.getByText("反映不属实：经核实，三项发明专利均已授权，反映不属实。"),
    ).toBeVisible();

    await letNoticeEnd(roundId);
    await page.reload();
    await page.getByLabel(/将向 \d+ 名候选人授予荣誉/).check();
    await page.getByRole("button", { name: "公示期满，表彰授予" }).click();
    await expect(page.getByText("评选已变为“已表彰”。")).toBeVisible();
    await expect(frontLineCard.getByText("已授予")).toBeVisible();
    // Every move is on the record with who made it.
    const trail = page.getByRole("table").last();
    for (const step of ["推荐中", "评审中", "公示中", "已表彰"])
      await expect(trail.getByText(new RegExp(`→ ${step}`))).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/honours-admin-round.png`, fullPage: true });

    // ── the honour roll shows the award ──
    await page.goto(`/honours?q=${encodeURIComponent(frontLineName)}&kind=model_worker`);
    await expect(page.getByRole("heading", { level: 2, name: frontLineName })).toBeVisible();
    await page.getByRole("link", { name: frontLineName }).click();
    await expect(page.getByRole("heading", { level: 1, name: frontLineName })).toBeVisible();
    await expect(page.getByText("市级劳动模范").first()).toBeVisible();

    // ── the certificate downloads; its QR code's page verifies it ──
    await page.goto(`/admin/honours/${roundId}`);
    const certificateLink = frontLineCard.getByRole("link", { name: /下载证书/ });
    const href = (await certificateLink.getAttribute("href")) ?? "";
    const serial = decodeURIComponent(href.replace("/certificates/", "").replace(".pdf", ""));
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfFile = path.join(SCREENSHOTS, "honours-e2e-certificate.pdf");
    writeFileSync(pdfFile, pdf);
    const text = execFileSync("pdftotext", [pdfFile, "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain(frontLineName);
    expect(text).toContain(serial);

    const zip = await page.request.get(`/admin/honours/${roundId}/certificates.zip`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");

    const verify = await browser.newContext({ baseURL, locale: "zh-CN" });
    const verifyPage = await verify.newPage();
    await verifyPage.goto(`/verify/${serial}`);
    await expect(verifyPage.getByText("真实有效：本平台签发的证书")).toBeVisible();
    await expect(verifyPage.getByText(frontLineName)).toBeVisible();
    await verifyPage.setViewportSize({ width: 390, height: 844 });
    await verifyPage.screenshot({
      path: `${SCREENSHOTS}/honours-verify-phone.png`,
      fullPage: true,
    });
    // A serial one character off is caught by the check character.
    await verifyPage.goto(`/verify/${serial.slice(0, -1)}${serial.endsWith("0") ? "1" : "0"}`);
    await expect(verifyPage.getByText(/校验位不符|查无此证书/)).toBeVisible();
    await verify.close();

    const awards = await queryDb<{ n: number }>(
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "HonourAward" a JOIN "Nomination" n ON n."id" = a."nominationId" WHERE n."roundId" = ${roundId}`,
    );
    expect(awards[0]?.n).toBe(1);
  });
});

test.describe("honours authorisation", () => {
  test("nobody but the organiser moves a round forward", async ({ page, loginAs, baseURL }) => {
    const rounds = await queryDb<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "NominationRound" ORDER BY "id" LIMIT 1`,
    );
    const roundId = rounds[0]?.id ?? 1;
    for (const username of ["qinchuan", "chief", "worker"]) {
      await page.context().clearCookies();
      await loginAs(username);
      const response = await page.request.post(`/admin/honours/${roundId}`, {
        form: { intent: "advance", to: "reviewing" },
        headers: { Origin: baseURL ?? "" },
      });
      expect(response.status(), username).toBe(403);
      const page403 = await page.goto(`/admin/honours/${roundId}`);
      expect(page403?.status(), username).toBe(403);
    }
    const after = await queryDb<{ n: number }>(
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "AuditLog" WHERE "entityType" = 'NominationRound' AND "entityId" = ${roundId}
        AND "actorId" IN (SELECT "id" FROM "User" WHERE "role" <> 'admin')`,
    );
    expect(after[0]?.n).toBe(0);
  });

  test("a manager cannot open another unit's attachments, and nominees are not public before the notice", async ({
    page,
    loginAs,
  }) => {
    const [attachment] = await queryDb<{ id: number; organisationId: number }>(
      Prisma.sql`SELECT a."id", n."organisationId" FROM "NominationAttachment" a JOIN "Nomination" n ON n."id" = a."nominationId" ORDER BY a."id" LIMIT 1`,
    );
    test.skip(!attachment, "the seed has no attachment");
    const [owner] = await queryDb<{ username: string }>(
      Prisma.sql`SELECT "username" FROM "User" WHERE "role" = 'org_manager' AND "organisationId" = ${attachment!.organisationId}`,
    );
    const [other] = await queryDb<{ username: string }>(
      Prisma.sql`SELECT "username" FROM "User" WHERE "role" = 'org_manager' AND "organisationId" <> ${attachment!.organisationId} ORDER BY "id" LIMIT 1`,
    );
    await loginAs(other!.username);
    expect((await page.request.get(`/honours/attachments/${attachment!.id}`)).status()).toBe(404);
    await page.context().clearCookies();
    await loginAs(owner!.username);
    expect((await page.request.get(`/honours/attachments/${attachment!.id}`)).status()).toBe(200);
    // A round still taking nominations has no public shortlist yet.
    const [open] = await queryDb<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "NominationRound" WHERE "status" = 'open' ORDER BY "id" LIMIT 1`,
    );
    expect(open).toBeDefined();
    expect((await page.request.get(`/honours/notices/${open!.id}`)).status()).toBe(404);
  });
});

test.describe("public honours pages", () => {
  test("roll filters, person, studio and showcase pages work on a phone", async ({ page }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/honours");
    await expect(page.getByRole("heading", { level: 1, name: "荣誉榜" })).toBeVisible();
    await page.getByLabel("荣誉类别").selectOption({ label: "工匠" });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/kind=craftsman/);
    const items = page.locator(".roll-item");
    await expect(items.first()).toBeVisible();
    for (const text of await items.locator(".card__eyebrow").allTextContents())
      expect(text).toContain("工匠");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/honours-roll-phone.png`, fullPage: true });

    await page.goto("/honours/showcase");
    await expect(page.getByRole("heading", { level: 1, name: "劳模工匠展示馆" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "劳动模范厅" })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/honours-showcase-phone.png` });

    await page.goto("/honours/studios");
    await page.getByRole("link", { name: "精密主轴劳模创新工作室" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "精密主轴劳模创新工作室" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "历年成果" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "团队成员" })).toBeVisible();
    // Savings are stored in hundredths of 万元: 86000 → 860.
    await expect(page.locator(".stat-card").filter({ hasText: "创效（万元）" })).toContainText(
      "860",
    );
    await page.screenshot({ path: `${SCREENSHOTS}/honours-studio-phone.png`, fullPage: true });

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/honours/showcase");
    await page.screenshot({ path: `${SCREENSHOTS}/honours-showcase-desktop.png`, fullPage: true });
  });
});
