// The hiring pipeline: a talent applies to a published position; the recruiter finds the application on
// the company dashboard and the applicants page, moves it through screening and interview, fills in a
// scorecard, makes an offer and hires; the talent sees "hired", and the position shows as filled.
import type { Page } from "@playwright/test";
import { createConfirmedAccount, logInOverHttp, type Account } from "./account-steps";
import { expect, test } from "./fixtures";
import { tableColumn } from "./helpers";
import { publishedPosition, recruiterWithApprovedCompany } from "./position-steps";

/** Switches the browser to another person: the old session cookie goes, the new one comes. */
async function switchTo(page: Page, baseURL: string, account: Account) {
  await page.context().clearCookies();
  await logInOverHttp(page, baseURL, account);
}

test.describe("hiring pipeline", () => {
  test("a talent applies, the recruiter moves the application to a hire with a scorecard, and the position fills", async ({
    page, baseURL, playwright, expectAccessible,
  }) => {
    test.slow(); // three people, an approval, and a dozen pages
    const { recruiter } = await recruiterWithApprovedCompany(page, baseURL!, () => playwright.request.newContext({ baseURL }));
    const title = `基因體資料科學家 ${Date.now().toString(36)}`;
    const positionId = await publishedPosition(page, baseURL!, { title, headcount: 1, skillKeys: ["rd", "data-analysis", "gmp-process"] });

    // The talent applies from the position page and opens the application.
    await page.context().clearCookies();
    const talent = await createConfirmedAccount(page, baseURL!, "talent", "applicant");
    await logInOverHttp(page, baseURL!, talent);
    await page.goto(`/positions/${positionId}`);
    await expectAccessible(page);
    await page.getByLabel("給企業的話（選填）").fill("我在基因體資料分析有三年經驗。");
    await page.getByRole("button", { name: "送出應徵" }).click();
    await expect(page.getByText("已送出應徵，企業會收到通知。")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "查看我的應徵" }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    const applicationPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("current-stage")).toHaveText("已應徵");
    await expect(page.getByRole("button", { name: "撤回應徵" })).toBeVisible();
    await expectAccessible(page);

    // The recruiter sees it on the company dashboard, with the count in the "applied" column.
    await switchTo(page, baseURL!, recruiter);
    await page.goto("/account");
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "我的帳號" }).getByRole("link", { name: "企業儀表板" }).click();
    await expect(page).toHaveURL("/company");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("企業儀表板");
    const positions = page.getByRole("table");
    expect(await tableColumn(positions, "已應徵")).toEqual({ [title]: "1" });
    expect(await tableColumn(positions, "剩餘／名額")).toEqual({ [title]: "1／1" });
    await expect(page.getByText("尚無錄用紀錄。")).toBeVisible();
    await expectAccessible(page);

    // The applicants page, filtered by stage.
    await page.getByRole("link", { name: `${title} 的應徵者` }).click();
    await expect(page).toHaveURL(`/positions/${positionId}/applicants`);
    const filter = page.getByRole("navigation", { name: "依階段篩選" });
    await expect(filter.getByRole("link", { name: "全部（1）" })).toHaveAttribute("aria-current", "page");
    await expect(filter.getByRole("link", { name: "已應徵（1）" })).toBeVisible();
    const applicants = page.getByRole("table");
    expect(await tableColumn(applicants, "階段")).toEqual({ [talent.name]: "已應徵" });
    expect(await tableColumn(applicants, "來源")).toEqual({ [talent.name]: "自行應徵" });
    await expectAccessible(page);
    await filter.getByRole("link", { name: "面試（0）" }).click();
    await expect(page).toHaveURL(`/positions/${positionId}/applicants?stage=interview`);
    await expect(page.getByText("沒有位於「面試」階段的應徵者。")).toBeVisible();
    await expectAccessible(page);
    await filter.getByRole("link", { name: "已應徵（1）" }).click();
    await expect(page).toHaveURL(`/positions/${positionId}/applicants?stage=applied`);
    await expect(filter.getByRole("link", { name: "已應徵（1）" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    await page.getByRole("link", { name: talent.name }).click();
    await expect(page).toHaveURL(applicationPath);
    await expect(page.getByText("我在基因體資料分析有三年經驗。")).toBeVisible();
    await expect(page.getByText(talent.email)).toBeVisible();
    // Scorecards come at the interview.
    await expect(page.getByText("應徵進入面試階段後，即可填寫評分表。")).toBeVisible();
    await expectAccessible(page);

    const move = page.getByRole("region", { name: "變更階段" });
    const moveTo = async (stage: string, note?: string) => {
      await move.getByRole("radio", { name: stage, exact: true }).check();
      if (note) await move.getByLabel("備註（選填）").fill(note);
      await move.getByRole("button", { name: "變更階段" }).click();
      await expect(move.getByRole("status")).toHaveText(`已將應徵移到「${stage}」。`);
      await expect(page.getByTestId("current-stage")).toHaveText(stage);
    };
    // From "applied" the company may skip ahead or reject, but not hire.
    await expect(move.getByRole("radio")).toHaveCount(4);
    await expect(move.getByRole("radio", { name: "已錄用" })).toHaveCount(0);
    await moveTo("資格審查", "履歷符合，安排面試。");
    await expectAccessible(page);
    await moveTo("面試");

    // The recruiter's scorecard: every criterion 4, recommend.
    const scorecards = page.getByRole("region", { name: "面試評分表" });
    const criteria = scorecards.getByRole("group").filter({ has: page.getByRole("radio", { name: "4 良好" }) });
    await expect(criteria).toHaveCount(3);
    for (const criterion of await criteria.all()) await criterion.getByRole("radio", { name: "4 良好" }).check();
    await scorecards.getByRole("group", { name: "整體建議" }).getByRole("radio", { name: "推薦", exact: true }).check();
    await scorecards.getByLabel("備註").fill("數據分析扎實。");
    await scorecards.getByRole("button", { name: "儲存評分表" }).click();
    await expect(scorecards.getByRole("status")).toHaveText("已儲存您的評分表。");
    await expect(scorecards.getByRole("heading", { name: `面試官：${recruiter.name}` })).toBeVisible();
    const averages = scorecards.getByRole("table");
    expect(Object.values(await tableColumn(averages, "平均"))).toEqual(["4.0", "4.0", "4.0"]);
    await expectAccessible(page);

    await moveTo("錄取通知");
    await moveTo("已錄用");
    await expect(move.getByText("這份應徵已結束，不能再變更階段。")).toBeVisible();
    const history = page.getByRole("table", { name: "階段變更紀錄" });
    await expect(history.getByRole("row")).toHaveCount(6);
    await expect(history.getByRole("row").last()).toContainText("錄取通知 → 已錄用");
    await expectAccessible(page);

    // The dashboard now shows the position filled and the time to hire from one hire.
    await page.goto("/company");
    expect(await tableColumn(positions, "狀態")).toEqual({ [title]: "已額滿" });
    expect(await tableColumn(positions, "已錄用")).toEqual({ [title]: "1" });
    expect(await tableColumn(positions, "剩餘／名額")).toEqual({ [title]: "0／1" });
    await expect(page.getByText(/^0 天（根據 1 位錄用者）$/)).toBeVisible();
    await expectAccessible(page);

    // The talent sees the hire, with the company's note but no scorecard and no recruiter's name.
    await switchTo(page, baseURL!, talent);
    await page.goto(applicationPath);
    await expect(page.getByTestId("current-stage")).toHaveText("已錄用");
    await expect(page.getByText("履歷符合，安排面試。")).toBeVisible();
    await expect(page.getByText("數據分析扎實。")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "面試評分表" })).toHaveCount(0);
    await expect(page.getByText(recruiter.name)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "撤回應徵" })).toHaveCount(0);
    await expectAccessible(page);

    // The position is filled.
    await page.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(`/positions/${positionId}`);
    await expect(page.getByText("已額滿", { exact: true })).toBeVisible();
    await expect(page.getByText("這個職缺的名額已全部補滿。")).toBeVisible();
    await expectAccessible(page);
  });
});
