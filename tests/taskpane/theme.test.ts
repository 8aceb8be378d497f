import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { fluentTheme, isDarkOfficeTheme, luminance, officeTheme } from "../../src/taskpane/theme";

describe("Office theme → Fluent theme", () => {
  it("measures colours", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#fff")).toBeCloseTo(1);
    expect(luminance("white")).toBeNull();
    expect(luminance(undefined)).toBeNull();
  });

  it.each([
    [{ bodyBackgroundColor: "#262626" }, true], // Office Black
    [{ bodyBackgroundColor: "#1F1F1F" }, true],
    [{ bodyBackgroundColor: "#FFFFFF" }, false], // White
    [{ bodyBackgroundColor: "#E6E6E6" }, false], // Colorful / light grey
    [{ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true }, true], // the host's own flag wins
    [{ bodyBackgroundColor: "#262626", isDarkTheme: false }, false],
    [{ bodyBackgroundColor: "not a colour" }, false],
    [null, false],
    [undefined, false],
  ])("%j → dark %s", (theme, dark) => {
    expect(isDarkOfficeTheme(theme)).toBe(dark);
    expect(fluentTheme(theme)).toBe(dark ? webDarkTheme : webLightTheme);
  });

  it("reads Office.context.officeTheme, null when absent or when reading throws", () => {
    const g = globalThis as { Office?: unknown };
    const old = g.Office;
    try {
      delete g.Office;
      expect(officeTheme()).toBeNull();
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
      expect(fluentTheme(officeTheme())).toBe(webDarkTheme);
      g.Office = {
        context: {
          get officeTheme() {
            throw new Error("not supported here");
          },
        },
      };
      expect(officeTheme()).toBeNull();
    } finally {
      g.Office = old;
    }
  });
});
