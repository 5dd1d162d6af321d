// Calendar files as RFC 5545 asks: CRLF everywhere, folded lines of at most 75 octets, UTC times, a UID.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeText, fold, toIcs } from "../../app/missions/ics";
import { formatInZone, instantToZoned, isTimeZone, zonedToInstant } from "../../app/missions/time-zones";

const meeting = {
  uid: "meeting-1234@portal.test",
  startsAt: new Date("2027-03-15T01:30:00Z"),
  endsAt: new Date("2027-03-15T01:50:00Z"),
  stamp: new Date("2027-03-01T08:00:00Z"),
  summary: "Meeting: Bioinformatics engineer, Acme; Taipei",
  description: "Line one\nLine two, with comma; and semicolon \\ backslash. 精準健康人才媒合平台的招募團媒合會議，".repeat(3),
  location: "Online",
};

describe("calendar invitations (.ics)", () => {
  const ics = toIcs([meeting]);

  it("ends every line with CRLF and no line with a bare LF or CR", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the calendar's required properties and the event's UID, DTSTAMP, DTSTART and DTEND in UTC", () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines).toContain("UID:meeting-1234@portal.test");
    expect(lines).toContain("DTSTART:20270315T013000Z");
    expect(lines).toContain("DTEND:20270315T015000Z");
    expect(lines).toContain("DTSTAMP:20270301T080000Z");
    expect(lines).toContain("SUMMARY:Meeting: Bioinformatics engineer\\, Acme\\; Taipei");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
  });

  it("folds long lines at 75 octets without splitting a character, and unfolding gives the text back", () => {
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const description = unfold(ics).find((l) => l.startsWith("DESCRIPTION:"))!;
    expect(description).toBe(`DESCRIPTION:${escapeText(meeting.description)}`);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
      const folded = fold(s);
      for (const l of folded.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, "")).toBe(s);
    }));
  });

  it("escapes TEXT values so a line break or comma in a title cannot add a property", () => {
    const evil = toIcs([{ ...meeting, summary: "x\r\nATTENDEE:mailto:evil@example.test" }]);
    expect(unfold(evil).filter((l) => l.startsWith("ATTENDEE"))).toEqual([]);
  });
});

describe("time zones", () => {
  it("reads a wall-clock time in the venue's zone and shows it in another", () => {
    const instant = zonedToInstant("2027-03-15T09:30", "Asia/Taipei")!;
    expect(instant.toISOString()).toBe("2027-03-15T01:30:00.000Z");
    expect(instantToZoned(instant, "Europe/Berlin")).toBe("2027-03-15T02:30");
    expect(instantToZoned(instant, "America/Los_Angeles")).toBe("2027-03-14T18:30");
    expect(formatInZone(instant, "Europe/Berlin", "en")).toContain("02:30");
  });

  it("refuses times that do not exist in the zone and names that are not zones", () => {
    expect(zonedToInstant("2027-03-14T02:30", "America/Los_Angeles")).toBeNull();
    expect(zonedToInstant("2027-02-30T10:00", "Asia/Taipei")).toBeNull();
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Asia/Taipei")).toBe(true);
  });
});

const unfold = (text: string) => text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
