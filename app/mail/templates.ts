// Every e-mail the portal sends, in both languages. Each template yields one structure (greeting,
// paragraphs, links, notes) that becomes both the text and the HTML body, so the two never differ.
import type { Locale } from "~/i18n/resources";

export interface TemplateData {
  "confirm-email": { name: string; url: string };
  "reset-password": { name: string; url: string };
  /** `resetUrl`, when given, is offered as a link for the owner who did not change it. */
  "password-changed": { name: string; resetUrl?: string };
  "account-exists": { name: string; loginUrl: string; resetUrl: string };
  /** `role` is already translated into the mail's language. */
  invitation: { organisation: string; inviter: string; role: string; url: string };
  "organisation-decision": { organisation: string; approved: boolean; reason?: string; url: string };
  /** To the talent: a recruiter moved their application. */
  "application-stage": { name: string; position: string; organisation: string; stage: MailStage; url: string };
  /** To the company's people: a talent applied, accepted an invitation or withdrew. */
  "application-activity": { position: string; talent: string; activity: "applied" | "accepted" | "declined" | "withdrawn"; url: string };
  /** To the talent: a recruiter invites them to apply. */
  "application-invitation": { name: string; position: string; organisation: string; url: string };
  /** To a training unit's people: the programme office returned the unit's quota application. */
  "quota-returned": { unit: string; round: string; reason: string; url: string };
  /** To a training unit's people: the round's quota allocations are published (0: none). */
  "quota-results": { unit: string; round: string; quota: number; url: string };
  /** To a PhD applicant: the published match result (unit null: not placed; preference: its number on their list). */
  "match-result": { name: string; round: string; unit: string | null; preference: number | null; checkInBy: string; url: string };
  /** To a PhD applicant: a seat freed by a decline came down the waitlist to them. */
  "seat-offered": { name: string; round: string; unit: string; checkInBy: string; url: string };
  /** To a PhD applicant without a seat: a unit offers them an empty seat after the match. */
  "post-match-offer": { name: string; round: string; unit: string; url: string };
  /** To a training unit's people: the talent answered the unit's post-match offer. */
  "post-match-answer": { talent: string; unit: string; round: string; accepted: boolean; checkInBy: string; url: string };
  /** To a talent: a seat in a course or fellowship cohort freed up and came to them from the waitlist. */
  "enrolment-moved-up": { name: string; programme: string; cohort: string; url: string };
  /** To a certificate's holder: the programme withdrew it, with the reason; `url` is its public verification page. */
  "certificate-revoked": { name: string; programme: string; cohort: string; serial: string; reason: string; url: string };
  /** To an invitee: a SPARK team's lead invites them with a role (already translated). */
  "spark-invitation": { project: string; inviter: string; role: string; url: string };
  /** To a SPARK team's members: the office selected the team or turned it down. */
  "spark-decision": { name: string; project: string; programme: string; year: number; selected: boolean; url: string };
  /** To a SPARK team's members: the lead or the office withdrew the team (final); the reason when one was given. */
  "spark-team-withdrawn": { name: string; project: string; programme: string; year: number; byOffice: boolean; reason: string | null; url: string };
  /** To a host company's people: a SPARK team withdrew, so its demo-day meeting with them is cancelled (`when` already formatted). */
  "demo-day-meeting-cancelled": { name: string; event: string; project: string; when: string; url: string };
  /** To a completer: the employment-outcome survey of one checkpoint (a single-use link); the reminder is the same with a new link. */
  "outcome-survey": OutcomeSurveyMail;
  "outcome-survey-reminder": OutcomeSurveyMail;
  /** To a talent and the host company's people: a meeting at a mission (`when` in the venue's zone; the .ics is attached). */
  "mission-meeting": { name: string; mission: string; position: string; organisation: string; talent: string; when: string; url: string };
  /** To whoever opened a ticket: it was received; `url` opens the thread without signing in. */
  "ticket-opened": { name: string; reference: string; subject: string; due: string; url: string };
  /** To whoever opened a ticket: the office replied. */
  "ticket-reply": { name: string; reference: string; subject: string; reply: string; url: string };
  /** To an overseas hire and the hiring company's people: the work-permit case is open. */
  "work-permit-opened": { name: string; forTalent: boolean; url: string };
}

