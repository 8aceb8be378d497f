/**
 * A strict test double of the part of the Excel JavaScript API that the
 * add-in uses, with Excel's load/sync rules:
 *
 * - proxies: reading a scalar property before `load()` + `context.sync()`
 *   throws PropertyNotLoaded, as Excel does;
 * - a method's result (`getColumnProperties`) is a ClientResult whose
 *   `value` throws ValueNotLoaded until the sync that ran the method;
 * - every write and every load is queued and runs, in order, at
 *   `context.sync()`; a failing operation rejects the sync and stops the
 *   batch (earlier operations of the batch stay applied, as in Excel);
 * - `*OrNullObject` gives null objects, known only after a sync;
 *   `getItem` of a missing sheet rejects the sync with ItemNotFound;
 * - `range.values` parses text as Excel does unless the cell's number format
 *   is `@` when the write applies: `=…` becomes a formula, `+…`/`-…` a number
 *   or a formula, digits a number;
 * - requirement sets are checked: an API above the configured ExcelApi
 *   version rejects the sync with ApiNotFound;
 * - protected sheets reject writes with AccessDenied;
 * - every sync is counted with its operations and estimated request and
 *   response bytes; both are limited to 5 MB by default, as Excel on the web
 *   limits them (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded); either limit can be set per double.
 *
 * The state is a plain JSON model (./model.ts). No Node imports: the double
 * also runs in a browser.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  columnLetters,
  emptySheet,
  intersects,
  parseArea,
  parseCellKey,
  qualify,
  rectAddress,
  splitSheet,
  type CellModel,
  type ChartAxisModel,
  type ChartModel,
  type ChartSeriesModel,
  type ConditionalFormatModel,
  type ConditionalFormatTypeModel,
  type PageLayoutModel,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from "./model";

// ---------------------------------------------------------------------------
// Errors

/** Shaped like OfficeExtension.Error: `name`, `code`, `message`, `debugInfo`. */
export class OfficeErrorDouble extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

