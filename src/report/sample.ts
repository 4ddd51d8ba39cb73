/**
 * The sample data of each kind (templates/<id>.sample.json): what the demo, `bao-cao
 * template --sample`, the sandbox and the tests start from. The monthly kind's sample is
 * the report of UBND thị xã Mỹ Hào, tháng 11 năm 2024, word for word. Kept apart from the
 * definitions so that the task pane's bundle does not carry the samples.
 */
import { contextFiles, DEFAULT_KIND_ID, IN_BUNDLE, templateFiles, type WebpackContext } from "./kinds";
import type { ReportData } from "./types";

const SAMPLE_SUFFIX = ".sample.json";

let samples: Record<string, unknown> | undefined;

/** The sample data of a kind, or null when the kind has none. */
export function sampleDataOf(id: string): ReportData | null {
  samples ??= IN_BUNDLE
    ? contextFiles(
        (require as unknown as { context(d: string, deep: boolean, m: RegExp): WebpackContext }).context("../../templates", false, /\.sample\.json$/),
      )
    : templateFiles(SAMPLE_SUFFIX);
  const json = samples[`${id}${SAMPLE_SUFFIX}`] as { values: ReportData["values"] } | undefined;
  return json ? { values: structuredClone(json.values) } : null;
}

/** The sample data of a kind (the monthly report by default); throws when the kind has none. */
export function sampleData(id: string = DEFAULT_KIND_ID): ReportData {
  const data = sampleDataOf(id);
  if (!data) throw new Error(`Kind ${id} has no sample data`);
  return data;
}