export interface OutcomeSurveyMail {
  name: string;
  programme: { zh: string; en: string };
  unit: { zh: string; en: string };
  checkpoint: "completion" | "six_months" | "twelve_months";
  url: string;
  /** The last day the link works (YYYY-MM-DD). */
  expiresOn: string;
}
const checkpointZh = { completion: "結訓時", six_months: "結訓後 6 個月", twelve_months: "結訓後 12 個月" } as const;
const checkpointEn = { completion: "at completion", six_months: "6 months after completion", twelve_months: "12 months after completion" } as const;
const surveyZh = (reminder: boolean) => ({ name, programme, unit, checkpoint, url, expiresOn }: OutcomeSurveyMail) => ({
  subject: `${reminder ? "提醒：" : ""}請填寫「${programme.zh}」${checkpointZh[checkpoint]}就業情形調查`,
  greeting: hello["zh-TW"](name),
  paragraphs: [
    `感謝您完成${unit.zh ? `「${unit.zh}」的` : ""}「${programme.zh}」。為追蹤培訓成效，請告訴我們您${checkpointZh[checkpoint]}的就業情形（約 1 分鐘，無須登入）。`,
    `連結僅能使用一次，${expiresOn} 後失效。${reminder ? "先前信件中的連結已由本連結取代。" : ""}`,
  ],
  links: [{ label: "填寫就業情形調查", url }],
  notes: ["您的個別回覆僅提供專案辦公室與您的培訓單位；公開統計不會顯示少於 5 人的群組。"],
});
const surveyEn = (reminder: boolean) => ({ name, programme, unit, checkpoint, url, expiresOn }: OutcomeSurveyMail) => ({
  subject: `${reminder ? "Reminder: " : ""}${programme.en}: your employment ${checkpointEn[checkpoint]}`,
  greeting: hello.en(name),
  paragraphs: [
    `Thank you for completing ${programme.en}${unit.en ? ` at ${unit.en}` : ""}. To follow up the training, please tell us about your employment ${checkpointEn[checkpoint]} (about a minute; no login needed).`,
    `The link works once and expires after ${expiresOn}.${reminder ? " It replaces the link in our earlier e-mail." : ""}`,
  ],
  links: [{ label: "Answer the employment survey", url }],
  notes: ["Your individual answer is seen only by the programme office and your training unit; public statistics never show a group of fewer than 5 people."],
});

export type MailStage = "screening" | "interview" | "offer" | "hired" | "rejected";

const stageZh: Record<MailStage, string> = { screening: "資格審查", interview: "面試", offer: "錄取通知", hired: "已錄用", rejected: "未錄取" };
const stageEn: Record<MailStage, string> = { screening: "screening", interview: "interview", offer: "offer", hired: "hired", rejected: "not selected" };
const activityZh = { applied: "應徵了", accepted: "接受了邀請並應徵", declined: "婉拒了應徵邀請", withdrawn: "撤回了應徵" } as const;
const activityEn = { applied: "applied for", accepted: "accepted your invitation and applied for", declined: "declined your invitation to apply for", withdrawn: "withdrew their application for" } as const;
export type TemplateName = keyof TemplateData;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Content {
  subject: string;
  greeting: string;
  paragraphs: string[];
  links: Array<{ label: string; url: string }>;
  notes: string[];
}

type Copy = {
  [T in TemplateName]: (data: TemplateData[T]) => Content;
} & { signature: string; automatic: string };

const hello = { "zh-TW": (name: string) => (name ? `${name} 您好：` : "您好："), en: (name: string) => (name ? `Hello ${name},` : "Hello,") };

