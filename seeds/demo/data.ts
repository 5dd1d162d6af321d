// Demo set: invented organisations, people and positions, clearly marked is_demo and named "示範"
// so nobody mistakes them for real records. Loaded only with LOAD_DEMO_DATA=true or `db:seed --demo`.
export const demoOrganisations = [
  { slug: "demo-genomics", kind: "company", nameZh: "示範基因體科技股份有限公司", nameEn: "Demo Genomics Co., Ltd.", city: "台北市" },
  { slug: "demo-meddevice", kind: "company", nameZh: "示範醫材股份有限公司", nameEn: "Demo Medical Devices Inc.", city: "新竹市" },
  { slug: "demo-biopharma", kind: "company", nameZh: "示範生技製藥股份有限公司", nameEn: "Demo Biopharma Corp.", city: "台南市" },
  { slug: "demo-research-institute", kind: "training_unit", nameZh: "示範生醫研究院", nameEn: "Demo Biomedical Research Institute", city: "台北市" },
  { slug: "demo-university", kind: "training_unit", nameZh: "示範大學生醫產業學院", nameEn: "Demo University College of Biomedical Industry", city: "台中市" },
  { slug: "demo-medical-centre", kind: "medical_centre", nameZh: "示範醫學中心", nameEn: "Demo Medical Centre", city: "高雄市" },
] as const;

export const demoTalents = [
  { id: "demo-talent-1", email: "demo.talent1@example.test", displayName: "示範學員 王小明", nationality: "TW", city: "台北市", years: 1,
    degree: { level: "phd", fieldCode: "05124", institution: "示範大學", year: 2025 },
    skills: [["data-analysis", 4], ["rd", 3], ["clinical-trials", 2]] },
  { id: "demo-talent-2", email: "demo.talent2@example.test", displayName: "示範學員 陳美玲", nationality: "TW", city: "台中市", years: 3,
    degree: { level: "phd", fieldCode: "07193", institution: "示範科技大學", year: 2024 },
    skills: [["product-mechanical-design", 4], ["regulatory-affairs", 3], ["gmp-process", 3]] },
  { id: "demo-talent-3", email: "demo.talent3@example.test", displayName: "Demo Talent Priya Raman", nationality: "IN", city: "Bengaluru", years: 4,
    degree: { level: "phd", fieldCode: "05121", institution: "Demo Institute of Science", year: 2023 },
    skills: [["rd", 5], ["patent-strategy", 2], ["data-analysis", 3]] },
] as const;

/** Positions start from a survey occupation (survey key + code); requirements are copied from it. */
export const demoPositions = [
  { org: "demo-genomics", survey: "precision-health-2025", code: "080202", title: "示範職缺：生物資訊軟體工程師", city: "台北市", salary: [60000, 90000], headcount: 2, overseas: true },
  { org: "demo-meddevice", survey: "precision-health-2025", code: "090107", title: "示範職缺：醫材品保工程師 (QA)", city: "新竹市", salary: [50000, 75000], headcount: 1, overseas: true },
  { org: "demo-biopharma", survey: "precision-health-2025", code: "070207", title: "示範職缺：新藥研發人員", city: "台南市", salary: [55000, 85000], headcount: 3, overseas: false },
] as const;

/**
 * One signed-in account per role, so every part of the portal can be tried on the demo set. They share
 * DEMO_PASSWORD, which is published in the README: never load the demo set on a real deployment.
 */
export const DEMO_PASSWORD = "demo-portal-示範-2026";
export const demoAccounts = [
  { id: "demo-talent-1", email: "demo.talent1@example.test", displayName: "示範學員 王小明", roles: ["talent"], org: null },
  { id: "demo-recruiter", email: "demo.recruiter@example.test", displayName: "示範招募 林經理", roles: ["company_recruiter"], org: "demo-genomics" },
  { id: "demo-unit-staff", email: "demo.unit@example.test", displayName: "示範培訓 張助理", roles: ["training_unit_staff"], org: "demo-research-institute" },
  { id: "demo-reviewer", email: "demo.reviewer@example.test", displayName: "示範審查 黃教授", roles: ["reviewer"], org: null },
  { id: "demo-mentor", email: "demo.mentor@example.test", displayName: "示範業師 吳顧問", roles: ["mentor"], org: null },
  { id: "demo-officer", email: "demo.officer@example.test", displayName: "示範計畫辦公室 周專員", roles: ["programme_officer"], org: null },
  { id: "demo-admin", email: "demo.admin@example.test", displayName: "示範系統管理員", roles: ["admin"], org: null },
] as const;
