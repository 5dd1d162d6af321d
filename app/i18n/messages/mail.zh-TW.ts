// Mail messages, Traditional Chinese. mail.en.ts must have exactly the same keys.
// The e-mails themselves are in app/mail/templates.ts; these are the development inbox's strings.
export const mailZhTW = {
  devMail: {
    title: "開發用收件匣",
    lead: "沒有設定 SMTP_URL，所以平台的信件不會寄出，而是寫入記錄檔並列在這裡。此頁只有本機看得到。",
    filter: "篩選信件",
    to: "收件人",
    apply: "篩選",
    clear: "清除",
    resultCount_one: "共 {{count}} 封信件",
    resultCount_other: "共 {{count}} 封信件",
    empty: "還沒有任何信件。",
    emptyFor: "沒有寄給 {{to}} 的信件。",
    messages: "信件",
    status: "狀態",
    statuses: { pending: "待寄出", sent: "已寄出", failed: "寄送失敗" },
    attempts: "嘗試次數",
    created: "建立時間",
    sent: "寄出時間",
    lastError: "最後的錯誤",
    body: "內文",
    attachments: "附件（{{count}} 個）",
    characters: "{{count}} 字元",
  },
} as const;