const copy: Record<Locale, Copy> = {
  "zh-TW": {
    "confirm-email": ({ name, url }) => ({
      subject: "請確認您的電子郵件地址",
      greeting: hello["zh-TW"](name),
      paragraphs: ["感謝您註冊精準健康人才媒合平台。請點選下方連結確認您的電子郵件地址，連結將於 24 小時後失效。"],
      links: [{ label: "確認電子郵件地址", url }],
      notes: ["如果您沒有註冊本平台，請忽略這封信。"],
    }),
    "reset-password": ({ name, url }) => ({
      subject: "重設您的密碼",
      greeting: hello["zh-TW"](name),
      paragraphs: ["我們收到重設您帳號密碼的要求。請點選下方連結設定新密碼，連結將於 1 小時後失效。"],
      links: [{ label: "重設密碼", url }],
      notes: ["如果您沒有提出這項要求，請忽略這封信，您的密碼不會變更。"],
    }),
    "password-changed": ({ name, resetUrl }) => ({
      subject: "您的密碼已變更",
      greeting: hello["zh-TW"](name),
      paragraphs: ["您在精準健康人才媒合平台的帳號密碼剛剛已變更。", "如果這不是您本人的操作，請立即重設密碼。"],
      links: resetUrl ? [{ label: "重設密碼", url: resetUrl }] : [],
      notes: [],
    }),
    "account-exists": ({ name, loginUrl, resetUrl }) => ({
      subject: "有人嘗試以您的電子郵件地址註冊",
      greeting: hello["zh-TW"](name),
      paragraphs: [
        "有人剛剛嘗試以這個電子郵件地址在精準健康人才媒合平台註冊新帳號，但這個地址已經有帳號了。",
        "如果是您本人，請直接登入；忘記密碼的話，可以重設密碼。",
      ],
      links: [{ label: "登入", url: loginUrl }, { label: "重設密碼", url: resetUrl }],
      notes: ["如果不是您本人，請忽略這封信，您的帳號沒有任何變更。"],
    }),
    invitation: ({ organisation, inviter, role, url }) => ({
      subject: `邀請您加入「${organisation}」`,
      greeting: "您好：",
      paragraphs: [`${inviter} 邀請您以「${role}」身分加入「${organisation}」，一起使用精準健康人才媒合平台。`, "請點選下方連結接受邀請，連結將於 7 天後失效。"],
      links: [{ label: "接受邀請", url }],
      notes: ["如果您不認識邀請人，請忽略這封信。"],
    }),
    "organisation-decision": ({ organisation, approved, reason, url }) => ({
      subject: approved ? `「${organisation}」已通過審核` : `「${organisation}」的申請需要修改`,
      greeting: "您好：",
      paragraphs: approved
        ? [`計畫辦公室已審核通過「${organisation}」，貴單位現在可以使用平台的各項功能。`]
        : [`計畫辦公室已退回「${organisation}」的申請，請依說明修改後重新送出。`, ...(reason ? [`退回原因：${reason}`] : [])],
      links: [{ label: "查看單位資料", url }],
      notes: [],
    }),
    "application-stage": ({ name, position, organisation, stage, url }) => ({
      subject: `應徵進度更新：${position}`,
      greeting: hello["zh-TW"](name),
      paragraphs:
        stage === "rejected"
          ? [`感謝您應徵「${organisation}」的「${position}」職缺。很遺憾，這次未能進入下一階段。`]
          : [`您應徵「${organisation}」的「${position}」職缺，目前進度為「${stageZh[stage]}」。`],
      links: [{ label: "查看應徵進度", url }],
      notes: [],
    }),
    "application-activity": ({ position, talent, activity, url }) => ({
      subject: `「${position}」有新的應徵動態`,
      greeting: "您好：",
      paragraphs: [`${talent} ${activityZh[activity]}「${position}」。`],
      links: [{ label: "查看應徵者", url }],
      notes: [],
    }),
    "application-invitation": ({ name, position, organisation, url }) => ({
      subject: `「${organisation}」邀請您應徵「${position}」`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`「${organisation}」看過您公開的人才資料，邀請您應徵「${position}」職缺。`, "您可以在平台上接受或婉拒這項邀請。"],
      links: [{ label: "查看邀請", url }],
      notes: [],
    }),
    "quota-returned": ({ unit, round, reason, url }) => ({
      subject: `「${round}」培訓單位申請已退回補正`,
      greeting: "您好：",
      paragraphs: [`專案辦公室已退回「${unit}」在「${round}」的培訓單位申請，請依說明補正後，於申請截止前重新送出。`, `退回原因：${reason}`],
      links: [{ label: "查看並修改申請", url }],
      notes: [],
    }),
    "quota-results": ({ unit, round, quota, url }) => ({
      subject: `「${round}」員額審查結果公告`,
      greeting: "您好：",
      paragraphs: [quota > 0 ? `「${unit}」在「${round}」獲核配 ${quota} 名博士級生技訓儲菁英員額。` : `很遺憾，「${unit}」在「${round}」未獲核配員額。`],
      links: [{ label: "查看公告結果", url }],
      notes: [],
    }),
    "match-result": ({ name, round, unit, preference, checkInBy, url }) => ({
      subject: `「${round}」媒合結果公告`,
      greeting: hello["zh-TW"](name),
      paragraphs: unit
        ? [`恭喜您在「${round}」正取「${unit}」（您的第 ${preference} 志願）。`, `請於 ${checkInBy}（台灣時間）前完成報到；若不接受，請於報到期限前在平台上放棄錄取，名額將依備取順序遞補。`]
        : [`很遺憾，您在「${round}」未獲任何志願正取。`, "若您仍在某單位的備取名單上，名額釋出時將依序遞補並通知您；媒合後仍有空缺的單位也可能直接向您提供名額。"],
      links: [{ label: "查看結果與未獲較高志願的原因", url }],
      notes: [],
    }),
    "seat-offered": ({ name, round, unit, checkInBy, url }) => ({
      subject: `「${round}」備取遞補：「${unit}」`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`「${unit}」釋出的名額已依備取順序由您遞補，您現在正取「${unit}」。`, `請於 ${checkInBy}（台灣時間）前完成報到。`],
      links: [{ label: "查看結果並報到", url }],
      notes: [],
    }),
    "post-match-offer": ({ name, round, unit, url }) => ({
      subject: `「${round}」「${unit}」向您提供培訓名額`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`「${unit}」在媒合後仍有空缺，向您提供「${round}」的培訓名額。請在平台上接受或婉拒。`],
      links: [{ label: "查看並回覆", url }],
      notes: [],
    }),
    "post-match-answer": ({ talent, unit, round, accepted, checkInBy, url }) => ({
      subject: accepted ? `「${round}」${talent} 接受了「${unit}」的名額` : `「${round}」${talent} 婉拒了「${unit}」的名額`,
      greeting: "您好：",
      paragraphs: [accepted ? `${talent} 接受了「${unit}」在媒合後提供的名額，須於 ${checkInBy}（台灣時間）前報到。` : `${talent} 婉拒了「${unit}」在媒合後提供的名額，該名額已釋出。`],
      links: [{ label: "查看單位的媒合名單", url }],
      notes: [],
    }),
    "certificate-revoked": ({ name, programme, cohort, serial, reason, url }) => ({
      subject: `「${programme}」結業證書 ${serial} 已撤銷`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`您在「${programme}」「${cohort}」的結業證書（編號 ${serial}）已由課程單位撤銷，公開查驗頁面現在會顯示為已撤銷。`, `撤銷原因：${reason}`, "如有疑問，請聯繫課程單位或透過平台的單一窗口提出。"],
      links: [{ label: "查看證書查驗頁面", url }],
      notes: [],
    }),
    "enrolment-moved-up": ({ name, programme, cohort, url }) => ({
      subject: `「${programme}」候補遞補：您已正式報名「${cohort}」`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`「${programme}」的「${cohort}」有名額釋出，已依候補順序由您遞補，您現在已正式報名。若無法參加，請在平台上取消報名，名額將讓給下一位候補。`],
      links: [{ label: "查看課程與報名狀態", url }],
      notes: [],
    }),
    "work-permit-opened": ({ name, forTalent, url }) => ({
      subject: "工作許可案件已開啟",
      greeting: hello["zh-TW"](name),
      paragraphs: [
        forTalent
          ? "恭喜錄用！平台已為您開啟工作許可案件，列出您與公司需完成的步驟：文件、工作許可申請、就業金卡或居留簽證、抵台與居留證。請依期限更新您負責的步驟並上傳文件。"
          : "貴公司錄用的海外人才已有工作許可案件，列出公司與人才需完成的步驟。請由公司負責工作許可申請，並依期限更新進度。",
      ],
      links: [{ label: "查看工作許可案件", url }],
      notes: [],
    }),
    "spark-invitation": ({ project, inviter, role, url }) => ({
      subject: `${inviter} 邀請您加入 SPARK 團隊「${project}」`,
      greeting: hello["zh-TW"](""),
      paragraphs: [`${inviter} 邀請您以「${role}」身分加入 SPARK 轉譯培訓團隊「${project}」。請以收到這封信的電子郵件地址登入（尚無帳號請先註冊），再於團隊頁面接受或婉拒邀請。`],
      links: [{ label: "查看團隊並回覆邀請", url }],
      notes: ["如果您不認識邀請人，請忽略這封信。"],
    }),
    "spark-decision": ({ name, project, programme, year, selected, url }) => ({
      subject: selected ? `${programme}：「${project}」已獲選` : `${programme}：「${project}」未獲選`,
      greeting: hello["zh-TW"](name),
      paragraphs: [selected ? `恭喜：您的團隊「${project}」獲選參加 ${year} 年度的 ${programme}。請於團隊頁面設定里程碑。` : `很遺憾：您的團隊「${project}」未獲選參加 ${year} 年度的 ${programme}。`],
      links: [{ label: "查看團隊", url }],
      notes: [],
    }),
    "spark-team-withdrawn": ({ name, project, programme, year, byOffice, reason, url }) => ({
      subject: `${programme}：「${project}」已撤回`,
      greeting: hello["zh-TW"](name),
      paragraphs: [
        `${byOffice ? "專案辦公室已將" : "團隊負責人已將"}您的團隊「${project}」自 ${year} 年度的 ${programme} 撤回。撤回後無法恢復：里程碑、輔導會議、配合款與成果發表會媒合都不再受理，尚未回覆的成員邀請也已取消。`,
        ...(reason ? [`撤回原因：${reason}`] : []),
      ],
      links: [{ label: "查看團隊", url }],
      notes: ["如有疑問，請透過平台的單一窗口聯絡專案辦公室。"],
    }),
    "demo-day-meeting-cancelled": ({ name, event, project, when, url }) => ({
      subject: `「${event}」會談取消：「${project}」`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`SPARK 團隊「${project}」已撤回，因此您在「${event}」${when} 與該團隊的會談已取消。這個時段已釋出，可以改約其他團隊。`],
      links: [{ label: "查看成果發表會", url }],
      notes: [],
    }),
    "mission-meeting": ({ name, mission, position, organisation, talent, when, url }) => ({
      subject: `「${mission}」會談已排定：${organisation} × ${talent}`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`「${mission}」已為「${organisation}」與 ${talent} 排定一對一會談（職缺：「${position}」），時間為 ${when}。`, "附件的行事曆檔（.ics）可加入您的行事曆，並會以您所在的時區顯示。"],
      links: [{ label: "查看會談時程", url }],
      notes: [],
    }),
    "ticket-opened": ({ name, reference, subject, due, url }) => ({
      subject: `已收到您的來信（案號 ${reference}）：${subject}`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`單一窗口已收到您的「${subject}」，案號 ${reference}。專案辦公室將於 ${due}（台灣時間）前首次回覆。`, "您可以透過下方連結查看處理進度與回覆，無須登入；請勿將連結轉寄他人。"],
      links: [{ label: "查看案件", url }],
      notes: [],
    }),
    "ticket-reply": ({ name, reference, subject, reply, url }) => ({
      subject: `專案辦公室已回覆（案號 ${reference}）：${subject}`,
      greeting: hello["zh-TW"](name),
      paragraphs: [`專案辦公室回覆了您的「${subject}」：`, reply],
      links: [{ label: "查看案件並回覆", url }],
      notes: [],
    }),
    "outcome-survey": surveyZh(false),
    "outcome-survey-reminder": surveyZh(true),
    signature: "精準健康人才媒合平台",
    automatic: "這封信由系統自動寄出，請勿直接回覆。",
  },
  en: {
    "confirm-email": ({ name, url }) => ({
      subject: "Confirm your e-mail address",
      greeting: hello.en(name),
      paragraphs: ["Thank you for signing up to the Precision Health Talent Portal. Please confirm your e-mail address with the link below; it is valid for 24 hours."],
      links: [{ label: "Confirm e-mail address", url }],
      notes: ["If you did not sign up, you can ignore this message."],
    }),
    "reset-password": ({ name, url }) => ({
      subject: "Reset your password",
      greeting: hello.en(name),
      paragraphs: ["We received a request to reset the password of your account. Use the link below to choose a new password; it is valid for 1 hour."],
      links: [{ label: "Reset password", url }],
      notes: ["If you did not ask for this, ignore this message; your password will not change."],
    }),
    "password-changed": ({ name, resetUrl }) => ({
      subject: "Your password was changed",
      greeting: hello.en(name),
      paragraphs: ["The password of your account on the Precision Health Talent Portal has just been changed.", "If this was not you, reset your password now."],
      links: resetUrl ? [{ label: "Reset password", url: resetUrl }] : [],
      notes: [],
    }),
    "account-exists": ({ name, loginUrl, resetUrl }) => ({
      subject: "Someone tried to sign up with your e-mail address",
      greeting: hello.en(name),
      paragraphs: [
        "Someone just tried to create an account on the Precision Health Talent Portal with this e-mail address, but it already has an account.",
        "If that was you, sign in instead; if you have forgotten your password, you can reset it.",
      ],
      links: [{ label: "Sign in", url: loginUrl }, { label: "Reset password", url: resetUrl }],
      notes: ["If it was not you, ignore this message; nothing on your account has changed."],
    }),
    invitation: ({ organisation, inviter, role, url }) => ({
      subject: `You are invited to join ${organisation}`,
      greeting: "Hello,",
      paragraphs: [`${inviter} has invited you to join ${organisation} on the Precision Health Talent Portal as ${role}.`, "Accept the invitation with the link below; it is valid for 7 days."],
      links: [{ label: "Accept the invitation", url }],
      notes: ["If you do not know the person who invited you, ignore this message."],
    }),
    "organisation-decision": ({ organisation, approved, reason, url }) => ({
      subject: approved ? `${organisation} has been approved` : `${organisation}: your application needs changes`,
      greeting: "Hello,",
      paragraphs: approved
        ? [`A programme officer has approved ${organisation}. It can now use all of the portal's features.`]
        : [`A programme officer has returned the application for ${organisation}. Please make the changes asked for and submit it again.`, ...(reason ? [`Reason: ${reason}`] : [])],
      links: [{ label: "View the organisation", url }],
      notes: [],
    }),
    "application-stage": ({ name, position, organisation, stage, url }) => ({
      subject: `Application update: ${position}`,
      greeting: hello.en(name),
      paragraphs:
        stage === "rejected"
          ? [`Thank you for applying for ${position} at ${organisation}. We are sorry that your application will not go further this time.`]
          : [`Your application for ${position} at ${organisation} has moved to: ${stageEn[stage]}.`],
      links: [{ label: "View your application", url }],
      notes: [],
    }),
    "application-activity": ({ position, talent, activity, url }) => ({
      subject: `New activity on ${position}`,
      greeting: "Hello,",
      paragraphs: [`${talent} ${activityEn[activity]} ${position}.`],
      links: [{ label: "View the applicants", url }],
      notes: [],
    }),
    "application-invitation": ({ name, position, organisation, url }) => ({
      subject: `${organisation} invites you to apply for ${position}`,
      greeting: hello.en(name),
      paragraphs: [`${organisation} has seen your public talent profile and invites you to apply for ${position}.`, "You can accept or decline the invitation on the portal."],
      links: [{ label: "View the invitation", url }],
      notes: [],
    }),
    "quota-returned": ({ unit, round, reason, url }) => ({
      subject: `${round}: your training-unit application was returned`,
      greeting: "Hello,",
      paragraphs: [`The programme office has returned the application of ${unit} for ${round}. Please make the changes asked for and submit it again before the application deadline.`, `Reason: ${reason}`],
      links: [{ label: "View and edit the application", url }],
      notes: [],
    }),
    "quota-results": ({ unit, round, quota, url }) => ({
      subject: `${round}: quota allocation results`,
      greeting: "Hello,",
      paragraphs: [quota > 0 ? `${unit} has been allocated ${quota} PhD trainee place${quota === 1 ? "" : "s"} in ${round}.` : `We are sorry: ${unit} has not been allocated any trainee places in ${round}.`],
      links: [{ label: "View the published results", url }],
      notes: [],
    }),
    "match-result": ({ name, round, unit, preference, checkInBy, url }) => ({
      subject: `${round}: your match result`,
      greeting: hello.en(name),
      paragraphs: unit
        ? [`Congratulations: you have been admitted to ${unit} in ${round} (your preference ${preference}).`, `Please check in by ${checkInBy} (Taipei time). If you will not take the seat, decline it on the portal before then, so it can go to the next applicant on the waitlist.`]
        : [`We are sorry: you were not admitted to any unit you listed in ${round}.`, "If you are on a unit's waitlist, you will be told when a seat comes to you; units with seats still empty after the match may also offer you one."],
      links: [{ label: "See your result and why you were not placed higher", url }],
      notes: [],
    }),
    "seat-offered": ({ name, round, unit, checkInBy, url }) => ({
      subject: `${round}: a seat at ${unit} came to you from the waitlist`,
      greeting: hello.en(name),
      paragraphs: [`A seat at ${unit} was given up and came to you from its waitlist: you are now admitted to ${unit}.`, `Please check in by ${checkInBy} (Taipei time).`],
      links: [{ label: "See your result and check in", url }],
      notes: [],
    }),
    "post-match-offer": ({ name, round, unit, url }) => ({
      subject: `${round}: ${unit} offers you a seat`,
      greeting: hello.en(name),
      paragraphs: [`${unit} still has an empty seat after the match and offers it to you in ${round}. Please accept or decline it on the portal.`],
      links: [{ label: "See the offer and answer", url }],
      notes: [],
    }),
    "post-match-answer": ({ talent, unit, round, accepted, checkInBy, url }) => ({
      subject: accepted ? `${round}: ${talent} accepted the seat at ${unit}` : `${round}: ${talent} declined the seat at ${unit}`,
      greeting: "Hello,",
      paragraphs: [accepted ? `${talent} accepted the seat ${unit} offered after the match and must check in by ${checkInBy} (Taipei time).` : `${talent} declined the seat ${unit} offered after the match; the seat is free again.`],
      links: [{ label: "See the unit's match list", url }],
      notes: [],
    }),
    "certificate-revoked": ({ name, programme, cohort, serial, reason, url }) => ({
      subject: `${programme}: certificate ${serial} revoked`,
      greeting: hello.en(name),
      paragraphs: [`Your certificate of completion for ${cohort} of ${programme} (serial ${serial}) has been revoked by the programme, and its public verification page now says so.`, `Reason: ${reason}`, "If you have questions, contact the programme or write to the portal's single window."],
      links: [{ label: "See the verification page", url }],
      notes: [],
    }),
    "enrolment-moved-up": ({ name, programme, cohort, url }) => ({
      subject: `${programme}: a seat in ${cohort} is yours`,
      greeting: hello.en(name),
      paragraphs: [`A seat in ${cohort} of ${programme} freed up and came to you from the waitlist: you are now enrolled. If you cannot attend, please withdraw on the portal so the next person on the waitlist gets the seat.`],
      links: [{ label: "See the programme and your enrolment", url }],
      notes: [],
    }),
    "work-permit-opened": ({ name, forTalent, url }) => ({
      subject: "Your work-permit case is open",
      greeting: hello.en(name),
      paragraphs: [
        forTalent
          ? "Congratulations on your hire! The portal has opened your work-permit case with the steps you and the company must complete: documents, the work-permit application, the Employment Gold Card or a resident visa, arrival and the residence certificate. Please update your steps and upload documents by their due dates."
          : "Your company has hired an overseas talent, and the portal has opened their work-permit case with the steps the company and the talent must complete. The work-permit application is the company's; please keep its status and due date up to date.",
      ],
      links: [{ label: "See the work-permit case", url }],
      notes: [],
    }),
    "spark-invitation": ({ project, inviter, role, url }) => ({
      subject: `${inviter} invites you to the SPARK team "${project}"`,
      greeting: hello.en(""),
      paragraphs: [`${inviter} invites you to join the SPARK translational team "${project}" as ${role}. Sign in with the address this message was sent to (sign up first if you have no account), then accept or decline on the team's page.`],
      links: [{ label: "See the team and answer", url }],
      notes: ["If you do not know who invited you, please ignore this message."],
    }),
    "spark-decision": ({ name, project, programme, year, selected, url }) => ({
      subject: selected ? `${programme}: "${project}" is selected` : `${programme}: "${project}" was not selected`,
      greeting: hello.en(name),
      paragraphs: [selected ? `Congratulations: your team "${project}" is selected for ${programme} ${year}. Please set your milestones on the team's page.` : `We are sorry: your team "${project}" was not selected for ${programme} ${year}.`],
      links: [{ label: "See the team", url }],
      notes: [],
    }),
    "spark-team-withdrawn": ({ name, project, programme, year, byOffice, reason, url }) => ({
      subject: `${programme}: "${project}" is withdrawn`,
      greeting: hello.en(name),
      paragraphs: [
        `${byOffice ? "The programme office" : "The team's lead"} withdrew your team "${project}" from ${programme} ${year}. A withdrawal is final: milestones, mentor meetings, the matching fund and demo-day meetings are no longer accepted, and invitations not yet answered are cancelled.`,
        ...(reason ? [`Reason: ${reason}`] : []),
      ],
      links: [{ label: "See the team", url }],
      notes: ["If you have questions, please contact the programme office through the portal's single window."],
    }),
    "demo-day-meeting-cancelled": ({ name, event, project, when, url }) => ({
      subject: `${event}: meeting with "${project}" cancelled`,
      greeting: hello.en(name),
      paragraphs: [`The SPARK team "${project}" has withdrawn, so your meeting with it at ${event} on ${when} is cancelled. The slot is free again for another team.`],
      links: [{ label: "See the demo day", url }],
      notes: [],
    }),
    "mission-meeting": ({ name, mission, position, organisation, talent, when, url }) => ({
      subject: `${mission}: meeting scheduled, ${organisation} × ${talent}`,
      greeting: hello.en(name),
      paragraphs: [`${mission} has a one-to-one meeting for ${organisation} and ${talent} (position: ${position}) at ${when}.`, "The attached calendar file (.ics) adds it to your calendar, which shows it in your own time zone."],
      links: [{ label: "See the meeting schedule", url }],
      notes: [],
    }),
    "ticket-opened": ({ name, reference, subject, due, url }) => ({
      subject: `We received your message (ref. ${reference}): ${subject}`,
      greeting: hello.en(name),
      paragraphs: [`The single window received "${subject}", reference ${reference}. The programme office will first reply by ${due} (Taiwan time).`, "The link below shows progress and replies without signing in; do not forward it."],
      links: [{ label: "View your ticket", url }],
      notes: [],
    }),
    "ticket-reply": ({ name, reference, subject, reply, url }) => ({
      subject: `The programme office replied (ref. ${reference}): ${subject}`,
      greeting: hello.en(name),
      paragraphs: [`The programme office replied to "${subject}":`, reply],
      links: [{ label: "View the ticket and reply", url }],
      notes: [],
    }),
    "outcome-survey": surveyEn(false),
    "outcome-survey-reminder": surveyEn(true),
    signature: "Precision Health Talent Portal",
    automatic: "This message was sent automatically; please do not reply to it.",
  },
};

