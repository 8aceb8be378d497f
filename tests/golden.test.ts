import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noticeText, prepareNotice } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";

describe("the notice for the bundled sample", () => {
  it("matches the checked-in text, line by line", async () => {
    const job = prepareNotice(await readWorkbookGrid("samples/tracking-2025-q3.xlsx"), {
      today: "2030-01-01",
      settings: { government: "淄川区人民政府", issuer: "淄川区人民政府办公室", date: "2025-10-29" },
    });
    const expected = readFileSync("tests/golden/notice-2025-q3.txt", "utf8").split("\n");
    const actual = noticeText(job.notice).split("\n");
    actual.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));
    expect(actual.length).toBe(expected.length);
  });
});