function notLoaded(property: string): OfficeErrorDouble {
  return new OfficeErrorDouble(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const itemNotFound = (what: string) => new OfficeErrorDouble("ItemNotFound", `The requested resource doesn't exist. (${what})`);
const invalidArgument = (what: string) => new OfficeErrorDouble("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`);
const accessDenied = (what: string) =>
  new OfficeErrorDouble("AccessDenied", `The cell or chart you're trying to change is on a protected sheet. (${what})`);

// ---------------------------------------------------------------------------
// Options, requirement sets, byte estimates

export interface DoubleOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.7" for Excel 2019. Default "1.17". */
  apiVersion?: string;
  /** Reject a sync whose request is larger than this many bytes. Default 5 MB (Excel on the web). */
  requestLimitBytes?: number;
  /** Reject a sync whose response is larger than this many bytes. Default 5 MB (Excel on the web); `Infinity` for desktop Excel. */
  responseLimitBytes?: number;
  /** Other requirement sets the host claims, e.g. { ExcelApiOnline: "1.1" }. */
  otherSets?: Record<string, string>;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const encoder = new TextEncoder();
function utf8Length(s: string): number {
  return encoder.encode(s).length;
}
/** Bytes of a value as JSON in a request or response. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value) ?? "");
}
/** Fixed cost of one action in a request (object path and action JSON). */
const ACTION_BYTES = 60;

// ---------------------------------------------------------------------------
// Operations and the request context

interface OpResult {
  commit?: () => void;
  response?: number;
}
interface Op {
  readonly bytes: number;
  run(): OpResult | void;
}

export interface SyncRecord {
  readonly operations: number;
  readonly requestBytes: number;
  responseBytes: number;
  /** The error code when the sync was rejected. */
  error?: string;
}

export class RequestContextDouble {
  readonly workbook: WorkbookDouble;
  syncCount = 0;
  /** Operations queued so far (loads, writes, method calls), over all syncs. */
  operationCount = 0;
  readonly syncs: SyncRecord[] = [];
  private queue: Op[] = [];

  constructor(readonly excel: ExcelDouble) {
    this.workbook = new WorkbookDouble(this);
  }

  get model(): WorkbookModel {
    return this.excel.model;
  }

  /** Operations queued and not yet synced. */
  get pendingOperations(): number {
    return this.queue.length;
  }

  _queue(op: Op): void {
    this.queue.push(op);
    this.operationCount++;
  }

  _requires(version: string | undefined, api: string): void {
    if (version && !this.excel.supports("ExcelApi", version)) {
      throw new OfficeErrorDouble("ApiNotFound", `The API you are trying to use could not be found: ${api} needs ExcelApi ${version}.`);
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncCount++;
    this.excel.syncCount++;
    const requestBytes = 100 + ops.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = { operations: ops.length, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    await Promise.resolve();
    const fail = (e: unknown): never => {
      const err = e instanceof OfficeErrorDouble ? e : new OfficeErrorDouble("GeneralException", e instanceof Error ? e.message : String(e));
      record.error = err.code;
      throw err;
    };
    if (requestBytes > this.excel.options.requestLimitBytes) {
      fail(new OfficeErrorDouble("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`));
    }
    const commits: (() => void)[] = [];
    let response = 0;
    for (const op of ops) {
      let result: OpResult | void = undefined;
      try {
        result = op.run();
      } catch (e) {
        fail(e);
      }
      if (result?.commit) commits.push(result.commit);
      response += result?.response ?? 0;
    }
    record.responseBytes = response;
    if (response > this.excel.options.responseLimitBytes) {
      fail(new OfficeErrorDouble("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response} bytes).`));
    }
    for (const commit of commits) commit();
  }
}

// ---------------------------------------------------------------------------
// Load specifications

/** name → true (a scalar, or a navigation property with all its scalars) or a subtree. */
type LoadTree = Map<string, LoadTree | true>;

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let node = tree;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      if (!node.has(part)) node.set(part, true);
      return;
    }
    let next = node.get(part);
    if (next === undefined || next === true) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  });
}

function parseLoad(spec: unknown): LoadTree {
  const tree: LoadTree = new Map();
  if (spec === undefined || spec === null) return tree;
  if (typeof spec === "string") {
    for (const p of spec.split(",")) addPath(tree, p);
    return tree;
  }
  if (Array.isArray(spec)) {
    for (const p of spec) for (const q of String(p).split(",")) addPath(tree, q);
    return tree;
  }
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      if (typeof o.select === "string") for (const p of o.select.split(",")) addPath(tree, p);
      if (typeof o.expand === "string") for (const p of o.expand.split(",")) addPath(tree, p);
      return tree;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith("$")) continue;
      if (v === true) tree.set(k, true);
      else if (v && typeof v === "object") tree.set(k, parseLoad(v));
    }
    return tree;
  }
  throw invalidArgument("load options");
}

// ---------------------------------------------------------------------------
// Proxies

interface Scalar<T> {
  read(target: T): unknown;
  /** Requirement set of the property. */
  req?: string;
}

interface WriteOptions<T> {
  req?: string;
  /** The sheet whose protection blocks the write; null for none. */
  sheetOf?: (target: T) => SheetModel | null;
  /** Workbook structure writes (add/delete sheets). */
  structure?: boolean;
}

export abstract class ClientObjectDouble<T> {
  protected readonly _loaded = new Map<string, unknown>();
  private _resolved = false;
  private _cached: T | null = null;
  private _nullState: boolean | undefined;
  private readonly _children = new Map<string, ClientObjectDouble<unknown>>();

  constructor(
    readonly context: RequestContextDouble,
    private readonly _resolver: () => T | null,
    protected readonly _nullable: boolean,
    protected readonly _typeName: string,
  ) {}

  /** Scalar properties that `load` can read. */
  protected abstract _scalars(): Record<string, Scalar<T>>;
  /** Navigation properties `load` can go through. */
  protected _navs(): Record<string, () => ClientObjectDouble<unknown>> {
    return {};
  }

  get isNullObject(): boolean {
    if (this._nullState === undefined) throw notLoaded(`${this._typeName}.isNullObject`);
    return this._nullState;
  }

  /** Resolves the target once (like an object path) and keeps it. */
  _resolve(): T | null {
    if (!this._resolved) {
      this._cached = this._resolver();
      this._resolved = true;
    }
    return this._cached;
  }

  /** The target for an operation; a null object or a deleted object fails. */
  _target(): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(`${this._typeName} is a null object`);
    if (!this._alive(t)) throw new OfficeErrorDouble("InvalidObjectPath", `The object path '${this._typeName}' isn't working for what you're trying to do.`);
    return t;
  }

  /** Whether the target still exists (e.g. its sheet was not deleted). */
  protected _alive(_t: T): boolean {
    return true;
  }

  protected _child<C extends ClientObjectDouble<unknown>>(key: string, make: () => C): C {
    let c = this._children.get(key);
    if (!c) {
      c = make();
      this._children.set(key, c);
    }
    return c as C;
  }

  /** Queues the null check of a `*OrNullObject` result. */
  _queueNullCheck(): void {
    this.context._queue({
      bytes: ACTION_BYTES,
      run: () => {
        let t: T | null;
        try {
          t = this._resolve();
        } catch (e) {
          if (e instanceof OfficeErrorDouble && e.code === "ItemNotFound") t = null;
          else throw e;
        }
        return { commit: () => (this._nullState = t === null), response: 20 };
      },
    });
  }

  /** Queues a resolution that fails the sync when the object does not exist (`getItem`). */
  _queueExistenceCheck(): void {
    this.context._queue({ bytes: ACTION_BYTES, run: () => void this._target() });
  }

  protected _get<V>(name: string): V {
    if (this._nullState === true) throw notLoaded(`${this._typeName}.${name} (null object)`);
    if (!this._loaded.has(name)) throw notLoaded(`${this._typeName}.${name}`);
    return this._loaded.get(name) as V;
  }

  /** Queues a write (property set or method call); `args` is what the request would carry. */
  protected _write(what: string, args: unknown, apply: (target: T) => void, options: WriteOptions<T> = {}): void {
    this.context._queue({
      bytes: ACTION_BYTES + jsonBytes(args),
      run: () => {
        this.context._requires(options.req, `${this._typeName}.${what}`);
        if (options.structure && this.context.model.structureProtected) throw accessDenied("workbook structure is protected");
        const t = this._target();
        const sheet = options.sheetOf?.(t);
        if (sheet?.protected) throw accessDenied(`sheet ${sheet.name}`);
        apply(t);
      },
    });
  }

  /** Sets a scalar property: queued, and readable locally afterwards, as Office.js does. */
  protected _set(name: string, value: unknown, apply: (target: T) => void, options: WriteOptions<T> = {}): void {
    this._write(name, value, apply, options);
    this._loaded.set(name, value);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.context._queue({ bytes: ACTION_BYTES + jsonBytes(typeof spec === "string" ? spec : (spec ?? "")), run: () => this._loadNow(tree) });
    return this;
  }

  /** Reads the requested properties now (at the op's turn in the batch); commits them after the sync. */
  _loadNow(tree: LoadTree): OpResult {
    const t = this._resolve();
    if (t === null) {
      if (!this._nullable) throw itemNotFound(this._typeName);
      return { commit: () => (this._nullState = true), response: 20 };
    }
    if (!this._alive(t)) throw new OfficeErrorDouble("InvalidObjectPath", `${this._typeName} no longer exists.`);
    const scalars = this._scalars();
    const navs = this._navs();
    const values = new Map<string, unknown>();
    const commits: (() => void)[] = [];
    let response = 0;
    const entries: [string, LoadTree | true][] = tree.size === 0 ? Object.keys(scalars).map((k) => [k, true]) : [...tree.entries()];
    for (const [name, sub] of entries) {
      const scalar = scalars[name];
      if (scalar) {
        if (sub !== true) throw invalidArgument(`${this._typeName}.${name} is not a navigation property`);
        if (tree.size === 0 && scalar.req && !this.context.excel.supports("ExcelApi", scalar.req)) continue;
        this.context._requires(scalar.req, `${this._typeName}.${name}`);
        const v = scalar.read(t);
        values.set(name, v);
        response += jsonBytes(v) + name.length + 4;
        continue;
      }
      const nav = navs[name];
      if (nav) {
        const r = nav()._loadNow(sub === true ? new Map() : sub);
        if (r.commit) commits.push(r.commit);
        response += r.response ?? 0;
        continue;
      }
      throw invalidArgument(`${this._typeName} has no property '${name}'`);
    }
    return {
      response,
      commit: () => {
        for (const [k, v] of values) this._loaded.set(k, v);
        this._nullState = false;
        for (const c of commits) c();
      },
    };
  }
}

/** OfficeExtension.ClientResult: what a method returns, readable after the sync that ran the method. */
export class ClientResultDouble<V> {
  private _loaded = false;
  private _value: V | undefined;
  get value(): V {
    if (!this._loaded) {
      throw new OfficeErrorDouble(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this._value as V;
  }
  _set(value: V): void {
    this._value = value;
    this._loaded = true;
  }
}

/** A collection: `items` after load; `load("name")` loads the items' `name`. */
abstract class CollectionDouble<T, P extends ClientObjectDouble<unknown>> extends ClientObjectDouble<T[]> {
  private _items: P[] | undefined;

  protected abstract _item(target: T): P;

  get items(): P[] {
    if (!this._items) throw notLoaded(`${this._typeName}.items`);
    return this._items;
  }

  protected _scalars(): Record<string, Scalar<T[]>> {
    return {};
  }

  override _loadNow(tree: LoadTree): OpResult {
    const list = this._target();
    const sub = tree.get("items");
    const itemTree: LoadTree = sub === undefined ? tree : sub === true ? new Map() : sub;
    const proxies = list.map((t) => this._item(t));
    const results = proxies.map((p) => p._loadNow(itemTree));
    return {
      response: results.reduce((n, r) => n + (r.response ?? 0), 20),
      commit: () => {
        this._items = proxies;
        for (const r of results) r.commit?.();
      },
    };
  }
}

// ---------------------------------------------------------------------------
// Workbook, settings

export class WorkbookDouble extends ClientObjectDouble<WorkbookModel> {
  constructor(context: RequestContextDouble) {
    super(context, () => context.model, false, "Workbook");
  }
  protected _scalars(): Record<string, Scalar<WorkbookModel>> {
    return {};
  }
  protected override _navs() {
    return { worksheets: () => this.worksheets, settings: () => this.settings };
  }
  get worksheets(): WorksheetCollectionDouble {
    return this._child("worksheets", () => new WorksheetCollectionDouble(this.context));
  }
  get settings(): SettingCollectionDouble {
    return this._child("settings", () => new SettingCollectionDouble(this.context));
  }
  /** The selected range (for tests of selection). */
  getSelectedRange(): RangeDouble {
    const ctx = this.context;
    return new RangeDouble(
      ctx,
      () => {
        const sel = ctx.model.selection;
        if (!sel) throw itemNotFound("no selection");
        const { sheet, bare } = splitSheet(sel);
        const s = ctx.model.sheets.find((x) => x.name === sheet);
        const rect = parseArea(bare);
        if (!s || !rect) throw itemNotFound("selection");
        return { sheet: s, rect };
      },
      false,
    );
  }
}

export class SettingCollectionDouble extends CollectionDouble<string, SettingDouble> {
  constructor(context: RequestContextDouble) {
    super(context, () => Object.keys(context.model.settings), false, "SettingCollection");
  }
  protected _item(key: string): SettingDouble {
    return new SettingDouble(this.context, () => key, false);
  }
  override _loadNow(tree: LoadTree): OpResult {
    this.context._requires("1.4", "SettingCollection");
    return super._loadNow(tree);
  }
  add(key: string, value: unknown): SettingDouble {
    this._write(
      "add",
      { key, value },
      (settings) => {
        if (value === undefined || typeof value === "function") throw invalidArgument("setting value");
        void settings;
        this.context.model.settings[key] = JSON.parse(JSON.stringify(value)) as unknown;
      },
      { req: "1.4" },
    );
    return new SettingDouble(this.context, () => key, false);
  }
  getItem(key: string): SettingDouble {
    const s = new SettingDouble(this.context, () => (key in this.context.model.settings ? key : null), false);
    this.context._queue({ bytes: ACTION_BYTES, run: () => this.context._requires("1.4", "SettingCollection.getItem") });
    return s;
  }
  getItemOrNullObject(key: string): SettingDouble {
    const s = new SettingDouble(this.context, () => (key in this.context.model.settings ? key : null), true);
    this.context._queue({ bytes: ACTION_BYTES, run: () => this.context._requires("1.4", "SettingCollection.getItemOrNullObject") });
    s._queueNullCheck();
    return s;
  }
}

export class SettingDouble extends ClientObjectDouble<string> {
  constructor(context: RequestContextDouble, resolver: () => string | null, nullable: boolean) {
    super(context, resolver, nullable, "Setting");
  }
  protected _scalars(): Record<string, Scalar<string>> {
    const settings = () => this.context.model.settings;
    return {
      key: { read: (k) => k, req: "1.4" },
      value: { read: (k) => settings()[k], req: "1.4" },
    };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (k) => (this.context.model.settings[k] = JSON.parse(JSON.stringify(v)) as unknown), { req: "1.4" });
  }
  delete(): void {
    this._write("delete", null, (k) => delete this.context.model.settings[k], { req: "1.4" });
  }
}

// ---------------------------------------------------------------------------
// Worksheets

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export class WorksheetCollectionDouble extends CollectionDouble<SheetModel, WorksheetDouble> {
  constructor(context: RequestContextDouble) {
    super(context, () => context.model.sheets, false, "WorksheetCollection");
  }
  protected _item(sheet: SheetModel): WorksheetDouble {
    return new WorksheetDouble(this.context, () => sheet, false);
  }
  private find(key: string): SheetModel | null {
    const k = key.toLowerCase();
    return this.context.model.sheets.find((s) => s.name.toLowerCase() === k || s.id === key) ?? null;
  }
  getItem(key: string): WorksheetDouble {
    const ws = new WorksheetDouble(
      this.context,
      () => {
        const s = this.find(key);
        if (!s) throw itemNotFound(`worksheet '${key}'`);
        return s;
      },
      false,
    );
    ws._queueExistenceCheck();
    return ws;
  }
  getItemOrNullObject(key: string): WorksheetDouble {
    const ws = new WorksheetDouble(this.context, () => this.find(key), true);
    this.context._queue({ bytes: ACTION_BYTES, run: () => this.context._requires("1.4", "WorksheetCollection.getItemOrNullObject") });
    ws._queueNullCheck();
    return ws;
  }
  getActiveWorksheet(): WorksheetDouble {
    return new WorksheetDouble(this.context, () => this.find(this.context.model.activeSheet ?? "") ?? this.context.model.sheets[0] ?? null, false);
  }
  getFirst(): WorksheetDouble {
    return new WorksheetDouble(
      this.context,
      () => {
        this.context._requires("1.5", "WorksheetCollection.getFirst");
        return this.context.model.sheets[0] ?? null;
      },
      false,
    );
  }
  add(name?: string): WorksheetDouble {
    let created: SheetModel | null = null;
    const model = this.context.model;
    this._write(
      "add",
      name ?? null,
      (sheets) => {
        let n = name;
        if (n === undefined) {
          let i = sheets.length + 1;
          while (this.find(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        if (n.trim() === "" || n.length > 31 || INVALID_SHEET_NAME.test(n) || n.startsWith("'") || n.endsWith("'")) throw invalidArgument(`sheet name '${n}'`);
        if (this.find(n)) throw new OfficeErrorDouble("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${n})`);
        created = emptySheet(n, `{sheet-${model.nextId++}}`);
        sheets.push(created);
      },
      { structure: true },
    );
    return new WorksheetDouble(
      this.context,
      () => {
        if (!created) throw new OfficeErrorDouble("InvalidObjectPath", "The worksheet was not added.");
        return created;
      },
      false,
    );
  }
}

export class WorksheetDouble extends ClientObjectDouble<SheetModel> {
  constructor(context: RequestContextDouble, resolver: () => SheetModel | null, nullable: boolean) {
    super(context, resolver, nullable, "Worksheet");
  }
  protected override _alive(s: SheetModel): boolean {
    return this.context.model.sheets.includes(s);
  }
  protected _scalars(): Record<string, Scalar<SheetModel>> {
    return {
      name: { read: (s) => s.name },
      id: { read: (s) => s.id },
      position: { read: (s) => this.context.model.sheets.indexOf(s) },
      visibility: { read: (s) => s.visibility },
      showGridlines: { read: (s) => s.showGridlines, req: "1.8" },
    };
  }
  protected override _navs() {
    return { protection: () => this.protection, pageLayout: () => this.pageLayout, charts: () => this.charts };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => (s.name = v), { sheetOf: (s) => s });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._set("showGridlines", v, (s) => (s.showGridlines = v), { req: "1.8" });
  }
  get protection(): WorksheetProtectionDouble {
    return this._child("protection", () => new WorksheetProtectionDouble(this.context, () => this._resolve()));
  }
  get pageLayout(): PageLayoutDouble {
    return this._child("pageLayout", () => new PageLayoutDouble(this.context, () => this._resolve()));
  }
  get charts(): ChartCollectionDouble {
    return this._child("charts", () => new ChartCollectionDouble(this.context, () => this._resolve()));
  }

  private _range(rect: () => Rect | null, nullable: boolean): RangeDouble {
    return new RangeDouble(
      this.context,
      () => {
        const s = this._resolve();
        if (s === null) return null;
        const r = rect();
        return r === null ? null : { sheet: s, rect: r };
      },
      nullable,
    );
  }

  getRange(address?: string): RangeDouble {
    return this._range(() => {
      if (address === undefined || address === "") return { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS };
      const r = parseArea(address);
      if (!r || address.includes(",")) throw invalidArgument(`range address '${address}'`);
      return r;
    }, false);
  }

  getRanges(address: string): RangeAreasDouble {
    const ctx = this.context;
    const ra = new RangeAreasDouble(
      ctx,
      () => {
        ctx._requires("1.9", "Worksheet.getRanges");
        const s = this._resolve();
        if (s === null) return null;
        const rects = splitAreas(address).map((a) => {
          const r = parseArea(a);
          if (!r) throw invalidArgument(`range address '${a}'`);
          return r;
        });
        if (rects.length === 0) throw invalidArgument("empty address");
        return { sheet: s, rects };
      },
      false,
    );
    return ra;
  }

  /** The sheet after this one (ExcelApi 1.5); a null object after the last sheet, or when this sheet is one. */
  getNextOrNullObject(visibleOnly?: boolean): WorksheetDouble {
    const ctx = this.context;
    const next = new WorksheetDouble(
      ctx,
      () => {
        ctx._requires("1.5", "Worksheet.getNextOrNullObject");
        const s = this._resolve();
        if (s === null) return null;
        const sheets = ctx.model.sheets;
        for (let i = sheets.indexOf(s) + 1; i < sheets.length; i++) {
          if (!visibleOnly || sheets[i]!.visibility === "Visible") return sheets[i]!;
        }
        return null;
      },
      true,
    );
    next._queueNullCheck();
    return next;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    const range = this._range(() => {
      this.context._requires("1.4", "Worksheet.getUsedRangeOrNullObject");
      const s = this._resolve();
      return s ? usedRect(s, valuesOnly ?? false) : null;
    }, true);
    range._queueNullCheck();
    return range;
  }

  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return this._range(() => {
      const s = this._resolve();
      return (s ? usedRect(s, valuesOnly ?? false) : null) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
    }, false);
  }

  delete(): void {
    const model = this.context.model;
    this._write(
      "delete",
      null,
      (s) => {
        const visible = model.sheets.filter((x) => x.visibility === "Visible");
        if (visible.length === 1 && visible[0] === s) throw new OfficeErrorDouble("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        model.sheets.splice(model.sheets.indexOf(s), 1);
        if (model.activeSheet === s.name) model.activeSheet = model.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
        if (model.selection && splitSheet(model.selection).sheet === s.name) model.selection = null;
      },
      { structure: true },
    );
  }

  activate(): void {
    const model = this.context.model;
    this._write("activate", null, (s) => {
      if (s.visibility !== "Visible") throw new OfficeErrorDouble("InvalidOperation", "A hidden sheet cannot be activated.");
      model.activeSheet = s.name;
    });
  }
}

export class WorksheetProtectionDouble extends ClientObjectDouble<SheetModel> {
  constructor(context: RequestContextDouble, resolver: () => SheetModel | null) {
    super(context, resolver, false, "WorksheetProtection");
  }
  protected _scalars(): Record<string, Scalar<SheetModel>> {
    return { protected: { read: (s) => s.protected, req: "1.2" } };
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

/** Splits `A1:B2, 'a,b'!C3` at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim() !== "") out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") out.push(cur.trim());
  return out;
}

/** The used range: bounding box of cells with values (valuesOnly) or with anything. */
function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  for (const [key, cell] of Object.entries(s.cells)) {
    if (valuesOnly ? cell.value === undefined || cell.value === "" : Object.keys(cell).length === 0) continue;
    const { row, col } = parseCellKey(key);
    if (row < r1) r1 = row;
    if (row > r2) r2 = row;
    if (col < c1) c1 = col;
    if (col > c2) c2 = col;
  }
  if (r2 < 0) return null;
  return { row: r1, col: c1, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 };
}

// ---------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const MAX_READ_CELLS = 5_000_000;
/** Formatting a range larger than this touches only the cells that exist (whole columns/rows). */
const MAX_MATERIALISED_CELLS = 200_000;

/** Visits the cells of a rectangle; huge rectangles visit only existing cells. */
function eachCell(target: RangeTarget, fn: (cell: CellModel, row: number, col: number) => void, create = true): void {
  const { sheet, rect } = target;
  if (rect.rowCount * rect.colCount > MAX_MATERIALISED_CELLS) {
    for (const [key, cell] of Object.entries(sheet.cells)) {
      const { row, col } = parseCellKey(key);
      if (row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount) fn(cell, row, col);
    }
    return;
  }
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      const key = cellKey(r, c);
      let cell = sheet.cells[key];
      if (!cell) {
        if (!create) continue;
        cell = {};
        sheet.cells[key] = cell;
      }
      fn(cell, r, c);
    }
  }
}

/** A 2D argument for a range write: the same shape as the range, or one value for all cells. */
function shaped(value: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rect.rowCount || value.some((row) => !Array.isArray(row) || row.length !== rect.colCount)) {
    throw invalidArgument(`${what}: the dimensions of the array (${value.length}×${Array.isArray(value[0]) ? value[0].length : "?"}) do not match the range (${rect.rowCount}×${rect.colCount})`);
  }
  return (r, c) => (value as unknown[][])[r]![c];
}

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** What Excel stores when `text` is written to a cell (number format not `@`). */
export function parseEntry(text: string): { value?: string | number | boolean; formula?: string } {
  if (text === "") return {};
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text, value: "#NAME?" };
  if (NUMBER_TEXT.test(text)) return { value: Number(text) };
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1) return { formula: `=${text}`, value: "#NAME?" };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  return { value: text };
}

function writeValue(cell: CellModel, v: unknown): void {
  if (v === null || v === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  delete cell.value;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const text = String(v);
  if (cell.numberFormat === "@") {
    if (text !== "") cell.value = text;
    return;
  }
  Object.assign(cell, parseEntry(text));
}

function uniform<V>(target: RangeTarget, get: (cell: CellModel | undefined) => V): V | null {
  const { sheet, rect } = target;
  if (rect.rowCount * rect.colCount > MAX_MATERIALISED_CELLS) return get(sheet.cells[cellKey(rect.row, rect.col)]);
  let first: V | undefined;
  let seen = false;
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      const v = get(sheet.cells[cellKey(r, c)]);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

function grid<V>(target: RangeTarget, get: (cell: CellModel | undefined) => V): V[][] {
  const { sheet, rect } = target;
  if (rect.rowCount * rect.colCount > MAX_READ_CELLS) {
    throw new OfficeErrorDouble("ResponsePayloadSizeLimitExceeded", `The range has more than ${MAX_READ_CELLS} cells.`);
  }
  const out: V[][] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    const row: V[] = [];
    for (let c = rect.col; c < rect.col + rect.colCount; c++) row.push(get(sheet.cells[cellKey(r, c)]));
    out.push(row);
  }
  return out;
}

abstract class SheetPartDouble<T extends { sheet: SheetModel }> extends ClientObjectDouble<T> {
  protected override _alive(t: T): boolean {
    return this.context.model.sheets.includes(t.sheet);
  }
  protected _edit(what: string, args: unknown, apply: (t: T) => void, req?: string): void {
    this._write(what, args, apply, { req, sheetOf: (t) => t.sheet });
  }
  protected _setOnSheet(name: string, value: unknown, apply: (t: T) => void, req?: string): void {
    this._set(name, value, apply, { req, sheetOf: (t) => t.sheet });
  }
}

export class RangeDouble extends SheetPartDouble<RangeTarget> {
  constructor(context: RequestContextDouble, resolver: () => RangeTarget | null, nullable: boolean) {
    super(context, resolver, nullable, "Range");
  }
  protected _scalars(): Record<string, Scalar<RangeTarget>> {
    return {
      address: { read: (t) => qualify(t.sheet.name, rectAddress(t.rect)) },
      rowIndex: { read: (t) => t.rect.row },
      columnIndex: { read: (t) => t.rect.col },
      rowCount: { read: (t) => t.rect.rowCount },
      columnCount: { read: (t) => t.rect.colCount },
      cellCount: { read: (t) => t.rect.rowCount * t.rect.colCount },
      values: { read: (t) => grid(t, (c) => c?.value ?? "") },
      numberFormat: { read: (t) => grid(t, (c) => c?.numberFormat ?? "General") },
      formulas: { read: (t) => grid(t, (c) => c?.formula ?? c?.value ?? "") },
      text: { read: (t) => grid(t, (c) => (c?.value === undefined ? "" : String(c.value))) },
      columnHidden: {
        req: "1.2",
        // As Excel: true when every column is hidden, false when none is, null when some are.
        read: (t) => {
          const hidden = new Set(t.sheet.hiddenColumns);
          const count = Array.from({ length: t.rect.colCount }, (_, i) => columnLetters(t.rect.col + i)).filter((l) => hidden.has(l)).length;
          return count === t.rect.colCount ? true : count === 0 ? false : null;
        },
      },
    };
  }
  protected override _navs() {
    return { format: () => this.format, conditionalFormats: () => this.conditionalFormats };
  }
  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._setOnSheet("values", v, (t) => {
      const at = shaped(v, t.rect, "values");
      eachCell(t, (cell, r, c) => writeValue(cell, at(r - t.rect.row, c - t.rect.col)));
    });
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._setOnSheet("numberFormat", v, (t) => {
      const at = shaped(v, t.rect, "numberFormat");
      eachCell(t, (cell, r, c) => {
        const f = at(r - t.rect.row, c - t.rect.col);
        if (f === null || f === undefined) return;
        if (f === "General") delete cell.numberFormat;
        else cell.numberFormat = String(f);
      });
    });
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._setOnSheet(
      "columnHidden",
      v,
      (t) => {
        for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.colCount, MAX_COLS); c++) {
          const l = columnLetters(c);
          const i = t.sheet.hiddenColumns.indexOf(l);
          if (v && i < 0) t.sheet.hiddenColumns.push(l);
          if (!v && i >= 0) t.sheet.hiddenColumns.splice(i, 1);
        }
      },
      "1.2",
    );
  }
  get format(): RangeFormatDouble {
    return this._child("format", () => new RangeFormatDouble(this.context, () => this._resolve()));
  }
  /** The smallest range that holds this one and `other` (a range or an address on the same sheet). */
  getBoundingRect(other: RangeDouble | string): RangeDouble {
    return new RangeDouble(
      this.context,
      () => {
        const t = this._target();
        let rect: Rect | null;
        if (typeof other === "string") {
          const { sheet, bare } = splitSheet(other);
          if (sheet !== null && sheet !== t.sheet.name) throw invalidArgument(`range '${other}' is on another sheet`);
          rect = parseArea(bare);
          if (!rect || bare.includes(",")) throw invalidArgument(`range address '${other}'`);
        } else {
          const o = other._target();
          if (o.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets");
          rect = o.rect;
        }
        const row = Math.min(t.rect.row, rect.row);
        const col = Math.min(t.rect.col, rect.col);
        const rowEnd = Math.max(t.rect.row + t.rect.rowCount, rect.row + rect.rowCount);
        const colEnd = Math.max(t.rect.col + t.rect.colCount, rect.col + rect.colCount);
        return { sheet: t.sheet, rect: { row, col, rowCount: rowEnd - row, colCount: colEnd - col } };
      },
      false,
    );
  }
  /** The part of this range inside `other` (a range or an address on the same sheet, e.g. `1:32`); a null object when they do not meet (ExcelApi 1.4). */
  getIntersectionOrNullObject(other: RangeDouble | string): RangeDouble {
    const ctx = this.context;
    const range = new RangeDouble(
      ctx,
      () => {
        ctx._requires("1.4", "Range.getIntersectionOrNullObject");
        const t = this._resolve();
        if (t === null) return null;
        let rect: Rect | null;
        if (typeof other === "string") {
          const { sheet, bare } = splitSheet(other);
          if (sheet !== null && sheet !== t.sheet.name) throw invalidArgument(`range '${other}' is on another sheet`);
          rect = parseArea(bare);
          if (!rect || bare.includes(",")) throw invalidArgument(`range address '${other}'`);
        } else {
          const o = other._target();
          if (o.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets");
          rect = o.rect;
        }
        const row = Math.max(t.rect.row, rect.row);
        const col = Math.max(t.rect.col, rect.col);
        const rowEnd = Math.min(t.rect.row + t.rect.rowCount, rect.row + rect.rowCount);
        const colEnd = Math.min(t.rect.col + t.rect.colCount, rect.col + rect.colCount);
        return rowEnd <= row || colEnd <= col ? null : { sheet: t.sheet, rect: { row, col, rowCount: rowEnd - row, colCount: colEnd - col } };
      },
      true,
    );
    range._queueNullCheck();
    return range;
  }
  /**
   * Per column of the range, the properties asked for (ExcelApi 1.9). The
   * double knows `columnIndex`, `columnHidden`, `address` and
   * `format.columnWidth`; asking for anything else fails the sync.
   */
  getColumnProperties(options: { columnIndex?: boolean; columnHidden?: boolean; address?: boolean; format?: { columnWidth?: boolean } }): ClientResultDouble<Record<string, unknown>[]> {
    const result = new ClientResultDouble<Record<string, unknown>[]>();
    this.context._queue({
      bytes: ACTION_BYTES + jsonBytes(options),
      run: () => {
        this.context._requires("1.9", "Range.getColumnProperties");
        const known = ["columnIndex", "columnHidden", "address", "format"];
        const unknown = Object.keys(options).filter((k) => !known.includes(k) || (k === "format" && Object.keys(options.format ?? {}).some((f) => f !== "columnWidth")));
        if (unknown.length > 0) throw invalidArgument(`getColumnProperties: the double does not model ${unknown.join(", ")}`);
        const t = this._target();
        const hidden = new Set(t.sheet.hiddenColumns);
        const value = Array.from({ length: t.rect.colCount }, (_, i) => {
          const col = t.rect.col + i;
          const letters = columnLetters(col);
          const props: Record<string, unknown> = {};
          if (options.address) props.address = qualify(t.sheet.name, rectAddress({ ...t.rect, col, colCount: 1 }));
          if (options.columnIndex) props.columnIndex = col;
          if (options.columnHidden) props.columnHidden = hidden.has(letters);
          if (options.format?.columnWidth) props.format = { columnWidth: t.sheet.columnWidths[letters] ?? 48 };
          return props;
        });
        return { response: jsonBytes(value), commit: () => result._set(value) };
      },
    });
    return result;
  }
  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return this._child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionDouble(this.context, () => {
          const t = this._resolve();
          return t ? { sheet: t.sheet, rects: [t.rect] } : null;
        }),
    );
  }
  /** Merged areas that intersect this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreasDouble {
    const ctx = this.context;
    const ra = new RangeAreasDouble(
      ctx,
      () => {
        ctx._requires("1.13", "Range.getMergedAreasOrNullObject");
        const t = this._resolve();
        if (t === null) return null;
        const rects = t.sheet.merges.map((m) => parseArea(m)!).filter((m) => intersects(m, t.rect));
        return rects.length === 0 ? null : { sheet: t.sheet, rects };
      },
      true,
    );
    ra._queueNullCheck();
    return ra;
  }
  merge(across?: boolean): void {
    this._edit(
      "merge",
      across ?? false,
      (t) => {
        const rects = across ? Array.from({ length: t.rect.rowCount }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rowCount: 1 })) : [t.rect];
        for (const rect of rects) {
          if (rect.rowCount * rect.colCount === 1) continue;
          if (t.sheet.merges.some((m) => intersects(parseArea(m)!, rect))) throw invalidArgument(`merge over an existing merged area at ${rectAddress(rect)}`);
          eachCell({ sheet: t.sheet, rect }, (cell, r, c) => {
            if (r === rect.row && c === rect.col) return;
            delete cell.value;
            delete cell.formula;
          });
          t.sheet.merges.push(rectAddress(rect));
        }
      },
      "1.2",
    );
  }
  select(): void {
    const model = this.context.model;
    this._write("select", null, (t) => {
      if (model.activeSheet !== t.sheet.name) throw new OfficeErrorDouble("InvalidOperation", "The range must be on the active sheet to be selected.");
      model.selection = qualify(t.sheet.name, rectAddress(t.rect));
    });
  }
}

export class RangeFormatDouble extends SheetPartDouble<RangeTarget> {
  constructor(context: RequestContextDouble, resolver: () => RangeTarget | null) {
    super(context, resolver, false, "RangeFormat");
  }
  protected _scalars(): Record<string, Scalar<RangeTarget>> {
    return {
      columnWidth: { req: "1.2", read: (t) => t.sheet.columnWidths[columnLetters(t.rect.col)] ?? 48 },
      rowHeight: { req: "1.2", read: (t) => t.sheet.rowHeights[String(t.rect.row + 1)] ?? 15 },
      horizontalAlignment: { read: (t) => uniform(t, (c) => c?.horizontal ?? "General") },
      verticalAlignment: { read: (t) => uniform(t, (c) => c?.vertical ?? "Bottom") },
      wrapText: { read: (t) => uniform(t, (c) => c?.wrap ?? false) },
      indentLevel: { req: "1.9", read: (t) => uniform(t, (c) => c?.indent ?? 0) },
    };
  }
  protected override _navs() {
    return { font: () => this.font, fill: () => this.fill };
  }
  get font(): RangeFontDouble {
    return this._child("font", () => new RangeFontDouble(this.context, () => this._resolve()));
  }
  get borders(): RangeBorderCollectionDouble {
    return this._child("borders", () => new RangeBorderCollectionDouble(this.context, () => this._resolve()));
  }
  get fill(): RangeFillDouble {
    return this._child("fill", () => new RangeFillDouble(this.context, () => this._resolve()));
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._setOnSheet(
      "columnWidth",
      v,
      (t) => {
        if (!(v >= 0)) throw invalidArgument("columnWidth");
        for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.colCount, MAX_COLS); c++) t.sheet.columnWidths[columnLetters(c)] = v;
      },
      "1.2",
    );
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._setOnSheet(
      "rowHeight",
      v,
      (t) => {
        if (!(v >= 0 && v <= 409)) throw invalidArgument(`rowHeight ${v}`);
        if (t.rect.rowCount > 100_000) throw invalidArgument("rowHeight on too many rows");
        for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) t.sheet.rowHeights[String(r + 1)] = v;
      },
      "1.2",
    );
  }
  private _cells(name: string, value: unknown, apply: (cell: CellModel) => void, req?: string): void {
    this._setOnSheet(name, value, (t) => eachCell(t, (cell) => apply(cell)), req);
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._cells("horizontalAlignment", v, (c) => (c.horizontal = v as CellModel["horizontal"]));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._cells("verticalAlignment", v, (c) => (c.vertical = v as CellModel["vertical"]));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._cells("wrapText", v, (c) => (c.wrap = v));
  }
  get indentLevel(): number {
    return this._get("indentLevel");
  }
  set indentLevel(v: number) {
    this._cells("indentLevel", v, (c) => (c.indent = v), "1.9");
  }
}

function hexColor(v: unknown, what: string): string {
  const s = String(v);
  if (!/^#[0-9A-Fa-f]{6}$/.test(s)) throw invalidArgument(`${what} '${s}' (the double takes #RRGGBB only)`);
  return s.toUpperCase();
}

export class RangeFontDouble extends SheetPartDouble<RangeTarget> {
  constructor(context: RequestContextDouble, resolver: () => RangeTarget | null) {
    super(context, resolver, false, "RangeFont");
  }
  protected _scalars(): Record<string, Scalar<RangeTarget>> {
    return {
      name: { read: (t) => uniform(t, (c) => c?.font?.name ?? "Calibri") },
      size: { read: (t) => uniform(t, (c) => c?.font?.size ?? 11) },
      bold: { read: (t) => uniform(t, (c) => c?.font?.bold ?? false) },
      color: { read: (t) => uniform(t, (c) => c?.font?.color ?? "#000000") },
    };
  }
  private _font(name: "name" | "size" | "bold" | "color", value: unknown, normal: unknown): void {
    this._setOnSheet(name, value, (t) => eachCell(t, (cell) => (cell.font = { ...cell.font, [name]: normal })));
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._font("name", v, v);
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._font("size", v, v);
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._font("bold", v, v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setOnSheet("color", v, (t) => {
      const hex = hexColor(v, "font color");
      eachCell(t, (cell) => (cell.font = { ...cell.font, color: hex }));
    });
  }
}

export class RangeFillDouble extends SheetPartDouble<RangeTarget> {
  constructor(context: RequestContextDouble, resolver: () => RangeTarget | null) {
    super(context, resolver, false, "RangeFill");
  }
  protected _scalars(): Record<string, Scalar<RangeTarget>> {
    return { color: { read: (t) => uniform(t, (c) => c?.fill ?? null) } };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setOnSheet("color", v, (t) => {
      const hex = hexColor(v, "fill color");
      eachCell(t, (cell) => (cell.fill = hex));
    });
  }
  clear(): void {
    this._edit("clear", null, (t) => eachCell(t, (cell) => delete cell.fill, false));
  }
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class RangeAreasDouble extends SheetPartDouble<AreasTarget> {
  constructor(context: RequestContextDouble, resolver: () => AreasTarget | null, nullable: boolean) {
    super(context, resolver, nullable, "RangeAreas");
  }
  protected _scalars(): Record<string, Scalar<AreasTarget>> {
    return {
      address: { req: "1.9", read: (t) => t.rects.map((r) => qualify(t.sheet.name, rectAddress(r))).join(",") },
      areaCount: { req: "1.9", read: (t) => t.rects.length },
      cellCount: { req: "1.9", read: (t) => t.rects.reduce((n, r) => n + r.rowCount * r.colCount, 0) },
    };
  }
  protected override _navs() {
    return { conditionalFormats: () => this.conditionalFormats };
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return this._child("conditionalFormats", () => new ConditionalFormatCollectionDouble(this.context, () => this._resolve()));
  }
}

// ---------------------------------------------------------------------------
// Conditional formats

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const CF_TYPES: readonly ConditionalFormatTypeModel[] = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

export class ConditionalFormatCollectionDouble extends SheetPartDouble<AreasTarget> {
  private _items: ConditionalFormatDouble[] | undefined;
  constructor(context: RequestContextDouble, resolver: () => AreasTarget | null) {
    super(context, resolver, false, "ConditionalFormatCollection");
  }
  protected _scalars(): Record<string, Scalar<AreasTarget>> {
    return {};
  }
  get items(): ConditionalFormatDouble[] {
    if (!this._items) throw notLoaded("ConditionalFormatCollection.items");
    return this._items;
  }
  private _matching(t: AreasTarget): ConditionalFormatModel[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((a) => t.rects.some((r) => intersects(parseArea(a)!, r))));
  }
  override _loadNow(tree: LoadTree): OpResult {
    this.context._requires("1.6", "ConditionalFormatCollection");
    const t = this._target();
    const sub = tree.get("items");
    const itemTree: LoadTree = sub === undefined ? tree : sub === true ? new Map() : sub;
    const proxies = this._matching(t).map((cf) => new ConditionalFormatDouble(this.context, () => ({ sheet: t.sheet, cf })));
    const results = proxies.map((p) => p._loadNow(itemTree));
    return {
      response: results.reduce((n, r) => n + (r.response ?? 0), 20),
      commit: () => {
        this._items = proxies;
        for (const r of results) r.commit?.();
      },
    };
  }
  add(type: string): ConditionalFormatDouble {
    let created: CfTarget | null = null;
    const model = this.context.model;
    this._edit(
      "add",
      type,
      (t) => {
        if (!CF_TYPES.includes(type as ConditionalFormatTypeModel)) throw invalidArgument(`conditional format type '${type}'`);
        const cf: ConditionalFormatModel = { id: `{cf-${model.nextId++}}`, type: type as ConditionalFormatTypeModel, ranges: t.rects.map(rectAddress) };
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
      },
      "1.6",
    );
    return new ConditionalFormatDouble(this.context, () => {
      if (!created) throw new OfficeErrorDouble("InvalidObjectPath", "The conditional format was not added.");
      return created;
    });
  }
  clearAll(): void {
    this._edit("clearAll", null, (t) => {
      const gone = new Set(this._matching(t));
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    }, "1.6");
  }
}

export class ConditionalFormatDouble extends SheetPartDouble<CfTarget> {
  constructor(context: RequestContextDouble, resolver: () => CfTarget | null) {
    super(context, resolver, false, "ConditionalFormat");
  }
  protected override _alive(t: CfTarget): boolean {
    return this.context.model.sheets.includes(t.sheet) && t.sheet.conditionalFormats.includes(t.cf);
  }
  protected _scalars(): Record<string, Scalar<CfTarget>> {
    return {
      id: { read: (t) => t.cf.id, req: "1.6" },
      type: { read: (t) => t.cf.type, req: "1.6" },
      priority: { read: (t) => t.sheet.conditionalFormats.indexOf(t.cf), req: "1.6" },
      stopIfTrue: { read: () => false, req: "1.6" },
    };
  }
  protected override _navs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  /** Fails (at sync) when the format is not a custom one, as Excel does. */
  get custom(): CustomConditionalFormatDouble {
    return this._child(
      "custom",
      () =>
        new CustomConditionalFormatDouble(
          this.context,
          () => {
            const t = this._target();
            if (t.cf.type !== "Custom") throw invalidArgument(`the conditional format is of type ${t.cf.type}, not Custom`);
            return t;
          },
          false,
        ),
    );
  }
  get customOrNullObject(): CustomConditionalFormatDouble {
    return this._child(
      "customOrNullObject",
      () =>
        new CustomConditionalFormatDouble(
          this.context,
          () => {
            const t = this._target();
            return t.cf.type === "Custom" ? t : null;
          },
          true,
        ),
    );
  }
  getCustomOrNullObject(): CustomConditionalFormatDouble {
    return this.customOrNullObject;
  }
  delete(): void {
    this._edit(
      "delete",
      null,
      (t) => {
        t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
      },
      "1.6",
    );
  }
}

