/**
 * Simulated office.js proxy objects (Workbook, WorksheetCollection, Worksheet, Range,
 * RangeFormat, RangeFill, RangeFont, RangeBorderCollection, RangeBorder, DataValidation,
 * WorksheetProtection, WorksheetFreezePanes, NamedItemCollection, NamedItem, Application,
 * Runtime). Every getter of a scalar property throws PropertyNotLoaded until loaded and
 * synced; every setter and method is queued and applied at sync.
 *
 * Objects are not extensible: assigning a property the simulator does not know throws a
 * TypeError instead of being silently ignored.
 *
 * One module per Excel object; this index is what the rest of the simulator imports.
 */
export type { RangeTarget } from "./shared";
export { SimApplication } from "./application";
export { SimRuntime } from "./runtime";
export { SimWorkbookProxy } from "./workbook";
export { SimWorksheetCollection } from "./worksheet-collection";
export { SimWorksheet } from "./worksheet";
export { SimWorksheetProtection } from "./worksheet-protection";
export { SimWorksheetFreezePanes } from "./worksheet-freeze-panes";
export { SimRange } from "./range";
export { SimRangeFormat } from "./range-format";
export { SimRangeFill } from "./range-fill";
export { SimRangeFont } from "./range-font";
export { SimRangeBorderCollection, SimRangeBorder } from "./range-border";
export { SimDataValidation } from "./data-validation";
export { SimNamedItemCollection, SimNamedItem } from "./named-item";
export { SimSettingCollection, SimSetting } from "./setting";
