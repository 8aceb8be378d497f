/**
 * The pane follows the Office theme: a dark Office theme gives Fluent's dark
 * web theme, anything else (or no theme information, as in Excel on the web)
 * the light one.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The parts of `Office.context.officeTheme` the choice looks at. */
export interface OfficeThemeInfo {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Relative luminance (0 black … 1 white) of `#RRGGBB` / `#RGB`; null when not a colour. */
export function luminance(color: string | undefined): number | null {
  if (!color) return null;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Whether the Office theme is dark: its own flag when given, else a dark body background. */
export function isDarkOfficeTheme(theme: OfficeThemeInfo | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

/** Office's current theme, or null when the host gives none. */
export function officeTheme(): OfficeThemeInfo | null {
  try {
    const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeInfo } } }).Office;
    return office?.context?.officeTheme ?? null;
  } catch {
    // Some hosts throw when the theme is read outside their supported platforms.
    return null;
  }
}

export function fluentTheme(theme: OfficeThemeInfo | null | undefined): Theme {
  return isDarkOfficeTheme(theme) ? webDarkTheme : webLightTheme;
}