export class CustomConditionalFormatDouble extends SheetPartDouble<CfTarget> {
  constructor(context: RequestContextDouble, resolver: () => CfTarget | null, nullable: boolean) {
    super(context, resolver, nullable, "CustomConditionalFormat");
  }
  protected _scalars(): Record<string, Scalar<CfTarget>> {
    return {};
  }
  protected override _navs() {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): ConditionalFormatRuleDouble {
    return this._child("rule", () => new ConditionalFormatRuleDouble(this.context, () => this._resolve(), this._nullable));
  }
  get format(): ConditionalRangeFormatDouble {
    return this._child("format", () => new ConditionalRangeFormatDouble(this.context, () => this._resolve(), this._nullable));
  }
}

export class ConditionalFormatRuleDouble extends SheetPartDouble<CfTarget> {
  constructor(context: RequestContextDouble, resolver: () => CfTarget | null, nullable: boolean) {
    super(context, resolver, nullable, "ConditionalFormatRule");
  }
  protected _scalars(): Record<string, Scalar<CfTarget>> {
    return { formula: { read: (t) => t.cf.formula ?? "" } };
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._setOnSheet("formula", v, (t) => {
      if (!v.startsWith("=")) throw invalidArgument(`custom rule formula '${v}' must start with =`);
      t.cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatDouble extends SheetPartDouble<CfTarget> {
  constructor(context: RequestContextDouble, resolver: () => CfTarget | null, nullable: boolean) {
    super(context, resolver, nullable, "ConditionalRangeFormat");
  }
  protected _scalars(): Record<string, Scalar<CfTarget>> {
    return {};
  }
  protected override _navs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): ConditionalColorDouble {
    return this._child("fill", () => new ConditionalColorDouble(this.context, () => this._resolve(), "fill"));
  }
  get font(): ConditionalColorDouble {
    return this._child("font", () => new ConditionalColorDouble(this.context, () => this._resolve(), "fontColor"));
  }
}

/** ConditionalRangeFill / ConditionalRangeFont: only `color` is modelled. */
export class ConditionalColorDouble extends SheetPartDouble<CfTarget> {
  constructor(
    context: RequestContextDouble,
    resolver: () => CfTarget | null,
    private readonly _field: "fill" | "fontColor",
  ) {
    super(context, resolver, false, _field === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont");
  }
  protected _scalars(): Record<string, Scalar<CfTarget>> {
    return { color: { read: (t) => t.cf[this._field] ?? null } };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setOnSheet("color", v, (t) => (t.cf[this._field] = hexColor(v, "conditional format color")));
  }
}

// ---------------------------------------------------------------------------
// Page layout

interface SheetTarget {
  sheet: SheetModel;
}

const PAGE_SCALARS = [
  "paperSize",
  "orientation",
  "topMargin",
  "bottomMargin",
  "leftMargin",
  "rightMargin",
  "headerMargin",
  "footerMargin",
  "centerHorizontally",
  "centerVertically",
  "zoom",
  "firstPageNumber",
] as const;
type PageScalar = (typeof PAGE_SCALARS)[number];

export class PageLayoutDouble extends SheetPartDouble<SheetTarget> {
  constructor(context: RequestContextDouble, resolver: () => SheetModel | null) {
    super(
      context,
      () => {
        const s = resolver();
        return s ? { sheet: s } : null;
      },
      false,
      "PageLayout",
    );
  }
  protected _scalars(): Record<string, Scalar<SheetTarget>> {
    return Object.fromEntries(PAGE_SCALARS.map((k) => [k, { req: "1.9", read: (t: SheetTarget) => t.sheet.pageLayout[k] ?? null }]));
  }
  protected override _navs() {
    return { headersFooters: () => this.headersFooters };
  }
  private _page<K extends PageScalar>(k: K, v: PageLayoutModel[K]): void {
    this._set(k, v, (t) => (t.sheet.pageLayout[k] = v), { req: "1.9" });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._page("paperSize", v);
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") {
      this._write("orientation", v, () => {
        throw invalidArgument(`orientation '${v}'`);
      });
      return;
    }
    this._page("orientation", v);
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  set topMargin(v: number) {
    this._page("topMargin", v);
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._page("bottomMargin", v);
  }
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  set leftMargin(v: number) {
    this._page("leftMargin", v);
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  set rightMargin(v: number) {
    this._page("rightMargin", v);
  }
  get headerMargin(): number {
    return this._get("headerMargin");
  }
  set headerMargin(v: number) {
    this._page("headerMargin", v);
  }
  get footerMargin(): number {
    return this._get("footerMargin");
  }
  set footerMargin(v: number) {
    this._page("footerMargin", v);
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._page("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._page("centerVertically", v);
  }
  /** ExcelApi 1.9: a number, or "" for automatic numbering. */
  get firstPageNumber(): number | "" {
    return this._get("firstPageNumber");
  }
  set firstPageNumber(v: number | "") {
    if (v !== "" && !(Number.isInteger(v) && v >= 0)) {
      this._write("firstPageNumber", v, () => {
        throw invalidArgument(`first page number '${String(v)}'`);
      });
      return;
    }
    this._page("firstPageNumber", v);
  }
  get zoom(): PageLayoutModel["zoom"] {
    return this._get("zoom");
  }
  set zoom(v: PageLayoutModel["zoom"]) {
    this._page("zoom", v ? { ...v } : v);
  }
  setPrintArea(printArea: string | RangeDouble | RangeAreasDouble): void {
    const given = typeof printArea === "string" ? printArea : null;
    this._write(
      "setPrintArea",
      given ?? "range",
      (t) => {
        let address: string;
        if (given !== null) {
          const areas = splitAreas(given).map((a) => parseArea(a));
          if (areas.length === 0 || areas.some((a) => a === null)) throw invalidArgument(`print area '${given}'`);
          address = areas.map((a) => rectAddress(a!)).join(",");
        } else if (printArea instanceof RangeDouble) {
          address = rectAddress(printArea._target().rect);
        } else {
          address = (printArea as RangeAreasDouble)._target().rects.map(rectAddress).join(",");
        }
        t.sheet.pageLayout.printArea = address;
      },
      { req: "1.9" },
    );
  }
  get headersFooters(): HeaderFooterGroupDouble {
    return this._child("headersFooters", () => new HeaderFooterGroupDouble(this.context, () => this._resolve()));
  }
}

const HEADER_FOOTER_STATES = ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"] as const;

export class HeaderFooterGroupDouble extends SheetPartDouble<SheetTarget> {
  constructor(context: RequestContextDouble, resolver: () => SheetTarget | null) {
    super(context, resolver, false, "HeaderFooterGroup");
  }
  protected _scalars(): Record<string, Scalar<SheetTarget>> {
    return { state: { req: "1.9", read: (t) => t.sheet.pageLayout.headerFooterState ?? "Default" } };
  }
  protected override _navs() {
    return {
      defaultForAllPages: () => this.defaultForAllPages,
      firstPage: () => this.firstPage,
      oddPages: () => this.oddPages,
      evenPages: () => this.evenPages,
    };
  }
  /** Which pages have footers of their own: the headers and footers Excel shows and prints. */
  get state(): string {
    return this._get("state");
  }
  set state(v: string) {
    if (!(HEADER_FOOTER_STATES as readonly string[]).includes(v)) {
      this._write("state", v, () => {
        throw invalidArgument(`header/footer state '${v}'`);
      });
      return;
    }
    this._set("state", v, (t) => (t.sheet.pageLayout.headerFooterState = v as PageLayoutModel["headerFooterState"]), { req: "1.9" });
  }
  get defaultForAllPages(): HeaderFooterDouble {
    return this._child("defaultForAllPages", () => new HeaderFooterDouble(this.context, () => this._resolve(), "default"));
  }
  get firstPage(): HeaderFooterDouble {
    return this._child("firstPage", () => new HeaderFooterDouble(this.context, () => this._resolve(), "first"));
  }
  get oddPages(): HeaderFooterDouble {
    return this._child("oddPages", () => new HeaderFooterDouble(this.context, () => this._resolve(), "odd"));
  }
  get evenPages(): HeaderFooterDouble {
    return this._child("evenPages", () => new HeaderFooterDouble(this.context, () => this._resolve(), "even"));
  }
}

type FooterSection = "left" | "center" | "right";
type FooterPages = "default" | "first" | "odd" | "even";

/** The footers of one set of pages (headers are not modelled). The default pages' centre footer is the model's `centerFooter`. */
export class HeaderFooterDouble extends SheetPartDouble<SheetTarget> {
  constructor(
    context: RequestContextDouble,
    resolver: () => SheetTarget | null,
    private readonly _pages: FooterPages = "default",
  ) {
    super(context, resolver, false, "HeaderFooter");
  }
  private _read(t: SheetTarget, section: FooterSection): string {
    if (this._pages === "default" && section === "center") return t.sheet.pageLayout.centerFooter ?? "";
    return t.sheet.pageLayout.footers?.[this._pages]?.[section] ?? "";
  }
  private _footer(section: FooterSection, v: string): void {
    this._set(
      `${section}Footer`,
      v,
      (t) => {
        const layout = t.sheet.pageLayout;
        if (this._pages === "default" && section === "center") {
          layout.centerFooter = v;
          return;
        }
        layout.footers = { ...layout.footers, [this._pages]: { ...layout.footers?.[this._pages], [section]: v } };
      },
      { req: "1.9" },
    );
  }
  protected _scalars(): Record<string, Scalar<SheetTarget>> {
    return {
      leftFooter: { req: "1.9", read: (t) => this._read(t, "left") },
      centerFooter: { req: "1.9", read: (t) => this._read(t, "center") },
      rightFooter: { req: "1.9", read: (t) => this._read(t, "right") },
    };
  }
  get leftFooter(): string {
    return this._get("leftFooter");
  }
  set leftFooter(v: string) {
    this._footer("left", v);
  }
  get centerFooter(): string {
    return this._get("centerFooter");
  }
  set centerFooter(v: string) {
    this._footer("center", v);
  }
  get rightFooter(): string {
    return this._get("rightFooter");
  }
  set rightFooter(v: string) {
    this._footer("right", v);
  }
}

// ---------------------------------------------------------------------------
// Borders

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
type Edge = "top" | "bottom" | "left" | "right";

/** The cell edges a border index draws in a rectangle (an inside line is both neighbours' edges, as Excel stores it). */
function edgesOf(index: BorderIndex, rect: Rect, row: number, col: number): Edge[] {
  const top = row === rect.row;
  const bottom = row === rect.row + rect.rowCount - 1;
  const left = col === rect.col;
  const right = col === rect.col + rect.colCount - 1;
  switch (index) {
    case "EdgeTop":
      return top ? ["top"] : [];
    case "EdgeBottom":
      return bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return left ? ["left"] : [];
    case "EdgeRight":
      return right ? ["right"] : [];
    case "InsideHorizontal":
      return [...(top ? [] : (["top"] as const)), ...(bottom ? [] : (["bottom"] as const))];
    case "InsideVertical":
      return [...(left ? [] : (["left"] as const)), ...(right ? [] : (["right"] as const))];
    default:
      return [];
  }
}

interface BorderTarget extends RangeTarget {
  index: BorderIndex;
}

export class RangeBorderCollectionDouble extends SheetPartDouble<RangeTarget> {
  constructor(context: RequestContextDouble, resolver: () => RangeTarget | null) {
    super(context, resolver, false, "RangeBorderCollection");
  }
  protected _scalars(): Record<string, Scalar<RangeTarget>> {
    return {};
  }
  getItem(index: string): RangeBorderDouble {
    return new RangeBorderDouble(this.context, () => {
      if (!(BORDER_INDEXES as readonly string[]).includes(index)) throw invalidArgument(`border index '${index}'`);
      const t = this._resolve();
      return t ? { ...t, index: index as BorderIndex } : null;
    });
  }
}

/**
 * One border of a range. The double draws only continuous lines (`style`
 * Continuous with `weight` Thin, the default weight; `None` removes them);
 * the colour is kept with the line.
 */
export class RangeBorderDouble extends SheetPartDouble<BorderTarget> {
  private line = { style: "None", weight: "Thin", color: "#000000" };
  constructor(context: RequestContextDouble, resolver: () => BorderTarget | null) {
    super(context, resolver, false, "RangeBorder");
  }
  protected _scalars(): Record<string, Scalar<BorderTarget>> {
    return {};
  }
  private _draw(what: string, value: unknown, check: () => void): void {
    const line = { ...this.line };
    this._set(
      what,
      value,
      (t) => {
        check();
        if (line.style !== "None" && (line.style !== "Continuous" || line.weight !== "Thin")) throw invalidArgument(`border ${line.style}/${line.weight} (the double draws Continuous Thin lines only)`);
        const text = line.style === "None" ? undefined : line.color === "#000000" ? "thin" : `thin ${line.color}`;
        eachCell(t, (cell, r, c) => {
          for (const edge of edgesOf(t.index, t.rect, r, c)) {
            const border = { ...cell.border };
            if (text === undefined) delete border[edge];
            else border[edge] = text;
            if (Object.keys(border).length > 0) cell.border = border;
            else delete cell.border;
          }
        });
      },
      { sheetOf: (t) => t.sheet },
    );
  }
  set style(v: string) {
    this.line.style = v;
    this._draw("style", v, () => {
      if (!["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(v)) throw invalidArgument(`border style '${v}'`);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set weight(v: string) {
    this.line.weight = v;
    this._draw("weight", v, () => {
      if (!["Hairline", "Thin", "Medium", "Thick"].includes(v)) throw invalidArgument(`border weight '${v}'`);
    });
  }
  get weight(): string {
    return this._get("weight");
  }
  set color(v: string) {
    this.line.color = hexColor(v, "border color");
    this._draw("color", v, () => undefined);
  }
  get color(): string {
    return this._get("color");
  }
}

// ---------------------------------------------------------------------------
// Charts

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}
interface SeriesTarget extends ChartTarget {
  series: ChartSeriesModel;
}
interface AxisTarget extends ChartTarget {
  axis: ChartAxisModel;
}

/** The chart types the double draws (Excel.ChartType); any other is refused as not supported by the double. */
const CHART_TYPES = new Set(["BarClustered", "BarStacked", "ColumnClustered", "ColumnStacked", "Line", "Pie"]);

/** A range proxy's target, checked to be a range of this workbook (a chart's data comes from cells). */
function rangeTargetOf(context: RequestContextDouble, range: unknown, what: string): RangeTarget {
  if (!(range instanceof RangeDouble) || range.context.excel !== context.excel) throw invalidArgument(`${what}: not a Range`);
  return range._target();
}

const qualifiedRect = (t: RangeTarget, r: Rect) => qualify(t.sheet.name, rectAddress(r));

/** Text in the first row (or column) over numbers below it: Excel takes it for the series names (the categories). */
function isHeader(t: RangeTarget, cells: [number, number][], rest: [number, number][]): boolean {
  const value = ([r, c]: [number, number]) => t.sheet.cells[cellKey(r, c)]?.value;
  return cells.every((p) => typeof value(p) === "string") && rest.some((p) => typeof value(p) === "number");
}

/** The series Excel makes of source data: one per column (or row), a text first row/column as names and categories. */
function seriesOf(t: RangeTarget, seriesBy: string): ChartSeriesModel[] {
  const { rect } = t;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rect.rowCount >= rect.colCount);
  // Work on the transposed rectangle for rows.
  const lines = byColumns ? rect.colCount : rect.rowCount;
  const length = byColumns ? rect.rowCount : rect.colCount;
  const at = (line: number, i: number): [number, number] => (byColumns ? [rect.row + i, rect.col + line] : [rect.row + line, rect.col + i]);
  const all = (from: number, to: number, lineFrom: number) => {
    const out: [number, number][] = [];
    for (let l = lineFrom; l < lines; l++) for (let i = from; i < to; i++) out.push(at(l, i));
    return out;
  };
  const header = length > 1 && isHeader(t, all(0, 1, 0), all(1, length, 0));
  const labels = lines > 1 && isHeader(t, all(header ? 1 : 0, length, 0).filter(([r, c]) => (byColumns ? c : r) === (byColumns ? rect.col : rect.row)), all(header ? 1 : 0, length, 1));
  const first = header ? 1 : 0;
  const span = (line: number): Rect => {
    const [r0, c0] = at(line, first);
    return byColumns ? { row: r0, col: c0, rowCount: length - first, colCount: 1 } : { row: r0, col: c0, rowCount: 1, colCount: length - first };
  };
  const out: ChartSeriesModel[] = [];
  for (let l = labels ? 1 : 0; l < lines; l++) {
    const [hr, hc] = at(l, 0);
    out.push({
      name: header ? String(t.sheet.cells[cellKey(hr, hc)]?.value ?? "") : `系列${out.length + 1}`,
      values: qualifiedRect(t, span(l)),
      categories: labels ? qualifiedRect(t, span(0)) : null,
    });
  }
  return out;
}

export class ChartCollectionDouble extends SheetPartDouble<SheetTarget> {
  constructor(context: RequestContextDouble, resolver: () => SheetModel | null) {
    super(
      context,
      () => {
        const s = resolver();
        return s ? { sheet: s } : null;
      },
      false,
      "ChartCollection",
    );
  }
  protected _scalars(): Record<string, Scalar<SheetTarget>> {
    return { count: { read: (t) => t.sheet.charts?.length ?? 0 } };
  }
  get count(): number {
    return this._get("count");
  }
  /** `add(type, sourceData, seriesBy)`: a chart over the source data's cells, 480×288 pt at the top left until positioned. */
  add(type: string, sourceData: unknown, seriesBy: string = "Auto"): ChartDouble {
    let created: ChartTarget | null = null;
    const model = this.context.model;
    this._edit("add", [type, seriesBy], (t) => {
      if (!CHART_TYPES.has(type)) throw invalidArgument(`chart type '${type}'`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument(`seriesBy '${seriesBy}'`);
      const source = rangeTargetOf(this.context, sourceData, "sourceData");
      if (source.rect.rowCount * source.rect.colCount > MAX_MATERIALISED_CELLS) throw invalidArgument("sourceData: too large for a chart");
      const chart: ChartModel = {
        id: `{chart-${model.nextId++}}`,
        name: `图表 ${(t.sheet.charts?.length ?? 0) + 1}`,
        type,
        series: seriesOf(source, seriesBy),
        categoryAxis: {},
        valueAxis: {},
        legendVisible: true,
      };
      (t.sheet.charts ??= []).push(chart);
      created = { sheet: t.sheet, chart };
    });
    return new ChartDouble(this.context, () => {
      if (!created) throw new OfficeErrorDouble("InvalidObjectPath", "The chart was not added.");
      return created;
    });
  }
  getItemAt(index: number): ChartDouble {
    return new ChartDouble(this.context, () => {
      const t = this._target();
      const chart = t.sheet.charts?.[index];
      if (!chart) throw itemNotFound(`chart ${index}`);
      return { sheet: t.sheet, chart };
    });
  }
}

abstract class ChartPartDouble<T extends ChartTarget> extends SheetPartDouble<T> {
  protected override _alive(t: T): boolean {
    return super._alive(t) && (t.sheet.charts ?? []).includes(t.chart);
  }
}

export class ChartDouble extends ChartPartDouble<ChartTarget> {
  constructor(context: RequestContextDouble, resolver: () => ChartTarget | null) {
    super(context, resolver, false, "Chart");
  }
  protected _scalars(): Record<string, Scalar<ChartTarget>> {
    return { name: { read: (t) => t.chart.name }, id: { req: "1.7", read: (t) => t.chart.id }, chartType: { req: "1.7", read: (t) => t.chart.type } };
  }
  protected override _navs() {
    return { title: () => this.title, legend: () => this.legend };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setOnSheet("name", v, (t) => (t.chart.name = v));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get title(): ChartTitleDouble {
    return this._child("title", () => new ChartTitleDouble(this.context, () => this._resolve()));
  }
  get legend(): ChartLegendDouble {
    return this._child("legend", () => new ChartLegendDouble(this.context, () => this._resolve()));
  }
  get axes(): ChartAxesDouble {
    return this._child("axes", () => new ChartAxesDouble(this.context, () => this._resolve()));
  }
  get series(): ChartSeriesCollectionDouble {
    return this._child("series", () => new ChartSeriesCollectionDouble(this.context, () => this._resolve()));
  }
  /** Covers the cells from `startCell` to `endCell` (one cell each; the sheet's own cells). */
  setPosition(startCell: string | RangeDouble, endCell?: string | RangeDouble): void {
    const cellOf = (t: ChartTarget, cell: string | RangeDouble, what: string): string => {
      let rect: Rect | null;
      if (typeof cell === "string") {
        const { sheet, bare } = splitSheet(cell);
        if (sheet !== null && sheet !== t.sheet.name) throw invalidArgument(`${what}: another sheet's cell`);
        rect = parseArea(bare);
      } else {
        const r = rangeTargetOf(this.context, cell, what);
        if (r.sheet !== t.sheet) throw invalidArgument(`${what}: another sheet's cell`);
        rect = r.rect;
      }
      if (!rect) throw invalidArgument(`${what} '${String(cell)}'`);
      return cellKey(rect.row, rect.col);
    };
    this._edit("setPosition", [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : "range"], (t) => {
      const start = cellOf(t, startCell, "startCell");
      const end = endCell === undefined ? start : cellOf(t, endCell, "endCell");
      const a = parseCellKey(start);
      const b = parseCellKey(end);
      if (b.row < a.row || b.col < a.col) throw invalidArgument("endCell before startCell");
      t.chart.position = { start, end };
    });
  }
  delete(): void {
    this._edit("delete", null, (t) => t.sheet.charts!.splice(t.sheet.charts!.indexOf(t.chart), 1));
  }
}

export class ChartTitleDouble extends ChartPartDouble<ChartTarget> {
  constructor(context: RequestContextDouble, resolver: () => ChartTarget | null) {
    super(context, resolver, false, "ChartTitle");
  }
  protected _scalars(): Record<string, Scalar<ChartTarget>> {
    return { text: { read: (t) => t.chart.title ?? "" }, visible: { read: (t) => t.chart.title !== undefined } };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._setOnSheet("text", v, (t) => (t.chart.title = String(v)));
  }
}

export class ChartLegendDouble extends ChartPartDouble<ChartTarget> {
  constructor(context: RequestContextDouble, resolver: () => ChartTarget | null) {
    super(context, resolver, false, "ChartLegend");
  }
  protected _scalars(): Record<string, Scalar<ChartTarget>> {
    return { visible: { read: (t) => t.chart.legendVisible } };
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setOnSheet("visible", v, (t) => (t.chart.legendVisible = v === true));
  }
}

export class ChartAxesDouble extends ChartPartDouble<ChartTarget> {
  constructor(context: RequestContextDouble, resolver: () => ChartTarget | null) {
    super(context, resolver, false, "ChartAxes");
  }
  protected _scalars(): Record<string, Scalar<ChartTarget>> {
    return {};
  }
  get categoryAxis(): ChartAxisDouble {
    return this._child("categoryAxis", () => new ChartAxisDouble(this.context, () => this._axis("categoryAxis")));
  }
  get valueAxis(): ChartAxisDouble {
    return this._child("valueAxis", () => new ChartAxisDouble(this.context, () => this._axis("valueAxis")));
  }
  private _axis(which: "categoryAxis" | "valueAxis"): AxisTarget | null {
    const t = this._resolve();
    return t ? { ...t, axis: t.chart[which] } : null;
  }
}

const AXIS_POSITIONS = ["Automatic", "Maximum", "Minimum", "Custom"] as const;

export class ChartAxisDouble extends ChartPartDouble<AxisTarget> {
  constructor(context: RequestContextDouble, resolver: () => AxisTarget | null) {
    super(context, resolver, false, "ChartAxis");
  }
  protected _scalars(): Record<string, Scalar<AxisTarget>> {
    return {
      minimum: { read: (t) => t.axis.minimum ?? null },
      maximum: { read: (t) => t.axis.maximum ?? null },
      numberFormat: { req: "1.8", read: (t) => t.axis.numberFormat ?? "General" },
      reversePlotOrder: { req: "1.7", read: (t) => t.axis.reversePlotOrder ?? false },
      position: { req: "1.8", read: (t) => t.axis.position ?? "Automatic" },
      tickLabelSpacing: { req: "1.7", read: (t) => t.axis.tickLabelSpacing ?? null },
    };
  }
  private _axisSet<K extends keyof ChartAxisModel>(k: K, v: ChartAxisModel[K], check: (v: ChartAxisModel[K]) => boolean, req?: string): void {
    this._set(
      k,
      v,
      (t) => {
        if (!check(v)) throw invalidArgument(`ChartAxis.${k} '${String(v)}'`);
        t.axis[k] = v;
      },
      { req, sheetOf: (t) => t.sheet },
    );
  }
  get minimum(): number {
    return this._get("minimum");
  }
  set minimum(v: number) {
    this._axisSet("minimum", v, (x) => typeof x === "number" && Number.isFinite(x));
  }
  get maximum(): number {
    return this._get("maximum");
  }
  set maximum(v: number) {
    this._axisSet("maximum", v, (x) => typeof x === "number" && Number.isFinite(x));
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._axisSet("numberFormat", v, (x) => typeof x === "string" && x !== "", "1.8");
  }
  get reversePlotOrder(): boolean {
    return this._get("reversePlotOrder");
  }
  set reversePlotOrder(v: boolean) {
    this._axisSet("reversePlotOrder", v, (x) => typeof x === "boolean", "1.7");
  }
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._axisSet("position", v as ChartAxisModel["position"], (x) => (AXIS_POSITIONS as readonly unknown[]).includes(x), "1.8");
  }
  get tickLabelSpacing(): number {
    return this._get("tickLabelSpacing");
  }
  set tickLabelSpacing(v: number) {
    this._axisSet("tickLabelSpacing", v, (x) => Number.isInteger(x) && x! >= 1, "1.7");
  }
}

export class ChartSeriesCollectionDouble extends ChartPartDouble<ChartTarget> {
  constructor(context: RequestContextDouble, resolver: () => ChartTarget | null) {
    super(context, resolver, false, "ChartSeriesCollection");
  }
  protected _scalars(): Record<string, Scalar<ChartTarget>> {
    return { count: { read: (t) => t.chart.series.length } };
  }
  get count(): number {
    return this._get("count");
  }
  /** A series without data, named `name` (ExcelApi 1.7); its values and categories come from setValues/setXAxisValues. */
  add(name?: string): ChartSeriesDouble {
    let created: SeriesTarget | null = null;
    this._edit(
      "add",
      name ?? null,
      (t) => {
        const series: ChartSeriesModel = { name: name ?? `系列${t.chart.series.length + 1}`, values: null, categories: null };
        t.chart.series.push(series);
        created = { ...t, series };
      },
      "1.7",
    );
    return new ChartSeriesDouble(this.context, () => {
      if (!created) throw new OfficeErrorDouble("InvalidObjectPath", "The series was not added.");
      return created;
    });
  }
  getItemAt(index: number): ChartSeriesDouble {
    return new ChartSeriesDouble(this.context, () => {
      const t = this._target();
      const series = t.chart.series[index];
      if (!series) throw itemNotFound(`chart series ${index}`);
      return { ...t, series };
    });
  }
}

export class ChartSeriesDouble extends ChartPartDouble<SeriesTarget> {
  constructor(context: RequestContextDouble, resolver: () => SeriesTarget | null) {
    super(context, resolver, false, "ChartSeries");
  }
  protected _scalars(): Record<string, Scalar<SeriesTarget>> {
    return { name: { read: (t) => t.series.name } };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setOnSheet("name", v, (t) => (t.series.name = String(v)));
  }
  get format(): ChartSeriesFormatDouble {
    return this._child("format", () => new ChartSeriesFormatDouble(this.context, () => this._resolve()));
  }
  /** One row or column of cells on the chart's sheet. */
  private _data(what: "setValues" | "setXAxisValues", range: unknown, set: (t: SeriesTarget, address: string) => void): void {
    this._edit(
      what,
      "range",
      (t) => {
        const r = rangeTargetOf(this.context, range, what);
        if (r.rect.rowCount !== 1 && r.rect.colCount !== 1) throw invalidArgument(`${what}: one row or one column`);
        set(t, qualifiedRect(r, r.rect));
      },
      "1.7",
    );
  }
  setValues(sourceData: unknown): void {
    this._data("setValues", sourceData, (t, a) => (t.series.values = a));
  }
  setXAxisValues(sourceData: unknown): void {
    this._data("setXAxisValues", sourceData, (t, a) => (t.series.categories = a));
  }
}

export class ChartSeriesFormatDouble extends ChartPartDouble<SeriesTarget> {
  constructor(context: RequestContextDouble, resolver: () => SeriesTarget | null) {
    super(context, resolver, false, "ChartSeriesFormat");
  }
  protected _scalars(): Record<string, Scalar<SeriesTarget>> {
    return {};
  }
  get fill(): ChartFillDouble {
    return this._child("fill", () => new ChartFillDouble(this.context, () => this._resolve()));
  }
}

export class ChartFillDouble extends ChartPartDouble<SeriesTarget> {
  constructor(context: RequestContextDouble, resolver: () => SeriesTarget | null) {
    super(context, resolver, false, "ChartFill");
  }
  protected _scalars(): Record<string, Scalar<SeriesTarget>> {
    return {};
  }
  setSolidColor(color: string): void {
    this._edit("setSolidColor", color, (t) => (t.series.fill = hexColor(color, "chart fill")));
  }
  clear(): void {
    this._edit("clear", null, (t) => delete t.series.fill);
  }
}

// ---------------------------------------------------------------------------
// The double: Excel.run, Office.context.requirements

export interface OfficeGlobalDouble {
  context: { requirements: { isSetSupported(name: string, minVersion?: string | number): boolean } };
}

export interface ExcelGlobalDouble {
  run<R>(batch: (context: RequestContextDouble) => Promise<R>): Promise<R>;
  RequestContext: new () => RequestContextDouble;
}

export class ExcelDouble {
  readonly options: Required<Pick<DoubleOptions, "apiVersion" | "requestLimitBytes" | "responseLimitBytes">> & { otherSets: Record<string, string> };
  /** Syncs over every context of this double. */
  syncCount = 0;
  readonly contexts: RequestContextDouble[] = [];

  constructor(
    public model: WorkbookModel,
    options: DoubleOptions = {},
  ) {
    this.options = {
      apiVersion: options.apiVersion ?? "1.17",
      requestLimitBytes: options.requestLimitBytes ?? 5 * 1024 * 1024,
      responseLimitBytes: options.responseLimitBytes ?? 5 * 1024 * 1024,
      otherSets: options.otherSets ?? {},
    };
  }

  supports(name: string, minVersion?: string | number): boolean {
    const have = name === "ExcelApi" ? this.options.apiVersion : this.options.otherSets[name];
    if (have === undefined) return false;
    return minVersion === undefined || versionAtLeast(have, String(minVersion));
  }

  context(): RequestContextDouble {
    const ctx = new RequestContextDouble(this);
    this.contexts.push(ctx);
    return ctx;
  }

  /** `Excel.run`: runs the batch, then syncs what it left queued. */
  async run<R>(batch: (context: RequestContextDouble) => Promise<R>): Promise<R> {
    const ctx = this.context();
    const result = await batch(ctx);
    if (ctx.pendingOperations > 0) await ctx.sync();
    return result;
  }

  get office(): OfficeGlobalDouble {
    return { context: { requirements: { isSetSupported: (name, v) => this.supports(name, v) } } };
  }

  get excel(): ExcelGlobalDouble {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      run: (batch) => self.run(batch),
      RequestContext: class {
        constructor() {
          return self.context();
        }
      } as unknown as new () => RequestContextDouble,
    };
  }

  /** Puts `Office` and `Excel` on the global object; returns a function that restores the old ones. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const old = { Office: target.Office, Excel: target.Excel };
    target.Office = this.office;
    target.Excel = this.excel;
    return () => {
      target.Office = old.Office;
      target.Excel = old.Excel;
    };
  }

  /** The context typed as Excel's, for code under test. */
  requestContext(): Excel.RequestContext {
    return this.context() as unknown as Excel.RequestContext;
  }

  sheet(name: string): SheetModel {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name} in the model`);
    return s;
  }
}
