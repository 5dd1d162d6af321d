// The rules for a new password, shared by the server and the browser's form validation.
import { describe, expect, it } from "vitest";
import { commonPasswords } from "../../app/auth/common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "../../app/auth/password-rules";

describe("passwordProblem", () => {
  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters, counted by code point`, () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem("")).toBe("tooShort");
    expect(passwordProblem("xkcd-battery")).toBeNull();
    expect(passwordProblem("xkcd-batter")).toBe("tooShort");
    // Eleven Chinese characters are eleven, twelve are enough.
    expect(passwordProblem("我喜歡台北的夜市小吃")).toBe("tooShort");
    expect([..."我喜歡台北的夜市小吃呀"].length).toBe(11);
    expect(passwordProblem("我喜歡台北的夜市小吃呀")).toBe("tooShort");
    expect(passwordProblem("我喜歡台北的夜市小吃呀！")).toBeNull();
    // Characters outside the BMP are two UTF-16 units each but one character.
    const elevenEmoji = "🐉🐅🐇🐍🐎🐐🐒🐓🐕🐖🐁";
    expect(elevenEmoji.length).toBe(22);
    expect(passwordProblem(elevenEmoji)).toBe("tooShort");
    expect(passwordProblem(`${elevenEmoji}🐂`)).toBeNull();
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
    const long = "correct horse battery staple ".repeat(10);
    expect(passwordProblem(long.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem(long.slice(0, PASSWORD_MAX_LENGTH + 1))).toBe("tooLong");
  });

  it("refuses passwords from the common list, whatever their case", () => {
    expect(commonPasswords.has("password1234")).toBe(true);
    expect(passwordProblem("password1234")).toBe("common");
    expect(passwordProblem("PassWord1234")).toBe("common");
    expect(passwordProblem("qwerty123456")).toBe("common");
    expect(passwordProblem("1qaz2wsx3edc")).toBe("common");
    // Every entry on the list is refused.
    for (const common of commonPasswords) expect(passwordProblem(common), common).toBe("common");
    expect(passwordProblem("password1234!")).toBeNull();
  });

  it("refuses passwords of fewer than four different characters", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("repetitive");
    expect(passwordProblem("abababababab")).toBe("repetitive");
    expect(passwordProblem("abcABCabcABC")).toBe("repetitive");
    expect(passwordProblem("            ")).toBe("repetitive");
    expect(passwordProblem("哈哈哈哈哈哈哈哈哈哈哈哈")).toBe("repetitive");
    expect(passwordProblem("abcdabcdabcd")).toBeNull();
  });

  it("refuses a password containing the local part of the address, ignoring case", () => {
    expect(passwordProblem("my name is lin.mei, hello", "lin.mei@example.test")).toBe("containsEmail");
    expect(passwordProblem("LIN.MEI rocks the portal", "Lin.Mei@Example.test")).toBe("containsEmail");
    expect(passwordProblem("my name is lin.mei, hello", "someone@example.test")).toBeNull();
    expect(passwordProblem("my name is lin.mei, hello")).toBeNull();
    // A local part under four characters is too short to judge.
    expect(passwordProblem("abc plus a long passphrase", "abc@example.test")).toBeNull();
    expect(passwordProblem("abcd plus a long passphrase", "abcd@example.test")).toBe("containsEmail");
  });

  it("accepts good passphrases, in Chinese too", () => {
    expect(passwordProblem("correct horse battery staple", "lin.mei@example.test")).toBeNull();
    expect(passwordProblem("我喜歡在台北喝珍珠奶茶看夕陽", "lin.mei@example.test")).toBeNull();
    expect(passwordProblem("Tr0ub4dor&3-gene-therapy")).toBeNull();
  });
});
