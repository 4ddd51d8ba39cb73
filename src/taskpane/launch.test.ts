/**
 * @jest-environment jsdom
 */
import { forgetLaunchCommand, launchCommandFrom } from "./launch";

test("?lenh=xuat-bao-cao asks for the export; anything else asks for nothing", () => {
  expect(launchCommandFrom("?lenh=xuat-bao-cao")).toBe("xuat-bao-cao");
  expect(launchCommandFrom("?_host_Info=Excel$Win32$16.01$vi-VN&lenh=xuat-bao-cao")).toBe("xuat-bao-cao");
  expect(launchCommandFrom("")).toBeNull();
  expect(launchCommandFrom("?lenh=xoa-het")).toBeNull();
});

test("forgetLaunchCommand drops only lenh from the address, so a reload does not export again", () => {
  window.history.replaceState(null, "", "/taskpane.html?_host_Info=Excel&lenh=xuat-bao-cao");
  forgetLaunchCommand();
  expect(window.location.pathname + window.location.search).toBe("/taskpane.html?_host_Info=Excel");
  forgetLaunchCommand();
  expect(window.location.search).toBe("?_host_Info=Excel");
});
