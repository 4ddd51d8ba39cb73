/**
 * The sample report (UBND thị xã Mỹ Hào, tháng 11 năm 2024) as report data: what the demo,
 * `bao-cao template --sample` and the tests start from. Kept apart from the definition so
 * that the task pane's bundle does not carry it.
 */
import sampleJson from "../../templates/sample-my-hao-2024-11.json";
import type { FieldValue, ReportData } from "./types";

export function sampleData(): ReportData {
  const values = sampleJson.values as Record<string, FieldValue>;
  return { values: structuredClone(values) };
}
