import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../server/env";

describe("environment", () => {
  it("defaults to the embedded setup on port 3000", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MEILI_URL).toBeUndefined();
    expect(env.DATA_DIR).toMatch(/\.data$/);
    expect(env.LOAD_DEMO_DATA).toBe(false);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", MEILI_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ MEILI_URL: "ftp://x" }, "MEILI_URL"],
    [{ MEILI_MASTER_KEY: "short" }, "MEILI_MASTER_KEY"],
    [{ LOAD_DEMO_DATA: "yes" }, "LOAD_DEMO_DATA"],
  ])("refuses %j, naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(name));
  });

  it("accepts a Postgres URL and a Meilisearch URL", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db", MEILI_URL: "http://127.0.0.1:7700", LOAD_DEMO_DATA: "true" });
    expect(env.DATABASE_URL).toBe("postgres://u@localhost:5432/db");
    expect(env.LOAD_DEMO_DATA).toBe(true);
  });
});
