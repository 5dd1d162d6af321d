// The files that check the seeded survey data and its indexes exactly (counts, first hits) run first:
// the run shares one database, and the domain suites after them add their own surveys, programmes and
// positions to it. Within each group the files keep vitest's usual order.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const exactDataFirst = ["/test/seeds/", "/test/db/", "/test/search/", "/test/api/", "/test/boot/"];
const group = (file: string) => (exactDataFirst.some((folder) => file.includes(folder)) ? 0 : 1);

export class SeededDataFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => group(f.moduleId) === 0), ...sorted.filter((f) => group(f.moduleId) === 1)];
  }
}
