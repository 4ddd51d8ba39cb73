/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import { loadDefinition } from "../report/kinds";
import { checkResult, failOnReactWarnings, templateResult } from "./testing";

import { renderApp } from "./render-app.testutil";

failOnReactWarnings();

const kindSelect = () => screen.getByRole("combobox", { name: "Loại báo cáo" }) as HTMLSelectElement;
const jsonFile = (text: string, name = "rieng.json") => new File([text], name, { type: "application/json" });

describe("Tạo mẫu with report kinds", () => {
  it("offers both built-in kinds and an own definition, the monthly report preselected", () => {
    renderApp({ todayIs: new Date(2025, 9, 1) });
    const options = [...kindSelect().options].map((o) => o.text);
    expect(options).toEqual([
      "Báo cáo tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng",
      "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính (quý, 6 tháng, năm)",
      "Định nghĩa riêng của cơ quan (tệp JSON)…",
    ]);
    expect(kindSelect().value).toBe("bao-cao-cctthc-thang");
  });

  it("makes the chosen kind, and the units' commands then work on it", async () => {
    const { commands, host, user } = renderApp({ todayIs: new Date(2025, 9, 1) });
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    commands.createTemplate.mockResolvedValue({ ...templateResult(["Thông tin chung", "Biểu 06"]), definition: dossiers });
    commands.addUnit.mockResolvedValue({ status: "added", unitName: "Phường A", sheet: "Phường A", renamed: false });
    await user.selectOptions(kindSelect(), "bao-cao-giai-quyet-tthc");
    await user.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(commands.createTemplate).toHaveBeenCalledWith(host, "bao-cao-giai-quyet-tthc");
    expect(await screen.findByText(`Sổ này: ${dossiers.title}`)).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Tên đơn vị" }), "Phường A{Enter}");
    expect(commands.addUnit).toHaveBeenCalledWith(host, "Phường A", dossiers);
  });

  it("takes the workbook's own kind from Kiểm tra", async () => {
    const { commands, host, user } = renderApp({ todayIs: new Date(2025, 9, 1) });
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    commands.checkWorkbookInExcel.mockResolvedValue({ ...checkResult([]), definition: dossiers });
    commands.rollup.mockResolvedValue({ status: "noUnits", message: "Chưa có trang đơn vị nào." });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(commands.rollup).toHaveBeenCalledWith(host, expect.anything(), dossiers);
  });

  it("reads an office's own definition from a JSON file and makes it", async () => {
    const { commands, host, user } = renderApp({ todayIs: new Date(2025, 9, 1) });
    const own = JSON.parse(JSON.stringify(loadDefinition())) as ReturnType<typeof loadDefinition>;
    own.title = "Báo cáo tháng của Sở Tư pháp";
    commands.createTemplate.mockResolvedValue({ ...templateResult(["Thông tin chung"]), definition: own });
    await user.selectOptions(kindSelect(), "__rieng__");
    await user.upload(screen.getByLabelText("Chọn tệp định nghĩa", { selector: "input" }), jsonFile(JSON.stringify(own)));
    expect(await screen.findByText(`Đã đọc định nghĩa riêng "${own.title}". Bấm "Tạo mẫu" để tạo các trang tính theo định nghĩa này.`)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(commands.createTemplate).toHaveBeenCalledWith(host, expect.objectContaining({ title: own.title, id: own.id }));
  });

  it("says what is wrong in a broken definition, with its JSON path, and makes nothing", async () => {
    const { commands, user } = renderApp({ todayIs: new Date(2025, 9, 1) });
    const broken = JSON.parse(JSON.stringify(loadDefinition())) as unknown as { document: { frame: { agency: string } } };
    broken.document.frame.agency = "KHONG_CO";
    await user.selectOptions(kindSelect(), "__rieng__");
    await user.upload(screen.getByLabelText("Chọn tệp định nghĩa", { selector: "input" }), jsonFile(JSON.stringify(broken), "hong.json"));
    expect(await screen.findByText(/\/document\/frame\/agency: trỏ tới trường "KHONG_CO" không có trong "fields"\./)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tạo mẫu" }));
    expect(await screen.findByText(/Chọn tệp định nghĩa riêng \(JSON\) trước khi bấm "Tạo mẫu"/)).toBeTruthy();
    expect(commands.createTemplate).not.toHaveBeenCalled();
  });
});
