// Small-group suppression on public aggregates, and the exports' BOM, quoting and XLSX parse-back.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { chooseTable, requestedFormat, toCsv, toXlsx, type ExportTable } from "~/kpis/export.server";
import { MIN_PUBLIC_GROUP, suppressGroups } from "~/kpis/suppression";

describe("suppression", () => {
  it("uses the outcomes module's threshold: a group of 4 is hidden, 5 is shown, 0 stays", () => {
    expect(MIN_PUBLIC_GROUP).toBe(5);
    const rows = suppressGroups(
      [
        { label: "A", size: 4, rate: 0.5 },
        { label: "B", size: 5, rate: 0.6 },
        { label: "C", size: 0, rate: null },
        { label: "D", size: 9, rate: 0.7 },
      ],
      ["size", "rate"],
    );
    expect(rows[0]).toEqual({ label: "A", size: null, rate: null, suppressed: true });
    // Only A would be hidden, so the next-smallest shown group (B) is hidden too; D stays.
    expect(rows[1]).toEqual({ label: "B", size: null, rate: null, suppressed: true });
    expect(rows[2]!.suppressed).toBe(false);
    expect(rows[3]).toEqual({ label: "D", size: 9, rate: 0.7, suppressed: false });
    expect(JSON.stringify(rows)).not.toContain("0.5");
  });
  it("hides nothing more when two groups are already hidden", () => {
    const rows = suppressGroups(
      [
        { label: "A", size: 1, n: 1 },
        { label: "B", size: 2, n: 2 },
        { label: "C", size: 6, n: 6 },
      ],
      ["size", "n"],
    );
    expect(rows.map((r) => r.suppressed)).toEqual([true, true, false]);
  });
});

const table: ExportTable = {
  name: "kpis-by-unit",
  title: "各單位 KPI",
  headers: ["單位", "結訓率", "備註"],
  rows: [
    ["臺大醫院", 0.75, 'said "yes", then left'],
    ["=HYPERLINK(\"http://x\")", 1, null],
  ],
};

describe("CSV", () => {
  it("starts with a UTF-8 BOM, keeps Chinese headers, quotes and defuses formulas", () => {
    const csv = toCsv(table);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("單位,結訓率,備註");
    expect(lines[1]).toBe('臺大醫院,0.75,"said ""yes"", then left"');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"")",1,`);
  });
});

describe("XLSX", () => {
  it("parses back to the same headers and values, numbers as numbers", async () => {
    const bytes = await toXlsx(table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("各單位 KPI");
    expect(sheet.getRow(1).values).toEqual([undefined, "單位", "結訓率", "備註"]);
    expect(sheet.getRow(2).getCell(2).value).toBe(0.75);
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.rowCount).toBe(3);
  });
});

describe("format and table choice", () => {
  it("accepts csv and xlsx, refuses others with a 400 and unknown tables with a 404", () => {
    expect(requestedFormat(new URL("http://x/?format=csv"))).toBe("csv");
    expect(requestedFormat(new URL("http://x/"))).toBeNull();
    expect(() => requestedFormat(new URL("http://x/?format=pdf"))).toThrow(Response);
    expect(chooseTable([table], new URL("http://x/?table=kpis-by-unit"))).toBe(table);
    try {
      chooseTable([table], new URL("http://x/?table=nope"));
      expect.unreachable();
    } catch (e) {
      expect((e as Response).status).toBe(404);
    }
  });
});
