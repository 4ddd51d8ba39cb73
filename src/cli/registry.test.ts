/** The registry of commands: the usage text is made from it, and main dispatches through it. */
import { EXIT } from "./errors";
import { COMMANDS, commandNames, findCommand, USAGE } from "./registry";
import { runCli } from "./testing";

const today = new Date(2025, 3, 1);
const NAMES = ["kinds", "definition", "template", "rollup", "check", "export", "next-period", "fix-text", "import-figures"];

describe("the registry", () => {
  it("holds every command once, in the order of the usage text", () => {
    expect(commandNames()).toEqual(NAMES);
    for (const name of NAMES) expect(findCommand(name)?.name).toBe(name);
    expect(findCommand("help")).toBeUndefined();
  });

  it("puts every command's lines in the usage text, in order, each starting with its call", () => {
    let from = 0;
    for (const c of COMMANDS) {
      expect(c.usage).toMatch(new RegExp(`^  bao-cao ${c.name}\\b`));
      const at = USAGE.indexOf(c.usage, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + c.usage.length;
    }
    expect(USAGE.startsWith("bao-cao — lập báo cáo về thủ tục hành chính")).toBe(true);
    expect(USAGE.endsWith("Mã thoát: 0 thành công; 1 sổ có lỗi hoặc không đọc, ghi được tệp; 2 gọi lệnh sai cách.")).toBe(true);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))("%s: every option it takes is in its usage lines", (_name, c) => {
    for (const [long, o] of Object.entries(c.options)) {
      const shown = c.usage.includes(`--${long}`) || (o.short !== undefined && c.usage.includes(`-${o.short} `));
      expect({ option: long, shown }).toEqual({ option: long, shown: true });
    }
  });
});

describe("dispatch", () => {
  it("an unknown command: the Vietnamese usage error listing the registered commands, exit 2", async () => {
    const r = await runCli(["lap-bao-cao"], { today });
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`bao-cao: Lệnh không hợp lệ: "lap-bao-cao". Các lệnh: ${NAMES.join(", ")}.\nXem hướng dẫn: bao-cao --help`]);
  });

  it("no command: the usage text on standard error, exit 2", async () => {
    const r = await runCli([], { today });
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`Chưa nhập lệnh.\n\n${USAGE}`]);
  });

  it.each(NAMES)("%s --help and -h print the usage text, exit 0", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const r = await runCli([name, flag], { today });
      expect(r.code).toBe(0);
      expect(r.out).toEqual([USAGE]);
    }
  });

  it.each(NAMES)("%s with an option it does not take: usage error, exit 2", async (name) => {
    const r = await runCli([name, "--khong-co"], { today });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["bao-cao: Tùy chọn không hợp lệ: --khong-co.\nXem hướng dẫn: bao-cao --help"]);
  });
});
