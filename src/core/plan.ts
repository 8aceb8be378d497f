/**
 * Plans: plain data describing what a host must write. The core decides
 * every text, font, fill, merge, row height and page setting; a host only
 * translates a plan into its own API calls. Two hosts applying the same plan
 * must produce the same sheet.
 */
import type { CellRange } from "./grid";

export interface FontSpec {
  readonly name: string;
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
  /** `#RRGGBB`. */
  readonly color?: string;
}

export type HorizontalAlignment = "left" | "center" | "right" | "justify";
export type VerticalAlignment = "top" | "center" | "bottom";

export interface CellStyle {
  readonly font: FontSpec;
  readonly horizontal: HorizontalAlignment;
  readonly vertical: VerticalAlignment;
  readonly wrap: boolean;
  /** Indent level in Excel's units (one level ≈ one character of the default font). */
  readonly indent?: number;
  /** `#RRGGBB` background fill. */
  readonly fill?: string;
  /** Lines on all four edges of every cell of the block: `thin` is Excel's thin black line; absent: none. */
  readonly border?: "thin";
}

/**
 * One block of cells written with one style. Every value is written as text
 * (number format `@`), so no department text can ever become a formula.
 */
export interface CellBlock {
  /** Top-left cell of the block. */
  readonly row: number;
  readonly col: number;
  /** Rows of text; each inner array is one sheet row starting at `col`. */
  readonly texts: readonly (readonly string[])[];
  readonly style: CellStyle;
}

/** The three sections of a header or footer, each in Excel's header/footer codes (`&P`, `&"宋体,Regular"&14`). */
export interface HeaderFooterSections {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export interface PageSetup {
  readonly paperSize: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Margins in inches, as both Excel and ExcelJS take them. */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally: boolean;
  /** Fit the print area to this many pages wide (height unconstrained); not applied when `scale` is given. */
  readonly fitToPagesWide: number;
  /**
   * Print at this percentage (10–400) instead of fitting to pages: the sheet
   * is drawn to the paper's measure at this scale (the notice sheet: 97).
   * Writers that do not know it fit to `fitToPagesWide`.
   */
  readonly scale?: number;
  /** The number of the first printed page (Excel's 起始页码); absent: Excel's automatic numbering. */
  readonly firstPageNumber?: number;
  readonly printArea: CellRange;
  /** Excel header/footer codes, e.g. `&C— &P —`; the footer of every page unless `oddEvenFooters` is given. */
  readonly centerFooter: string;
  /**
   * Different footers on odd and even pages (Excel's differentOddEven /
   * HeaderFooterState "OddAndEven"). When given, these are the footers and
   * `centerFooter` is only what a writer without odd/even footers falls back on.
   */
  readonly oddEvenFooters?: { readonly odd: HeaderFooterSections; readonly even: HeaderFooterSections };
}

/**
 * Numbers the core computed (never department text), written as numbers with
 * a number format so a chart can plot them.
 */
export interface NumberBlock {
  readonly row: number;
  readonly col: number;
  /** Rows of numbers; each inner array is one sheet row starting at `col`. */
  readonly values: readonly (readonly number[])[];
  /** Excel number format, e.g. `0.00`. */
  readonly numberFormat: string;
  readonly style: CellStyle;
}

/** One series of a chart: its name and one column of values on the chart's sheet. */
export interface ChartSeries {
  readonly name: string;
  readonly values: CellRange;
  /** `#RRGGBB` fill of the bars. */
  readonly color: string;
}

/**
 * A chart over cells of its own sheet. `bar` is Excel's clustered bar chart
 * (horizontal bars; the first category at the top when `reverseCategories`).
 */
export interface ChartPlan {
  readonly kind: "bar";
  readonly title: string;
  /** The category labels: one column of cells, as many as each series has values. */
  readonly categories: CellRange;
  readonly series: readonly ChartSeries[];
  /** The cells the chart covers: from the top-left cell to the bottom-right one (0-based, inclusive). */
  readonly anchor: CellRange;
  /** The value axis' bounds and number format. */
  readonly valueAxis: { readonly min: number; readonly max: number; readonly numberFormat: string };
  /** List the categories top to bottom in sheet order (Excel draws a bar chart's first category at the bottom otherwise). */
  readonly reverseCategories: boolean;
}

/** A sheet the core wants written from scratch (replacing its earlier version). */
export interface SheetPlan {
  readonly name: string;
  /** Column widths in Excel's character units, from column A. */
  readonly columnWidths: readonly number[];
  /** Columns (0-based) to hide. */
  readonly hiddenColumns: readonly number[];
  readonly blocks: readonly CellBlock[];
  /** Numbers written as numbers (the department sheet's shares); absent: none. */
  readonly numbers?: readonly NumberBlock[];
  /** Charts over the sheet's cells; absent: none. */
  readonly charts?: readonly ChartPlan[];
  readonly merges: readonly CellRange[];
  /** Row heights in points (0-based row). */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly pageSetup: PageSetup;
  readonly showGridlines: boolean;
  /**
   * A cell whose text marks the sheet as written by this tool; a host may
   * replace an existing sheet of the same name only when it carries this mark.
   */
  readonly marker: { readonly row: number; readonly col: number; readonly text: string };
}

/**
 * Highlights added over the tracking sheet as a conditional format, so the
 * departments' own values, fills and fonts are never touched. The rule's
 * formula carries `marker`; a host finds and removes exactly its own rules by it.
 */
export interface HighlightPlan {
  readonly sheet: string;
  readonly ranges: readonly CellRange[];
  readonly fill: string;
  readonly fontColor: string;
  /** The whole rule formula (always TRUE), e.g. `=N("supervision-notice:missed")=0`. */
  readonly formula: string;
  /** The text that identifies rules this tool added. */
  readonly marker: string;
}