export function renderEmail<T extends TemplateName>(template: T, locale: Locale, data: TemplateData[T]): RenderedEmail {
  const strings = copy[locale];
  const content = (strings[template] as (data: TemplateData[T]) => Content)(data);
  for (const link of content.links) assertWebLink(link.url);
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...content.links.map((l) => `${l.label}${locale === "en" ? ":" : "："}\n${l.url}`),
    ...content.notes,
    `— ${strings.signature}\n${strings.automatic}`,
  ].join("\n\n");
  const paragraph = (s: string, style = "") => `<p${style}>${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html lang="${locale === "en" ? "en" : "zh-Hant-TW"}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.6;color:#0f172a;max-width:36rem">`,
    paragraph(content.greeting),
    ...content.paragraphs.map((p) => paragraph(p)),
    ...content.links.map((l) => `<p><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a><br><span style="font-size:small;color:#475569">${escapeHtml(l.url)}</span></p>`),
    ...content.notes.map((n) => paragraph(n)),
    paragraph(`— ${strings.signature}\n${strings.automatic}`, ` style="font-size:small;color:#475569"`),
    `</body></html>`,
  ].join("\n");
  // A subject is a header: line breaks in a user-given name must not reach it.
  return { subject: singleLine(content.subject), text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const singleLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** Links in mail are built by the portal; anything but http(s) is a bug, not something to send. */
function assertWebLink(url: string) {
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== "http:" && protocol !== "https:") throw new Error(`e-mail link is not an http(s) URL: ${url}`);
}
