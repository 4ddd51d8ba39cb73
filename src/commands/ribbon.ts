/// <reference types="office-js" />
/*
 * Ribbon commands entry (manifest.xml FunctionFile -> commands.html). MINIMAL STAND-IN that
 * proves the build: to be replaced by the commands work. The function names must stay
 * "kiemTra" and "xuatBaoCao" (manifest.xml <FunctionName>).
 */

function kiemTra(event: Office.AddinCommands.Event): void {
  event.completed();
}

function xuatBaoCao(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  // Nothing to prepare yet.
});

// Registered at load time, as in Microsoft's template, so a click never finds them missing.
Office.actions.associate("kiemTra", kiemTra);
Office.actions.associate("xuatBaoCao", xuatBaoCao);

export {};
